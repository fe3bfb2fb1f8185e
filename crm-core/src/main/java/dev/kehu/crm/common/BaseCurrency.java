package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Currency;

/**
 * The company's reporting currency and the dated rates that bring other currencies into it (Q3). Totals
 * across records of different currencies are only ever made through it.
 */
public record BaseCurrency(Currency currency, ExchangeRates rates) {
    public BaseCurrency {
        requireNonNull(currency, "currency");
        requireNonNull(rates, "rates");
    }

    /** {@code money} in the base currency at the rate of {@code date}; throws {@link KehuException} without one. */
    public Money convert(Money money, LocalDate date) {
        return rates.convert(money, currency, date);
    }

    public Money zero() {
        return Money.zero(currency);
    }
}
