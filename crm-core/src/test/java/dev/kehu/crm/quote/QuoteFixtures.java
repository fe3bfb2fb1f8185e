package dev.kehu.crm.quote;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Values shared by the quote tests. */
final class QuoteFixtures {
    static final Currency CNY = Money.CNY;
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency USD = Currency.getInstance("USD");
    static final TenantId TENANT = new TenantId("acme");
    static final CustomerId CUSTOMER = new CustomerId("c-huaxia");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    static final Instant CREATED = Instant.parse("2025-03-03T01:00:00Z");
    static final Instant LATER = Instant.parse("2025-03-04T01:00:00Z");

    private QuoteFixtures() {
    }

    static QuoteLine line(String quantity, String unitPrice, Currency currency, String discountPercent) {
        return new QuoteLine("KH-100 服务器", new BigDecimal(quantity), Money.of(new BigDecimal(unitPrice), currency),
                new BigDecimal(discountPercent));
    }

    static QuoteLine line(String quantity, String unitPrice, String discountPercent) {
        return line(quantity, unitPrice, CNY, discountPercent);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** A first draft in CNY with {@code lines}. */
    static Quote.Builder draft(QuoteLine... lines) {
        return Quote.builder().id(new QuoteId("q-1")).tenant(TENANT).customer(CUSTOMER).date(DAY).currency(CNY)
                .lines(List.of(lines)).createdAt(CREATED).updatedAt(CREATED);
    }

    /** A first draft in CNY with one line of ¥1,000.00. */
    static Quote oneLineDraft() {
        return draft(line("1", "1000.00", "0")).build();
    }
}
