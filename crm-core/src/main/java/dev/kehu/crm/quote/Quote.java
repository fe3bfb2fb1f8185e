package dev.kehu.crm.quote;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quote (报价, Q1): the products, prices and discounts offered to a customer on a date, in one currency
 * (Q3). Immutable: every change returns a new value, and the constructor checks every invariant.
 *
 * <p>A draft is {@linkplain #send sent}; the customer {@linkplain #accept accepts} or {@linkplain #reject
 * rejects} it. A sent or rejected quote is {@linkplain #revise revised}: the revision is a new quote (a new
 * draft with the next revision number, naming this one as {@code previous}), and this one is then
 * {@linkplain #supersede superseded}. An accepted quote produces a {@link SalesOrderDraft}. Illegal moves
 * throw {@link BusinessRuleException} with a stable code ({@code quote.not-sendable}, …).
 *
 * @param opportunity the opportunity the quote belongs to (O5's quote history), or {@code null}
 * @param currency    the currency of every line's unit price and of the total
 * @param lines       the product lines, in the order shown; at least one once the quote leaves draft
 * @param notes       free text, or {@code null}
 * @param revision    1 for a first quote, then 2, 3, … along the chain of revisions
 * @param previous    the revision this one replaces; {@code null} exactly for revision 1
 * @param version     0 before the first save; every save increments it (optimistic locking)
 */
public record Quote(QuoteId id, TenantId tenant, CustomerId customer, OpportunityId opportunity, LocalDate date,
                    Currency currency, List<QuoteLine> lines, String notes, QuoteStatus status, int revision,
                    QuoteId previous, Instant createdAt, Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "quote";

    public Quote {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        requireNonNull(date, "date");
        requireNonNull(currency, "currency");
        lines = QuoteLine.requireCurrency(currency, lines);
        requireNonNull(status, "status");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (revision < 1) throw new IllegalArgumentException("a revision number starts at 1, got " + revision);
        if ((revision == 1) != (previous == null)) {
            throw new IllegalArgumentException("a later revision, and only it, names the quote it replaces");
        }
        if (id.equals(previous)) throw new IllegalArgumentException("a quote cannot replace itself");
        if (status != QuoteStatus.DRAFT && lines.isEmpty()) {
            throw new IllegalArgumentException("only a draft quote may have no lines");
        }
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The sum of the rounded line totals, in the quote's currency; zero when there are no lines. */
    public Money total() {
        return QuoteLine.sum(currency, lines);
    }

    /** This draft, sent to the customer. Refused ({@code quote.not-sendable}) unless a draft with lines. */
    public Quote send(Instant at) {
        if (lines.isEmpty()) {
            throw BusinessRuleException.of("quote.empty", Locale.ROOT, id.value());
        }
        return moveTo(QuoteStatus.SENT, "quote.not-sendable", at);
    }

    /** This sent quote, accepted by the customer. Refused ({@code quote.not-acceptable}) unless sent. */
    public Quote accept(Instant at) {
        return moveTo(QuoteStatus.ACCEPTED, "quote.not-acceptable", at);
    }

    /** This sent quote, rejected by the customer. Refused ({@code quote.not-rejectable}) unless sent. */
    public Quote reject(Instant at) {
        return moveTo(QuoteStatus.REJECTED, "quote.not-rejectable", at);
    }

    /**
     * The next revision of this sent or rejected quote: a draft with id {@code newId}, dated {@code date}
     * (a revision is a new offer, and only the caller knows the date in its time zone), with
     * {@code newLines}, revision number + 1 and this quote as {@code previous}; customer, opportunity,
     * currency and notes carry over. This quote is unchanged: the caller saves {@link #supersede} of it
     * together with the revision. Refused ({@code quote.not-revisable}) for drafts, which are changed in
     * place, and for accepted and superseded quotes.
     */
    public Quote revise(QuoteId newId, LocalDate date, List<QuoteLine> newLines, Instant at) {
        requireTransition(QuoteStatus.SUPERSEDED, "quote.not-revisable");
        return toBuilder().id(newId).date(date).lines(newLines).status(QuoteStatus.DRAFT).revision(revision + 1)
                .previous(id).createdAt(at).updatedAt(at).version(0).build();
    }

    /** This quote, replaced by a revision. Refused ({@code quote.not-supersedable}) unless sent or rejected. */
    public Quote supersede(Instant at) {
        return moveTo(QuoteStatus.SUPERSEDED, "quote.not-supersedable", at);
    }

    /** What the sales order (Q1, Q2) starts from. Refused ({@code quote.not-accepted}) unless accepted. */
    public SalesOrderDraft toSalesOrderDraft() {
        if (status != QuoteStatus.ACCEPTED) {
            throw BusinessRuleException.of("quote.not-accepted", Locale.ROOT, id.value(), status);
        }
        return new SalesOrderDraft(id, customer, currency, lines);
    }

    private Quote moveTo(QuoteStatus target, String refusal, Instant at) {
        requireTransition(target, refusal);
        return toBuilder().status(target).updatedAt(at).build();
    }

    private void requireTransition(QuoteStatus target, String refusal) {
        if (!status.canBecome(target)) {
            throw BusinessRuleException.of(refusal, Locale.ROOT, id.value(), status);
        }
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customer", customer.value());
        fields.put("opportunity", opportunity == null ? null : opportunity.value());
        fields.put("date", date.toString());
        fields.put("currency", currency.getCurrencyCode());
        fields.put("lines", lines.isEmpty() ? null : lines.stream()
                .map(l -> l.product() + " × " + l.quantity().toPlainString() + " @ " + l.unitPrice().amount().toPlainString()
                        + " −" + l.discountPercent().toPlainString() + "%")
                .toList().toString());
        fields.put("total", total().amount().toPlainString());
        fields.put("notes", notes);
        fields.put("status", status.name());
        fields.put("revision", Integer.toString(revision));
        fields.put("previous", previous == null ? null : previous.value());
        return fields;
    }

    /** Builds a quote; {@link #build()} checks every invariant. Stores use it to read quotes back. */
    public static final class Builder {
        private QuoteId id;
        private TenantId tenant;
        private CustomerId customer;
        private OpportunityId opportunity;
        private LocalDate date;
        private Currency currency;
        private List<QuoteLine> lines = List.of();
        private String notes;
        private QuoteStatus status = QuoteStatus.DRAFT;
        private int revision = 1;
        private QuoteId previous;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Quote q) {
            id = q.id; tenant = q.tenant; customer = q.customer; opportunity = q.opportunity; date = q.date;
            currency = q.currency; lines = q.lines; notes = q.notes; status = q.status; revision = q.revision;
            previous = q.previous; createdAt = q.createdAt; updatedAt = q.updatedAt; version = q.version;
        }

        public Builder id(QuoteId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder opportunity(OpportunityId value) { opportunity = value; return this; }
        public Builder date(LocalDate value) { date = value; return this; }
        public Builder currency(Currency value) { currency = value; return this; }
        public Builder lines(List<QuoteLine> value) { lines = value; return this; }
        public Builder notes(String value) { notes = value; return this; }
        public Builder status(QuoteStatus value) { status = value; return this; }
        public Builder revision(int value) { revision = value; return this; }
        public Builder previous(QuoteId value) { previous = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public Quote build() {
            return new Quote(id, tenant, customer, opportunity, date, currency, lines, notes, status, revision,
                    previous, createdAt, updatedAt, version);
        }
    }
}
