package dev.kehu.crm.quote;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.BaseCurrency;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerChecks;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerMergeParticipant;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The quote use cases (Q1, Q3): draft, edit a draft, send, accept or reject, revise, and the sales order an
 * accepted quote produces. Each quote keeps its own currency; totals in the company's base currency use the
 * rate of the quote's date. Obtain it from {@code Kehu.quotes()}.
 */
public final class QuoteService implements CustomerMergeParticipant {
    private final ServiceContext context;
    private final Quotes quotes;
    private final Customers customers;
    private final Opportunities opportunities;
    private final BaseCurrency base;
    private final RecordKeeper<QuoteId, Quote> keeper;

    public QuoteService(ServiceContext context, Quotes quotes, Customers customers, Opportunities opportunities,
                        BaseCurrency base) {
        this.context = context;
        this.quotes = quotes;
        this.customers = customers;
        this.opportunities = opportunities;
        this.base = base;
        this.keeper = new RecordKeeper<>(context, Quote.RECORD_TYPE, quotes::find, quotes::save, q -> null, Quote::version);
    }

    /** Drafts a first quote (revision 1). */
    public Quote create(Actor actor, QuoteDetails details) {
        context.authorize(actor, "quote.create", Quote.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> {
            Checked checked = check(actor, details);
            Instant now = context.now();
            QuoteId id = new QuoteId(context.nextId());
            return keeper.create(actor, id, "quote.create", Quote.builder().id(id).tenant(actor.tenant())
                    .customer(checked.customer()).opportunity(checked.opportunity()).date(details.date())
                    .currency(checked.currency()).lines(checked.lines()).notes(Text.blankToNull(details.notes()))
                    .status(QuoteStatus.DRAFT).revision(1).createdAt(now).updatedAt(now).build());
        });
    }

    /** Replaces the content of a draft still at {@code expectedVersion}; its customer and currency stay. */
    public Quote updateDraft(Actor actor, QuoteId id, long expectedVersion, QuoteDetails details) {
        return change(actor, id, expectedVersion, "quote.update", current -> {
            if (current.status() != QuoteStatus.DRAFT) {
                throw BusinessRuleException.of("quote.not-draft", actor.locale(), id.value(), current.status());
            }
            Checked checked = check(actor, details);
            String fixed = !checked.customer().equals(current.customer()) ? "customer"
                    : !checked.currency().equals(current.currency()) ? "currency" : null;
            if (fixed != null) {
                context.rejectInput(actor.locale(), fixed, "quote.customer-currency.fixed",
                        fixed.equals("customer") ? details.customer() : details.currency());
            }
            return current.toBuilder().opportunity(checked.opportunity()).date(details.date()).lines(checked.lines())
                    .notes(Text.blankToNull(details.notes())).updatedAt(context.now()).build();
        });
    }

    public Quote send(Actor actor, QuoteId id, long expectedVersion) {
        return change(actor, id, expectedVersion, "quote.send", q -> q.send(context.now()));
    }

    public Quote accept(Actor actor, QuoteId id, long expectedVersion) {
        return change(actor, id, expectedVersion, "quote.accept", q -> q.accept(context.now()));
    }

    public Quote reject(Actor actor, QuoteId id, long expectedVersion) {
        return change(actor, id, expectedVersion, "quote.reject", q -> q.reject(context.now()));
    }

    /**
     * Revises a sent or rejected quote: a new draft with the next revision number and these lines, dated
     * {@code date}; the old one is marked superseded in the same transaction and stays in the history.
     */
    public Quote revise(Actor actor, QuoteId id, long expectedVersion, LocalDate date, List<QuoteLineDetails> lines) {
        requireNonNull(id, "id");
        return context.inTransaction(actor, () -> {
            Quote current = keeper.load(actor, id, expectedVersion, "quote.revise");
            QuoteDetails details = QuoteDetails.of(current.customer(), date, current.currency()).lines(lines)
                    .opportunity(current.opportunity() == null ? null : current.opportunity().value())
                    .notes(current.notes()).build();
            Checked checked = check(actor, details);
            Instant now = context.now();
            Quote revision = current.revise(new QuoteId(context.nextId()), date, checked.lines(), now);
            Quote superseded = quotes.save(current.supersede(now));
            context.audit(actor, Quote.RECORD_TYPE, id.value(), "quote.supersede", current, superseded);
            return keeper.create(actor, revision.id(), "quote.revise", revision);
        });
    }

