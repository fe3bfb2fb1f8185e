package dev.kehu.crm.order;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.SalesOrderDraft;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sales order (销售订单, Q1, Q2): what a customer bought on a date, as product lines in one currency, made
 * from an accepted quote or entered directly. Immutable: every change returns a new value.
 *
 * <p>Its {@link #orderDate} is the purchase date that the dormant-customer watch (C6) counts, unless the
 * order is {@linkplain SalesOrderStatus#CANCELLED cancelled}. Lines change only while the order is
 * {@linkplain SalesOrderStatus#NEW new}; illegal moves throw
 * {@link dev.kehu.crm.common.BusinessRuleException} with a stable code ({@code order.not-confirmable}, …).
 *
 * @param number  the order number people quote, unique within the tenant (the store checks that)
 * @param quote   the accepted quote it was made from, or {@code null} for an order entered directly
 * @param lines   at least one, every unit price in {@code currency}; the same lines a quote has
 * @param version 0 before the first save; every save increments it (optimistic locking)
 */
public record SalesOrder(SalesOrderId id, TenantId tenant, String number, CustomerId customer, QuoteId quote,
                         LocalDate orderDate, Currency currency, List<QuoteLine> lines, SalesOrderStatus status,
                         Instant createdAt, Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "sales-order";

    public SalesOrder {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        if (Text.isBlank(number)) throw new IllegalArgumentException("a sales order needs a number");
        requireNonNull(customer, "customer");
        requireNonNull(orderDate, "orderDate");
        requireNonNull(currency, "currency");
        lines = requireCurrency(currency, lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("a sales order needs at least one line");
        requireNonNull(status, "status");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    /**
     * A new order from what an accepted quote hands over ({@link dev.kehu.crm.quote.Quote#toSalesOrderDraft()}):
     * its customer, currency and lines, naming the quote. The quote's lines are the order's: re-pricing
     * means revising the quote.
     */
    public static SalesOrder fromQuote(SalesOrderId id, TenantId tenant, String number, SalesOrderDraft draft,
                                       LocalDate orderDate, Instant at) {
        return builder().id(id).tenant(tenant).number(number).customer(draft.customer()).quote(draft.quote())
                .orderDate(orderDate).currency(draft.currency()).lines(draft.lines()).createdAt(at).updatedAt(at)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The sum of the rounded line totals, in the order's currency. */
    public Money total() {
        return lines.stream().map(QuoteLine::total).reduce(Money.zero(currency), Money::plus);
    }

    /** Whether the order counts as a purchase for the dormant-customer watch (C6): every order but a cancelled one. */
    public boolean isPurchase() {
        return status != SalesOrderStatus.CANCELLED;
    }

    /** This new order with other lines in its currency. Refused ({@code order.not-editable}) unless new. */
    public SalesOrder withLines(List<QuoteLine> newLines, Instant at) {
        if (status != SalesOrderStatus.NEW) {
            Decision.refuse("order.not-editable", id.value(), status).orThrow(Locale.ROOT);
        }
        return toBuilder().lines(newLines).updatedAt(at).build();
    }

    /** This new order, confirmed. Refused ({@code order.not-confirmable}) unless new. */
    public SalesOrder confirm(Instant at) {
        return moveTo(SalesOrderStatus.CONFIRMED, "order.not-confirmable", at);
    }

    /** This order, cancelled: it no longer counts as a purchase. Refused ({@code order.not-cancellable}) when cancelled. */
    public SalesOrder cancel(Instant at) {
        return moveTo(SalesOrderStatus.CANCELLED, "order.not-cancellable", at);
    }

    private SalesOrder moveTo(SalesOrderStatus target, String refusal, Instant at) {
        if (!status.canBecome(target)) Decision.refuse(refusal, id.value(), status).orThrow(Locale.ROOT);
        return toBuilder().status(target).updatedAt(at).build();
    }

    // QuoteLine's own check is package-private to the quote package; this is the same rule.
    private static List<QuoteLine> requireCurrency(Currency currency, List<QuoteLine> lines) {
        List<QuoteLine> copy = List.copyOf(requireNonNull(lines, "lines"));
        for (QuoteLine line : copy) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.unitPrice().currency());
            }
        }
        return copy;
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("customer", customer.value());
        fields.put("quote", Text.of(quote));
        fields.put("orderDate", orderDate.toString());
        fields.put("currency", currency.getCurrencyCode());
        fields.put("lines", lines.stream()
                .map(l -> l.product() + " × " + l.quantity().toPlainString() + " @ " + l.unitPrice().amount().toPlainString()
                        + " −" + l.discountPercent().toPlainString() + "%")
                .toList().toString());
        fields.put("total", total().amount().toPlainString());
        fields.put("status", status.name());
        return fields;
    }

    /** Builds a sales order; {@link #build()} checks every invariant. Stores use it to read orders back. */
    public static final class Builder {
        private SalesOrderId id;
        private TenantId tenant;
        private String number;
        private CustomerId customer;
        private QuoteId quote;
        private LocalDate orderDate;
        private Currency currency;
        private List<QuoteLine> lines = List.of();
        private SalesOrderStatus status = SalesOrderStatus.NEW;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(SalesOrder o) {
            id = o.id; tenant = o.tenant; number = o.number; customer = o.customer; quote = o.quote;
            orderDate = o.orderDate; currency = o.currency; lines = o.lines; status = o.status;
            createdAt = o.createdAt; updatedAt = o.updatedAt; version = o.version;
        }

        public Builder id(SalesOrderId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder number(String value) { number = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder quote(QuoteId value) { quote = value; return this; }
        public Builder orderDate(LocalDate value) { orderDate = value; return this; }
        public Builder currency(Currency value) { currency = value; return this; }
        public Builder lines(List<QuoteLine> value) { lines = value; return this; }
        public Builder status(SalesOrderStatus value) { status = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public SalesOrder build() {
            return new SalesOrder(id, tenant, number, customer, quote, orderDate, currency, lines, status, createdAt,
                    updatedAt, version);
        }
    }
}
