package dev.kehu.crm.quote;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * One product line of a quote (Q1): a product, how many, at what unit price, with what discount.
 *
 * <p>The line total is {@code quantity × unitPrice × (1 − discountPercent / 100)}, computed exactly and
 * rounded once, half-even, to the minor units of the price's currency (two decimals for CNY, none for JPY).
 * A quote's total is the sum of its rounded line totals, so it equals what a printed quote adds up to,
 * whatever the order of the lines.
 *
 * @param product         the product's name or code, as the host's catalogue knows it
 * @param quantity        more than zero; fractions are allowed (2.5 tonnes); kept without trailing zeros
 * @param unitPrice       not negative, in the quote's currency
 * @param discountPercent 0 to 100 ({@code null} means none); kept without trailing zeros
 */
public record QuoteLine(String product, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public QuoteLine {
        if (product == null || product.isBlank()) throw new IllegalArgumentException("a quote line needs a product");
        if (requireNonNull(quantity, "quantity").signum() <= 0) {
            throw new IllegalArgumentException("a quantity must be more than zero, got " + quantity);
        }
        if (requireNonNull(unitPrice, "unitPrice").isNegative()) {
            throw new IllegalArgumentException("a unit price must not be negative, got " + unitPrice);
        }
        discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a discount is 0–100 %, got " + discountPercent);
        }
        // 3 and 3.00 are the same quantity: keep one form so that equal lines are equal records.
        quantity = normalised(quantity);
        discountPercent = normalised(discountPercent);
    }

    /** A line without discount. */
    public static QuoteLine of(String product, BigDecimal quantity, Money unitPrice) {
        return new QuoteLine(product, quantity, unitPrice, BigDecimal.ZERO);
    }

    /** {@code quantity × unitPrice × (1 − discountPercent / 100)}, rounded half-even to minor units once. */
    public Money total() {
        // Dividing by 100 only moves the decimal point, so the product is exact until Money rounds it.
        return unitPrice.times(quantity.multiply(HUNDRED.subtract(discountPercent)).movePointLeft(2));
    }

    private static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An unmodifiable copy of {@code lines}; throws if a line is priced in another currency. */
    static List<QuoteLine> requireCurrency(Currency currency, List<QuoteLine> lines) {
        List<QuoteLine> copy = List.copyOf(requireNonNull(lines, "lines"));
        for (QuoteLine line : copy) {
            if (!line.unitPrice.currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.unitPrice.currency());
            }
        }
        return copy;
    }

    /** The sum of the line totals; zero in {@code currency} when there are no lines. */
    static Money sum(Currency currency, List<QuoteLine> lines) {
        return lines.stream().map(QuoteLine::total).reduce(Money.zero(currency), Money::plus);
    }
}
