package dev.kehu.crm.order;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The dormant-customer watch (C6): a customer who has bought nothing for more than a period — 6 months
 * unless the host configures another — needs attention before they are lost (客户流失). A purchase is a
 * sales order on its {@linkplain SalesOrder#orderDate order date}; a cancelled order is none.
 *
 * <p>A customer who never bought is not dormant: there is nothing to lose yet, and prospects are followed
 * as pre-sales work instead.
 */
public final class DormancyRule {
    /** The documents' period: more than six months without a purchase. */
    public static final Period DEFAULT_THRESHOLD = Period.ofMonths(6);

    private DormancyRule() {
    }

    /**
     * Whether a customer whose last purchase was on {@code lastOrderDate} is dormant on {@code today}: more
     * than {@code threshold} has passed since (exactly six months is not yet "more than six months").
     *
     * @throws IllegalArgumentException when the threshold is not a positive period
     */
    public static boolean isDormant(Optional<LocalDate> lastOrderDate, LocalDate today, Period threshold) {
        requireNonNull(today, "today");
        requirePositive(threshold);
        return lastOrderDate.map(last -> last.plus(threshold).isBefore(today)).orElse(false);
    }

    /** {@link #isDormant(Optional, LocalDate, Period)} with the default six months. */
    public static boolean isDormant(Optional<LocalDate> lastOrderDate, LocalDate today) {
        return isDormant(lastOrderDate, today, DEFAULT_THRESHOLD);
    }

    /**
     * The day a store's range scan of last purchases starts from: on {@code today}, a customer whose last purchase
     * is before the returned day is dormant, and one whose last purchase is on it or later is not. Month
     * arithmetic clips to month ends ({@code 31 August + 6 months} is {@code 28 February}), so
     * {@code today − threshold} is not always that day: the exact one is found from there.
     *
     * @throws IllegalArgumentException when the threshold is not a positive period
     */
    public static LocalDate purchasedBefore(LocalDate today, Period threshold) {
        requireNonNull(today, "today");
        requirePositive(threshold);
        // isDormant holds for every day before some day and for none after it (a later purchase is never staler).
        LocalDate cutoff = today.minus(threshold);
        while (isDormant(Optional.of(cutoff), today, threshold)) cutoff = cutoff.plusDays(1);
        while (!isDormant(Optional.of(cutoff.minusDays(1)), today, threshold)) cutoff = cutoff.minusDays(1);
        return cutoff;
    }

    /**
     * The first day on which a customer whose last purchase was on {@code lastPurchase} is dormant: the day a
     * dormant spell begins, which a reminder can be keyed by.
     */
    public static LocalDate dormantFrom(LocalDate lastPurchase, Period threshold) {
        requireNonNull(lastPurchase, "lastPurchase");
        requirePositive(threshold);
        LocalDate day = lastPurchase.plus(threshold);
        while (!isDormant(Optional.of(lastPurchase), day, threshold)) day = day.plusDays(1);
        return day;
    }

    /**
     * The date of the customer's last purchase among {@code orders}: the latest order date of an order that is
     * not cancelled; empty when there is none.
     *
     * @throws IllegalArgumentException when the orders belong to more than one customer
     */
    public static Optional<LocalDate> lastPurchase(Collection<SalesOrder> orders) {
        if (orders.stream().map(SalesOrder::customer).distinct().count() > 1) {
            throw new IllegalArgumentException("the orders of one customer are expected");
        }
        return orders.stream().filter(SalesOrder::isPurchase).map(SalesOrder::orderDate)
                .max(Comparator.naturalOrder());
    }

    /** Whether the customer with {@code orders} (all theirs) is dormant on {@code today}. */
    public static boolean isDormant(Collection<SalesOrder> orders, LocalDate today, Period threshold) {
        return isDormant(lastPurchase(orders), today, threshold);
    }

    /**
     * Checks a dormancy period: it must move every day forward.
     *
     * @return {@code threshold}
     * @throws IllegalArgumentException when it does not
     */
    public static Period requirePositive(Period threshold) {
        requireNonNull(threshold, "threshold");
        // A period such as "1 month − 40 days" has no sign of its own; compare its effect on a fixed day.
        LocalDate day = LocalDate.of(2000, 1, 1);
        try {
            if (!day.plus(threshold).isAfter(day) || threshold.isNegative()) {
                throw new IllegalArgumentException("the dormancy period must be positive, got " + threshold);
            }
        } catch (DateTimeException beyondCalendar) {
            // A period of millions of years leads past any date: no customer could ever be dormant.
            throw new IllegalArgumentException("the dormancy period is beyond any calendar, got " + threshold,
                    beyondCalendar);
        }
        return threshold;
    }
}
