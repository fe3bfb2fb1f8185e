package dev.kehu.crm.contract;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.customer.LifecycleStage;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's lifecycle stage (阶段, C1) as its contracts tell it, on a given day:
 * <ol>
 *   <li>{@link LifecycleStage#CONTRACT_EXECUTION 合同执行} while any contract is in execution and its end date
 *       has not passed;</li>
 *   <li>otherwise {@link LifecycleStage#AFTER_SALES 售后服务} while any completed contract's period runs: a
 *       contract fulfilled before its end date leaves its remaining period as the service period;</li>
 *   <li>otherwise {@link LifecycleStage#CONTRACT_EXPIRED 合同期满} once any contract was signed: every signed
 *       contract has expired, been terminated, or been completed and run out;</li>
 *   <li>otherwise {@link LifecycleStage#PRE_SALES 售前跟踪}: no contract was ever signed. Drafts and contracts
 *       awaiting approval or signature do not move a customer out of pre-sales, nor back into it.</li>
 * </ol>
 * A contract still marked in execution after its end date counts as expired, so the stage is right on the
 * day even before anyone {@linkplain Contract#expire expires} it.
 */
public final class LifecycleRule {
    private LifecycleRule() {
    }

    /**
     * The stage of the customer whose contracts (every one of them, of any status) are {@code contractsOfCustomer}.
     *
     * @throws IllegalArgumentException when the contracts belong to more than one customer
     */
    public static LifecycleStage stageFor(List<Contract> contractsOfCustomer, LocalDate today) {
        requireNonNull(today, "today");
        if (contractsOfCustomer.stream().map(Contract::customer).distinct().count() > 1) {
            throw new IllegalArgumentException("the contracts of one customer are expected");
        }
        boolean executing = false;
        boolean serving = false;
        boolean signed = false;
        for (Contract contract : contractsOfCustomer) {
            // Every signed contract has its end date: only a draft may lack one.
            switch (contract.status()) {
                case IN_EXECUTION -> {
                    signed = true;
                    executing |= !today.isAfter(contract.endDate());
                }
                case COMPLETED -> {
                    signed = true;
                    serving |= !today.isAfter(contract.endDate());
                }
                case TERMINATED, EXPIRED -> signed = true;
                case DRAFT, SUBMITTED, APPROVED, REJECTED -> { }
            }
        }
        if (executing) return LifecycleStage.CONTRACT_EXECUTION;
        if (serving) return LifecycleStage.AFTER_SALES;
        return signed ? LifecycleStage.CONTRACT_EXPIRED : LifecycleStage.PRE_SALES;
    }
}
