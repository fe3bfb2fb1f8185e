package dev.kehu.crm.store.internal;

import static java.util.Comparator.comparing;
import static java.util.Comparator.comparingInt;
import static java.util.Comparator.nullsLast;

import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PageRequest.Direction;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.order.CustomerPurchase;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.quote.Quote;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import dev.kehu.crm.support.ListPosition;
import dev.kehu.crm.support.TicketStep;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The orders every store lists records in (see the package documentation of {@code dev.kehu.crm.store}). */
final class Ordering {
    /** By Unicode code point, as a binary collation does; {@code String.compareTo} differs above U+FFFF. */
    static final Comparator<String> TEXT = (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    static final Comparator<Customer> CUSTOMERS_BY_ID = comparing(c -> c.id().value(), TEXT);
    static final Comparator<Contact> CONTACTS_BY_ID = comparing(c -> c.id().value(), TEXT);
    static final Comparator<Lead> LEADS_BY_ID = comparing(l -> l.id().value(), TEXT);
    static final Comparator<Opportunity> OPPORTUNITIES_BY_ID = comparing(o -> o.id().value(), TEXT);
    static final Comparator<DevelopmentPlan> PLANS_BY_ID = comparing(p -> p.id().value(), TEXT);
    static final Comparator<StageChange> HISTORY = comparingInt(StageChange::sequence);
    static final Comparator<AttachedRecord> ATTACHMENTS = comparing(AttachedRecord::createdAt)
            .thenComparing(a -> a.id().value(), TEXT);
    static final Comparator<Quote> QUOTES = comparing(Quote::date).thenComparing(q -> q.id().value(), TEXT);
    static final Comparator<Activity> ACTIVITIES = comparing(Activity::due).thenComparing(a -> a.id().value(), TEXT);
    static final Comparator<Opportunity> OPPORTUNITIES_BY_UPDATE = comparing(Opportunity::updatedAt)
            .thenComparing(o -> o.id().value(), TEXT);
    /** Only for opportunities that have an expected signing date. */
    static final Comparator<Opportunity> OPPORTUNITIES_BY_SIGNING = comparing(Opportunity::expectedSigningDate)
            .thenComparing(o -> o.id().value(), TEXT);
    static final Comparator<OutboxMessage> OUTBOX = comparing(OutboxMessage::createdAt)
            .thenComparing(OutboxMessage::id, TEXT);
    static final Comparator<OutboxMessage> OUTBOX_DUE = comparing(OutboxMessage::nextAttemptAt).thenComparing(OUTBOX);
    static final Comparator<OutboxMessage> OUTBOX_DELIVERED = comparing(OutboxMessage::deliveredAt)
            .thenComparing(OUTBOX);

    static final Comparator<Contract> CONTRACTS_BY_ID = comparing(c -> c.id().value(), TEXT);
    /** Contracts without an end date (drafts) never reach a list in this order. */
    static final Comparator<Contract> CONTRACTS_BY_END = comparing(Contract::endDate).thenComparing(CONTRACTS_BY_ID);
    static final Comparator<ContractStep> CONTRACT_HISTORY = comparingInt(ContractStep::sequence);
    static final Comparator<SalesOrder> SALES_ORDERS = comparing(SalesOrder::orderDate)
            .thenComparing(o -> o.id().value(), TEXT);
    static final Comparator<CustomerPurchase> PURCHASES = comparing(CustomerPurchase::lastPurchase)
            .thenComparing(p -> p.customer().value(), TEXT);

    /** Primary contact first, then by mnemonic and id. */
    static final Comparator<Contact> CONTACTS_OF_CUSTOMER = comparing(Contact::primary).reversed()
            .thenComparing(Contact::mnemonic, TEXT)
            .thenComparing(CONTACTS_BY_ID);

    // Customer service
    static final Comparator<TicketStep> TICKET_HISTORY = comparingInt(TicketStep::sequence);
    /** Keyset positions: by instant, then id. */
    static final Comparator<ListPosition> POSITIONS = comparing(ListPosition::at).thenComparing(ListPosition::id, TEXT);
    /** Newest first: the exact reverse of {@link #POSITIONS}. */
    static final Comparator<ListPosition> NEWEST_FIRST = POSITIONS.reversed();

    private Ordering() {
    }

    /** The limit of a keyset page: 1–1000, as the ports say. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("a limit is 1–1000, got " + limit);
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Comparator<Customer> customers(CustomerSort sort, Direction direction) {
        Comparator<Customer> order = switch (sort) {
            case NAME -> comparing(Customer::mnemonic, TEXT);
            case NUMBER -> comparing(Customer::number, nullsLast(TEXT));
            case CREATED_AT -> comparing(Customer::createdAt);
            case UPDATED_AT -> comparing(Customer::updatedAt);
        };
        return directed(order.thenComparing(CUSTOMERS_BY_ID), direction);
    }

    static Comparator<Contact> contacts(ContactSort sort, Direction direction) {
        Comparator<Contact> order = switch (sort) {
            case NAME -> comparing(Contact::mnemonic, TEXT);
            case CREATED_AT -> comparing(Contact::createdAt);
        };
        return directed(order.thenComparing(CONTACTS_BY_ID), direction);
    }

    // Descending is the exact reverse of ascending, ties and missing values included.
    private static <T> Comparator<T> directed(Comparator<T> ascending, Direction direction) {
        return direction == Direction.ASCENDING ? ascending : ascending.reversed();
    }

    /**
     * A page read on from {@code last} (from the start when {@code null}): the matches after it in {@code order}, at
     * most {@code limit} (which the caller checked).
     */
    static <T> List<T> after(Stream<T> matches, Comparator<? super T> order, T last, int limit) {
        return matches.filter(m -> last == null || order.compare(m, last) > 0).sorted(order).limit(limit).toList();
    }

    static <T> Page<T> page(Stream<T> matches, Comparator<? super T> order, PageRequest<?> request) {
        List<T> all = matches.sorted(order).toList();
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }
}
