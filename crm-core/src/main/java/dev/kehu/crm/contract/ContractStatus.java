package dev.kehu.crm.contract;

import dev.kehu.crm.common.LabelledEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract stands in its approval and execution (Q2). A draft is submitted for approval, then
 * approved, or rejected with a reason and taken back to draft to be reworked; an approved contract is signed
 * and goes into execution, which ends as completed, terminated (with a reason) or expired. An approved
 * contract that was never signed also expires once its end date has passed. Completed, terminated and
 * expired are final.
 */
public enum ContractStatus implements LabelledEnum {
    DRAFT, SUBMITTED, APPROVED, REJECTED, IN_EXECUTION, COMPLETED, TERMINATED, EXPIRED;

    /** Whether a contract in this status may move to {@code target}; the one table of legal transitions. */
    public boolean canBecome(ContractStatus target) {
        return switch (target) {
            case DRAFT -> this == REJECTED;
            case SUBMITTED -> this == DRAFT;
            case APPROVED, REJECTED -> this == SUBMITTED;
            case IN_EXECUTION -> this == APPROVED;
            case COMPLETED, TERMINATED -> this == IN_EXECUTION;
            case EXPIRED -> this == APPROVED || this == IN_EXECUTION;
        };
    }

    /** The statuses a contract in this one may move to. */
    public Set<ContractStatus> next() {
        Set<ContractStatus> next = EnumSet.noneOf(ContractStatus.class);
        for (ContractStatus target : values()) {
            if (canBecome(target)) next.add(target);
        }
        return next;
    }

    /** Whether the contract was signed and put into execution at some point, or is in execution now. */
    public boolean isRenewable() {
        return this == IN_EXECUTION || this == COMPLETED || this == EXPIRED;
    }

    /** Whether nothing can happen to the contract any more (a completed or expired one can still be renewed). */
    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED || this == EXPIRED;
    }

    /** Whether the contract's content is settled: everything but a draft. */
    boolean isSettled() {
        return this != DRAFT;
    }

    /** Whether the contract carries the date it was signed: signed is what going into execution means. */
    boolean mustBeSigned() {
        return this == IN_EXECUTION || this == COMPLETED || this == TERMINATED;
    }

    boolean cannotBeSigned() {
        return this == DRAFT || this == SUBMITTED || this == APPROVED || this == REJECTED;
    }
}
