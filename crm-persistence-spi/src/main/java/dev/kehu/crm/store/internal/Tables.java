package dev.kehu.crm.store.internal;

import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.support.Expense;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.TicketStep;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every record of an in-memory store. A committed instance is never changed: a transaction writes to a
 * {@link #copy()} and publishes it on commit. The records themselves are immutable, so a copy shares them.
 */
final class Tables {
    static final Tables EMPTY = new Tables();

    final Map<Key, Customer> customers = new HashMap<>();
    final Map<Key, Contact> contacts = new HashMap<>();
    final List<AuditEntry> audit = new ArrayList<>(); // in append order
    final Map<Key, Lead> leads = new HashMap<>();
    final Map<Key, Opportunity> opportunities = new HashMap<>();
    final Map<Key, List<StageChange>> histories = new HashMap<>(); // by opportunity; unmodifiable, by sequence
    final Map<Key, AttachedRecord> attachments = new HashMap<>();
    final Map<Key, Quote> quotes = new HashMap<>();
    final Map<Key, DevelopmentPlan> plans = new HashMap<>();
    final Map<Key, Activity> activities = new HashMap<>();
    final Map<Key, RoundRobinPositions.Stored> positions = new HashMap<>(); // by team
    final Map<Key, OutboxMessage> outbox = new HashMap<>();
    final Map<Key, Reminder> reminders = new HashMap<>(); // by reminder key
    // Customer service
    final Map<Key, ServiceTicket> tickets = new HashMap<>();
    final Map<Key, Instant> ticketDeadlines = new HashMap<>(); // by ticket; only tickets with a deadline
    final Map<Key, List<TicketStep>> ticketHistories = new HashMap<>(); // by ticket; unmodifiable, by sequence
    final Map<Key, Expense> expenses = new HashMap<>();
    final Map<Key, Article> articles = new HashMap<>();
    final Map<Key, Contract> contracts = new HashMap<>();
    final Map<Key, List<ContractStep>> contractHistories = new HashMap<>(); // by contract; unmodifiable, by sequence
    final Map<Key, SalesOrder> salesOrders = new HashMap<>();
    final Map<Key, Optional<LocalDate>> lastPurchases = new HashMap<>(); // by customer; empty once every order is cancelled

    private Tables() {
    }

    Tables copy() {
        Tables copy = new Tables();
        copy.customers.putAll(customers);
        copy.contacts.putAll(contacts);
        copy.audit.addAll(audit);
        copy.leads.putAll(leads);
        copy.opportunities.putAll(opportunities);
        copy.histories.putAll(histories);
        copy.attachments.putAll(attachments);
        copy.quotes.putAll(quotes);
        copy.plans.putAll(plans);
        copy.activities.putAll(activities);
        copy.positions.putAll(positions);
        copy.outbox.putAll(outbox);
        copy.reminders.putAll(reminders);
        copy.tickets.putAll(tickets);
        copy.ticketDeadlines.putAll(ticketDeadlines);
        copy.ticketHistories.putAll(ticketHistories);
        copy.expenses.putAll(expenses);
        copy.articles.putAll(articles);
        copy.contracts.putAll(contracts);
        copy.contractHistories.putAll(contractHistories);
        copy.salesOrders.putAll(salesOrders);
        copy.lastPurchases.putAll(lastPurchases);
        return copy;
    }

    Stream<Customer> customersOf(TenantId tenant) {
        return ofTenant(customers, tenant);
    }

    Stream<Contact> contactsOf(TenantId tenant) {
        return ofTenant(contacts, tenant);
    }

    /** The records of {@code table} that belong to {@code tenant}. */
    static <T> Stream<T> ofTenant(Map<Key, T> table, TenantId tenant) {
        return table.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant)).map(Map.Entry::getValue);
    }

    /**
     * Checks that {@code given} is the {@code stored} version, 0 when nothing is stored: so an insert over a taken
     * id and an update of a missing record are both stale.
     */
    static void checkVersion(String recordType, Key key, long stored, long given) {
        if (stored != given) {
            throw new StaleRecordException(recordType, key.id(), given);
        }
    }

    /**
     * Throws {@link DuplicateRecordException} when a record of {@code table} other than {@code id} has {@code number}
     * in {@code tenant}: the numbers people quote (contracts, orders) are unique per tenant.
     */
    static <T> void checkNumberIsFree(Map<Key, T> table, String recordType, TenantId tenant, String id, String number,
                                      Function<T, String> numberOf, Function<T, String> idOf) {
        ofTenant(table, tenant).filter(other -> number.equals(numberOf.apply(other)) && !id.equals(idOf.apply(other)))
                .findAny()
                .ifPresent(other -> {
                    throw new DuplicateRecordException(recordType, "The " + recordType + " number " + number
                            + " is taken by " + idOf.apply(other));
                });
    }

    /** Records are kept per tenant and id. */
    record Key(TenantId tenant, String id) {
    }
}
