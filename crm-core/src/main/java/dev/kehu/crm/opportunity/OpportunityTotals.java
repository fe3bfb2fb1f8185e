package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Money;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opportunities of one group counted and summed in one currency: what the funnel (O10), the forecast (O11)
 * and the load of account managers add up, answered by the store ({@link Opportunities#totals}) without loading
 * the opportunities. A group is a stage or a month of expected signing ({@link Grouping}), a status and the
 * currency of the expected amount.
 *
 * @param stage         the stage, when grouped {@link Grouping#STAGE}; otherwise {@code null}
 * @param expectedMonth the month of the expected signing date, when grouped {@link Grouping#EXPECTED_MONTH};
 *                      otherwise, and for the opportunities without a date, {@code null}
 * @param count         how many opportunities, at least one
 * @param amount        the sum of their expected amounts; {@code null} for the group of those without one
 * @param weighted      the sum of their weighted amounts ({@link Opportunity#weightedAmount()}: each expected
 *                      amount times its probability, rounded half-even to the currency's minor units before it
 *                      is added); {@code null} exactly when {@code amount} is
 */
public record OpportunityTotals(String stage, YearMonth expectedMonth, OpportunityStatus status, long count,
                                Money amount, Money weighted) {

    /** What opportunities are grouped by, besides their status and the currency of their expected amount. */
    public enum Grouping {
        /** By stage: the funnel. */
        STAGE,
        /** By the month of the expected signing date: the forecast. */
        EXPECTED_MONTH
    }

    public OpportunityTotals {
        requireNonNull(status, "status");
        if (count < 1) throw new IllegalArgumentException("a group has at least one opportunity, got " + count);
        if ((amount == null) != (weighted == null)) {
            throw new IllegalArgumentException("a group has both sums or neither: " + amount + ", " + weighted);
        }
        if (amount != null && !amount.currency().equals(weighted.currency())) {
            throw new IllegalArgumentException("both sums are in one currency: " + amount + ", " + weighted);
        }
    }

    /** The currency of the group's expected amounts; {@code null} for the opportunities without one. */
    public Currency currency() {
        return amount == null ? null : amount.currency();
    }

    /**
     * The totals of {@code opportunities} grouped {@code by}, in the order each group first appears: the reference
     * semantics every store's {@link Opportunities#totals} reproduces over the opportunities its query matches.
     */
    public static List<OpportunityTotals> of(Collection<Opportunity> opportunities, Grouping by) {
        requireNonNull(by, "by");
        Map<Key, OpportunityTotals> groups = new LinkedHashMap<>();
        for (Opportunity o : opportunities) {
            Key key = Key.of(o, by);
            OpportunityTotals one = new OpportunityTotals(key.stage, key.month, key.status, 1, o.expectedAmount(),
                    o.weightedAmount().orElse(null));
            groups.merge(key, one, OpportunityTotals::plus);
        }
        return List.copyOf(groups.values());
    }

    private OpportunityTotals plus(OpportunityTotals other) {
        return new OpportunityTotals(stage, expectedMonth, status, count + other.count,
                amount == null ? null : amount.plus(other.amount),
                weighted == null ? null : weighted.plus(other.weighted));
    }

    private record Key(String stage, YearMonth month, OpportunityStatus status, Currency currency) {
        static Key of(Opportunity o, Grouping by) {
            Currency currency = o.expectedAmount() == null ? null : o.expectedAmount().currency();
            return switch (by) {
                case STAGE -> new Key(o.stage(), null, o.status(), currency);
                case EXPECTED_MONTH -> new Key(null,
                        o.expectedSigningDate() == null ? null : YearMonth.from(o.expectedSigningDate()), o.status(),
                        currency);
            };
        }
    }
}
