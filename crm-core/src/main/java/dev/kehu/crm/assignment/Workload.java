package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The open work each account manager holds: how many open opportunities and their total weighted amount.
 * Open work only — won, lost and cancelled opportunities are not load. A rep missing from a map holds nothing.
 *
 * <p>Amounts are kept in one currency, so that they can be added and compared: the host converts weighted
 * amounts with its {@code ExchangeRates} before planning. An amount in another currency is refused with a
 * {@link CurrencyMismatchException}.
 */
public record Workload(Currency currency, Map<UserId, Integer> openCount, Map<UserId, Money> openWeightedAmount) {
    public Workload {
        requireNonNull(currency, "currency");
        openCount = Map.copyOf(openCount);
        openWeightedAmount = Map.copyOf(openWeightedAmount);
        openCount.forEach((user, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("the open count of " + user + " must not be negative, got: " + count);
            }
        });
        for (Map.Entry<UserId, Money> entry : openWeightedAmount.entrySet()) {
            requireCurrency(currency, entry.getValue());
            if (entry.getValue().isNegative()) {
                throw new IllegalArgumentException("the open weighted amount of " + entry.getKey()
                        + " must not be negative, got: " + entry.getValue());
            }
        }
    }

    /** Nobody holds any open work. */
    public static Workload none(Currency currency) {
        return new Workload(currency, Map.of(), Map.of());
    }

    public int countOf(UserId user) {
        return openCount.getOrDefault(user, 0);
    }

    public Money amountOf(UserId user) {
        return openWeightedAmount.getOrDefault(user, Money.zero(currency));
    }

    /** This load after {@code user} was given one more open opportunity of {@code weightedAmount}. */
    Workload plus(UserId user, Money weightedAmount) {
        Map<UserId, Integer> counts = new HashMap<>(openCount);
        counts.put(user, countOf(user) + 1);
        Map<UserId, Money> amounts = new HashMap<>(openWeightedAmount);
        amounts.put(user, amountOf(user).plus(weightedAmount));
        return new Workload(currency, counts, amounts);
    }

    static void requireCurrency(Currency expected, Money money) {
        if (!money.currency().equals(expected)) {
            throw new CurrencyMismatchException(expected, money.currency());
        }
    }
}
