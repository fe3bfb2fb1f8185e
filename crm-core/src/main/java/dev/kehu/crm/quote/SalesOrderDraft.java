package dev.kehu.crm.quote;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.customer.CustomerId;
import java.util.Currency;
import java.util.List;

/**
 * What an accepted quote hands to the sales order it produces (Q1): the customer, the lines and their
 * total, and the quote it came from. Made by {@link Quote#toSalesOrderDraft()}.
 *
 * @param lines at least one, every unit price in {@code currency}
 */
public record SalesOrderDraft(QuoteId quote, CustomerId customer, Currency currency, List<QuoteLine> lines) {
    public SalesOrderDraft {
        requireNonNull(quote, "quote");
        requireNonNull(customer, "customer");
        requireNonNull(currency, "currency");
        lines = QuoteLine.requireCurrency(currency, lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("a sales order needs at least one line");
    }

    /** The sum of the line totals, as on the quote. */
    public Money total() {
        return QuoteLine.sum(currency, lines);
    }
}
