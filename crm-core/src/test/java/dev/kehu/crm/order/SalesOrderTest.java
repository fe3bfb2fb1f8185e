package dev.kehu.crm.order;

import static dev.kehu.crm.common.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SalesOrderTest {
    static final TenantId TENANT = new TenantId("acme");
    static final CustomerId CUSTOMER = new CustomerId("c-huaxia");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    static final Instant CREATED = Instant.parse("2025-03-03T01:00:00.123456789Z");
    static final Instant LATER = Instant.parse("2025-03-04T01:00:00Z");

    static QuoteLine line(String quantity, String price, String currency, String discount) {
        return new QuoteLine("KH-100 服务器", new BigDecimal(quantity), Money.of(price, currency), new BigDecimal(discount));
    }

    static SalesOrder order(QuoteLine... lines) {
        return SalesOrder.builder().id(new SalesOrderId("so-1")).tenant(TENANT).number("SO-2025-001")
                .customer(CUSTOMER).orderDate(DAY).currency(Money.CNY).lines(List.of(lines)).createdAt(CREATED)
                .updatedAt(CREATED).build();
    }

    static SalesOrder order() {
        return order(line("3", "1999.00", "CNY", "15"), line("2", "88.50", "CNY", "0"));
    }

    @Test
    @DisplayName("an accepted quote becomes a new order with its customer, currency, lines and total, naming the quote")
    void fromQuote() {
        Quote accepted = Quote.builder().id(new QuoteId("q-1")).tenant(TENANT).customer(CUSTOMER).date(DAY)
                .currency(Money.CNY).lines(List.of(line("3", "1999.00", "CNY", "15"), line("2", "88.50", "CNY", "0")))
                .createdAt(CREATED).updatedAt(CREATED).build().send(LATER).accept(LATER);

        SalesOrder order = SalesOrder.fromQuote(new SalesOrderId("so-1"), TENANT, "SO-2025-001",
                accepted.toSalesOrderDraft(), DAY.plusDays(2), LATER);

        assertThat(order.quote()).isEqualTo(accepted.id());
        assertThat(order.customer()).isEqualTo(CUSTOMER);
        assertThat(order.currency()).isEqualTo(Money.CNY);
        assertThat(order.lines()).isEqualTo(accepted.lines());
        assertThat(order.total()).isEqualTo(Money.of("5274.45", "CNY")).isEqualTo(accepted.total());
        assertThat(order.orderDate()).isEqualTo(DAY.plusDays(2));
        assertThat(order.status()).isEqualTo(SalesOrderStatus.NEW);
        assertThat(order.createdAt()).isEqualTo(LATER);
        assertThat(order.version()).isZero();
    }

    @Test
    @DisplayName("an order entered directly has no quote; its times keep microseconds")
    void direct() {
        SalesOrder order = order();

        assertThat(order.quote()).isNull();
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-03-03T01:00:00.123456Z"));
        assertThat(order.auditFields()).containsEntry("quote", null).containsEntry("total", "5274.45")
                .containsEntry("status", "NEW");
    }

    @Test
    @DisplayName("an order has a number and at least one line, every line priced in its currency")
    void invariants() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(new QuoteLine[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> order().toBuilder().number(" ").build());
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> order(line("1", "100.00", "USD", "0")))).isNotNull();
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> order().withLines(List.of(line("1", "100", "JPY", "0")), LATER))).isNotNull();
    }

    @Test
    @DisplayName("a new order is confirmed once; new and confirmed orders can be cancelled; cancelled is final")
    void transitions() {
        SalesOrder confirmed = order().confirm(LATER);

        assertThat(confirmed.status()).isEqualTo(SalesOrderStatus.CONFIRMED);
        assertThat(confirmed.updatedAt()).isEqualTo(LATER);
        assertThat(order().cancel(LATER).status()).isEqualTo(SalesOrderStatus.CANCELLED);
        assertThat(confirmed.cancel(LATER).status()).isEqualTo(SalesOrderStatus.CANCELLED);
        assertThat(refusal(() -> confirmed.confirm(LATER)).code()).isEqualTo("order.not-confirmable");
        assertThat(refusal(() -> confirmed.cancel(LATER).confirm(LATER)).code()).isEqualTo("order.not-confirmable");
        assertThat(refusal(() -> confirmed.cancel(LATER).cancel(LATER)).code()).isEqualTo("order.not-cancellable");
    }

    @Test
    @DisplayName("only a new order's lines change")
    void editOnlyNew() {
        List<QuoteLine> other = List.of(line("1", "10.00", "CNY", "0"));

        assertThat(order().withLines(other, LATER).total()).isEqualTo(Money.of("10.00", "CNY"));
        var refused = refusal(() -> order().confirm(LATER).withLines(other, LATER));
        assertThat(refused.code()).isEqualTo("order.not-editable");
        assertThat(refused.in(Locale.CHINESE).getMessage()).contains("已确认");
        assertThat(refusal(() -> order().cancel(LATER).withLines(other, LATER)).code()).isEqualTo("order.not-editable");
    }

    @Test
    @DisplayName("every order but a cancelled one is a purchase")
    void purchase() {
        assertThat(order().isPurchase()).isTrue();
        assertThat(order().confirm(LATER).isPurchase()).isTrue();
        assertThat(order().cancel(LATER).isPurchase()).isFalse();
    }

    @Test
    @DisplayName("a currency with no minor units totals in whole amounts")
    void yen() {
        SalesOrder order = order().toBuilder().currency(Currency.getInstance("JPY"))
                .lines(List.of(line("3", "999", "JPY", "10"))).build();

        assertThat(order.total()).isEqualTo(Money.of("2697", "JPY"));
    }
}
