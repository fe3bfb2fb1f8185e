package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * An exact amount in one currency. Amounts of different currencies never mix silently: adding or comparing
 * them throws {@link CurrencyMismatchException}; converting needs an {@link ExchangeRates} and a date.
 * The amount keeps the currency's minor units (two decimals for CNY, none for JPY), rounded half-even.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        amount = amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** {@code amount} as money, or empty when it has more decimals than the currency's minor units. */
    public static Optional<Money> exactly(BigDecimal amount, Currency currency) {
        Money money = new Money(amount, currency);
        return money.amount.compareTo(amount) == 0 ? Optional.of(money) : Optional.empty();
    }

    /** How many decimals amounts in {@code currency} keep. */
    public static int minorUnits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times {@code factor}, rounded to the currency's minor units. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
