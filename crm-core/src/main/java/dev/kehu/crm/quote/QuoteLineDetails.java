package dev.kehu.crm.quote;

import dev.kehu.crm.common.validation.DecimalDigits;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One line of a quote as a person enters it, checked when a use case receives it. Numbers have at most
 * 15 integer digits and 4 decimals (2 for the discount), so an absurd value is a violation rather than a
 * crash; the unit price is in the quote's currency.
 *
 * @param discountPercent 0 to 100; {@code null} means no discount
 */
public record QuoteLineDetails(
        @HasText @Size(max = 200) @PlainText String product,
        @NotNull @Positive @DecimalDigits(integer = 15, fraction = 4) BigDecimal quantity,
        @NotNull @PositiveOrZero @DecimalDigits(integer = 15, fraction = 4) BigDecimal unitPrice,
        @PositiveOrZero @DecimalMax("100") @DecimalDigits(integer = 3, fraction = 2) BigDecimal discountPercent) {
}
