package dev.kehu.crm.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Port: dated exchange rates, supplied by the host (its treasury, its ERP, a bank feed). Kehu converts
 * amounts only through it, to report totals in the company's base currency.
 */
@FunctionalInterface
public interface ExchangeRates {
    /** How many units of {@code to} one unit of {@code from} was worth on {@code date}, if known. */
    Optional<BigDecimal> rate(Currency from, Currency to, LocalDate date);

    /** {@code money} in {@code to} at the rate of {@code date}; throws when no rate is known. */
    default Money convert(Money money, Currency to, LocalDate date) {
        if (money.currency().equals(to)) return money;
        BigDecimal rate = rate(money.currency(), to, date).orElseThrow(() -> new KehuException("money.no-rate",
                "no exchange rate from " + money.currency() + " to " + to + " on " + date));
        return Money.of(money.amount().multiply(rate), to);
    }
}
