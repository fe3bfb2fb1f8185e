package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exchange rates from a fixed table of dated rates, for hosts without a rate feed, for tests and for
 * examples. Immutable once built.
 *
 * <p>A rate given as {@code rate(USD, CNY, 2025-01-01, 7.1)} holds from that date until the next rate of the
 * same pair. The rate asked for a date is the one with the latest {@code validFrom} on or before it, looking
 * at both directions of the pair: a rate given only the other way round is used inverted, {@code 1 / rate}
 * rounded half-even to 16 significant digits ({@link MathContext#DECIMAL64}), since most inverses have no
 * finite decimal expansion; when both directions have a rate from the same date, the one given wins. The
 * same currency converts at exactly 1. There is no triangulation through a third currency: a pair with no
 * rate in either direction on or before the date has none ({@link Optional#empty()}).
 */
public final class FixedExchangeRates implements ExchangeRates {
    private static final MathContext INVERSE_PRECISION = MathContext.DECIMAL64;

    private final Map<Pair, NavigableMap<LocalDate, BigDecimal>> table;

    private FixedExchangeRates(Map<Pair, NavigableMap<LocalDate, BigDecimal>> table) {
        Map<Pair, NavigableMap<LocalDate, BigDecimal>> copy = new HashMap<>();
        table.forEach((pair, rates) -> copy.put(pair, new TreeMap<>(rates)));
        this.table = Map.copyOf(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<BigDecimal> rate(Currency from, Currency to, LocalDate date) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(date, "date");
        if (from.equals(to)) return Optional.of(BigDecimal.ONE);
        Map.Entry<LocalDate, BigDecimal> given = latest(new Pair(from, to), date);
        Map.Entry<LocalDate, BigDecimal> opposite = latest(new Pair(to, from), date);
        if (given != null && (opposite == null || !given.getKey().isBefore(opposite.getKey()))) {
            return Optional.of(given.getValue());
        }
        return Optional.ofNullable(opposite).map(e -> BigDecimal.ONE.divide(e.getValue(), INVERSE_PRECISION));
    }

    private Map.Entry<LocalDate, BigDecimal> latest(Pair pair, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> rates = table.get(pair);
        return rates == null ? null : rates.floorEntry(date);
    }

    private record Pair(Currency from, Currency to) {
    }

    /** Collects rates; a rate must be positive, between two different currencies, and given once per date. */
    public static final class Builder {
        private final Map<Pair, NavigableMap<LocalDate, BigDecimal>> table = new HashMap<>();

        private Builder() {
        }

        /** From {@code validFrom} on, one unit of {@code from} is worth {@code rate} units of {@code to}. */
        public Builder rate(Currency from, Currency to, LocalDate validFrom, BigDecimal rate) {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            requireNonNull(validFrom, "validFrom");
            if (from.equals(to)) throw new IllegalArgumentException("a rate needs two different currencies: " + from);
            if (requireNonNull(rate, "rate").signum() <= 0) {
                throw new IllegalArgumentException("a rate must be positive, got " + rate);
            }
            BigDecimal earlier = table.computeIfAbsent(new Pair(from, to), p -> new TreeMap<>()).putIfAbsent(validFrom, rate);
            if (earlier != null) {
                throw new IllegalArgumentException("a rate from " + from + " to " + to + " on " + validFrom
                        + " is already given: " + earlier);
            }
            return this;
        }

        public FixedExchangeRates build() {
            return new FixedExchangeRates(table);
        }
    }
}
