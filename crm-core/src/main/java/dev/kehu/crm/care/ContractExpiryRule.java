package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.Contracts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Contracts in execution that end within the notice periods (30, 60 and 90 days by default): the contract's owner
 * is reminded once per period the contract enters, with the shortest period that holds its days left, so a run
 * that finds a contract 20 days before its end sends the 30-day reminder only, and one that ran every day sends
 * the 90-, 60- and 30-day reminders on the days they fall due. Uses the index on status and end date.
 */
final class ContractExpiryRule implements CareRule<Contract> {
    private final Contracts contracts;
    private final List<Integer> noticeDays; // ascending

    ContractExpiryRule(Contracts contracts, List<Integer> noticeDays) {
        this.contracts = contracts;
        this.noticeDays = List.copyOf(noticeDays);
    }

    @Override
    public String name() {
        return CareRules.CONTRACT_EXPIRY;
    }

    @Override
    public List<Contract> page(TenantId tenant, LocalDate today, Contract after, int limit) {
        int longest = noticeDays.get(noticeDays.size() - 1);
        return contracts.expiring(tenant, today, Horizon.ahead(today, longest), after == null ? null : after.id(),
                limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<Contract> rows, LocalDate today) {
        return rows.stream().filter(contract -> contract.owner() != null).map(contract -> {
            long daysLeft = ChronoUnit.DAYS.between(today, contract.endDate());
            int notice = noticeDays.stream().filter(days -> daysLeft <= days).findFirst().orElseThrow();
            return new ReminderCandidate(Contract.RECORD_TYPE, contract.id().value(),
                    contract.id().value() + ":" + notice, contract.endDate(), contract.owner(), contract.number(),
                    Map.of("endDate", contract.endDate().toString(), "noticeDays", Integer.toString(notice),
                            "customer", contract.customer().value()));
        }).toList();
    }
}
