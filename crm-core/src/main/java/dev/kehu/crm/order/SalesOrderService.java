package dev.kehu.crm.order;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.customer.CustomerChecks;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.Numbering;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.quote.Quotes;
import dev.kehu.crm.quote.SalesOrderDraft;
import dev.kehu.crm.security.Actor;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The sales-order use cases (Q1, Q2) and the dormant-customer watch (C6): place an order from an accepted quote or
 * directly, confirm or cancel it, list a customer's orders, and find the customers who have bought nothing for
 * more than a period. Each change is one transaction with its audit entry; the store brings the customer's last
 * purchase up to date in it. Obtain it from {@code Kehu.orders()}.
 */
public final class SalesOrderService {
    private final ServiceContext context;
    private final SalesOrders orders;
    private final Customers customers;
    private final Quotes quotes;
    private final RecordKeeper<SalesOrderId, SalesOrder> keeper;

    public SalesOrderService(ServiceContext context, SalesOrders orders, Customers customers, Quotes quotes) {
        this.context = context;
        this.orders = orders;
        this.customers = customers;
        this.quotes = quotes;
        this.keeper = new RecordKeeper<>(context, SalesOrder.RECORD_TYPE, orders::find, orders::save, o -> null,
                SalesOrder::version);
    }

    /**
     * Places the order of an accepted quote: its customer, currency and lines, on {@code orderDate} (today when
     * {@code null}). Refused ({@code quote.not-accepted}) unless the quote is accepted.
     */
    public SalesOrder placeFromQuote(Actor actor, QuoteId quote, String number, LocalDate orderDate) {
        requireNonNull(quote, "quote");
        context.checkInput(actor, "orderDate", Input.DAY, orderDate);
        context.authorize(actor, "sales-order.create", SalesOrder.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> {
            Quote accepted = quotes.find(actor.tenant(), quote).orElseThrow(() -> new RecordNotFoundException(
                    Quote.RECORD_TYPE, quote.value(), Messages.get(actor.locale(), "quote.not-found", quote.value())));
            SalesOrderDraft draft = accepted.toSalesOrderDraft();
            CustomerChecks.requireActive(customers, actor, draft.customer());
            Instant now = context.now();
            SalesOrder order = SalesOrder.fromQuote(newId(), actor.tenant(), free(actor, number), draft,
                    orderDate == null ? today() : orderDate, now);
            return keeper.create(actor, order.id(), "sales-order.create", order);
        });
    }

    /**
     * Places an order entered directly for an active customer: {@code lines} (at least one, {@code order.lines.empty})
     * in {@code currency}, on {@code orderDate} (today when {@code null}). The lines obey the rules of a quote's lines
     * ({@link QuoteLineDetails}); a line priced in another currency is refused ({@code lines[i].unitPrice}).
     */
    public SalesOrder place(Actor actor, CustomerId customer, String number, LocalDate orderDate, Currency currency,
                            List<QuoteLine> lines) {
        requireNonNull(customer, "customer");
        requireNonNull(currency, "currency");
        requireNonNull(lines, "lines");
        Problems problems = context.validator().check(new Lines(lines.stream().map(l -> new QuoteLineDetails(
                l.product(), l.quantity(), l.unitPrice().amount(), l.discountPercent())).toList()), actor.locale())
                .check("orderDate", Input.DAY, orderDate).check("currency", Input.CURRENCY, currency);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).unitPrice().currency().equals(currency)) {
                problems.add("lines[" + i + "].unitPrice", "input.currency.other", lines.get(i).unitPrice(),
                        currency.getCurrencyCode());
            }
        }
        problems.throwIfAny();
        context.authorize(actor, "sales-order.create", SalesOrder.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> {
            if (lines.isEmpty()) throw BusinessRuleException.of("order.lines.empty", actor.locale());
            CustomerChecks.requireActive(customers, actor, customer);
            Instant now = context.now();
            SalesOrder order = SalesOrder.builder().id(newId()).tenant(actor.tenant()).number(free(actor, number))
                    .customer(customer).orderDate(orderDate == null ? today() : orderDate).currency(currency)
                    .lines(lines).createdAt(now).updatedAt(now).build();
            return keeper.create(actor, order.id(), "sales-order.create", order);
        });
    }

    /** Confirms a new order still at {@code expectedVersion}. */
    public SalesOrder confirm(Actor actor, SalesOrderId id, long expectedVersion) {
        return keeper.change(actor, id, expectedVersion, "sales-order.confirm", o -> o.confirm(context.now()));
    }

    /** Cancels an order still at {@code expectedVersion}: it is no longer a purchase, and the last purchase moves back. */
    public SalesOrder cancel(Actor actor, SalesOrderId id, long expectedVersion) {
        return keeper.change(actor, id, expectedVersion, "sales-order.cancel", o -> o.cancel(context.now()));
    }

    public Optional<SalesOrder> find(Actor actor, SalesOrderId id) {
        return keeper.find(actor, id);
    }

    public SalesOrder get(Actor actor, SalesOrderId id) {
        return keeper.get(actor, id);
    }

    /** A page of the customer's orders, cancelled ones included, by order date then id. */
    public List<SalesOrder> ofCustomer(Actor actor, CustomerId customer, SalesOrderId after, int limit) {
        requireNonNull(customer, "customer");
        context.authorize(actor, "sales-order.read", SalesOrder.RECORD_TYPE, null);
        return orders.ofCustomer(actor.tenant(), customer, after, PageRequest.checkLimit(limit));
    }

    /** The date of the customer's last purchase; empty when they never bought or cancelled every order. */
    public Optional<LocalDate> lastPurchase(Actor actor, CustomerId customer) {
        requireNonNull(customer, "customer");
        context.authorize(actor, "sales-order.read", SalesOrder.RECORD_TYPE, null);
        return orders.lastPurchase(actor.tenant(), customer);
    }

    /**
     * A page of the customers dormant on {@code today} (C6): more than {@code threshold} without a purchase, as
     * {@link DormancyRule} says; longest dormant first, then by customer id; after {@code after}.
     */
    public List<CustomerPurchase> dormant(Actor actor, LocalDate today, Period threshold, CustomerId after, int limit) {
        context.authorize(actor, "sales-order.read", SalesOrder.RECORD_TYPE, null);
        return orders.dormant(actor.tenant(), DormancyRule.purchasedBefore(today, threshold), after,
                PageRequest.checkLimit(limit));
    }

    /** {@link #dormant(Actor, LocalDate, Period, CustomerId, int)} after the documents' six months. */
    public List<CustomerPurchase> dormant(Actor actor, LocalDate today, CustomerId after, int limit) {
        return dormant(actor, today, DormancyRule.DEFAULT_THRESHOLD, after, limit);
    }

    /** The lines of an order entered directly, checked as a quote's lines are. */
    record Lines(@Valid List<QuoteLineDetails> lines) {
    }

    private String free(Actor actor, String number) {
        return Numbering.free(actor, "order", number, n -> orders.findByNumber(actor.tenant(), n));
    }

    private SalesOrderId newId() {
        return new SalesOrderId(context.nextId());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.now(), context.clock().getZone());
    }
}
