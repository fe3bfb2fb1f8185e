package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.Money;

/**
 * An opportunity as the assignment rules see it. Territory, industry and source are codes, {@code null} when
 * unknown (then no rule on them matches).
 *
 * @param id             the opportunity's id
 * @param weightedAmount the expected amount times the probability of winning, in the currency of the
 *                       {@link Workload} it is planned against
 */
public record WorkItem(String id, String territory, String industry, String source, Money weightedAmount) {
    public WorkItem {
        Identifiers.check(id, "work item id");
        requireNonNull(weightedAmount, "weightedAmount");
        if (weightedAmount.isNegative()) {
            throw new IllegalArgumentException("the weighted amount of " + id + " must not be negative, got: "
                    + weightedAmount);
        }
    }
}