    /** What the sales order of an accepted quote starts from (the order itself comes with contracts). */
    public SalesOrderDraft salesOrderDraft(Actor actor, QuoteId id) {
        return get(actor, id).toSalesOrderDraft();
    }

    /** The quote's total in the base currency, at the rate of the quote's date. */
    public Money totalInBaseCurrency(Actor actor, QuoteId id) {
        Quote quote = get(actor, id);
        return base.convert(quote.total(), quote.date());
    }

    public Optional<Quote> find(Actor actor, QuoteId id) {
        return keeper.find(actor, id);
    }

    public Quote get(Actor actor, QuoteId id) {
        return keeper.get(actor, id);
    }

    /** The quote history of an opportunity (历次报价, O5): every revision, by date. */
    public List<Quote> ofOpportunity(Actor actor, OpportunityId opportunity) {
        context.authorize(actor, "quote.read", Quote.RECORD_TYPE, null);
        return quotes.ofOpportunity(actor.tenant(), requireNonNull(opportunity, "opportunity"));
    }

    public List<Quote> ofCustomer(Actor actor, CustomerId customer) {
        context.authorize(actor, "quote.read", Quote.RECORD_TYPE, null);
        return quotes.ofCustomer(actor.tenant(), requireNonNull(customer, "customer"));
    }

    /** A merged customer's quotes belong to the survivor. */
    @Override
    public void moveRecords(Actor actor, Customer duplicate, Customer survivor) {
        for (Quote quote : quotes.ofCustomer(actor.tenant(), duplicate.id())) {
            Quote moved = quotes.save(quote.toBuilder().customer(survivor.id()).updatedAt(context.now()).build());
            context.audit(actor, Quote.RECORD_TYPE, quote.id().value(), "quote.update", quote, moved);
        }
    }

    private Quote change(Actor actor, QuoteId id, long expectedVersion, String action, UnaryOperator<Quote> change) {
        return keeper.change(actor, id, expectedVersion, action, change);
    }

    /** Every problem of {@code details}, against the customer, the opportunity and the currency, at once. */
    private Checked check(Actor actor, QuoteDetails details) {
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        Optional<Customer> customer = CustomerChecks.activeCustomer(customers, problems, actor.tenant(), "customer",
                details.customer());
        OpportunityId opportunity = null;
        if (details.opportunity() != null && !problems.has("opportunity")) {
            opportunity = new OpportunityId(details.opportunity());
            Optional<Opportunity> found = opportunities.find(actor.tenant(), opportunity);
            if (found.isEmpty()) {
                problems.add("opportunity", "opportunity.not-found", details.opportunity(), details.opportunity());
            } else if (customer.isPresent() && !found.get().customer().equals(customer.get().id())) {
                problems.add("opportunity", "quote.opportunity.other-customer", details.opportunity(),
                        details.opportunity());
            }
        }
        Currency currency = problems.has("currency") ? null : Currency.getInstance(details.currency());
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < details.lines().size(); i++) {
            QuoteLineDetails line = details.lines().get(i);
            String path = "lines[" + i + "]";
            // The price's decimals are checked whenever the price itself is well-formed, so that one exception lists
            // every problem of the line.
            if (currency == null || line == null || problems.has(path + ".unitPrice")) continue;
            Optional<Money> price = Money.exactly(line.unitPrice(), currency);
            if (price.isEmpty()) {
                problems.add(path + ".unitPrice", "quote.price.scale", line.unitPrice(), currency.getCurrencyCode(),
                        Money.minorUnits(currency));
            } else if (!problems.hasUnder(path)) {
                lines.add(new QuoteLine(line.product().strip(), line.quantity(), price.get(), line.discountPercent()));
            }
        }
        problems.throwIfAny();
        return new Checked(customer.orElseThrow().id(), opportunity, currency, lines);
    }

    private record Checked(CustomerId customer, OpportunityId opportunity, Currency currency, List<QuoteLine> lines) {
    }
}
