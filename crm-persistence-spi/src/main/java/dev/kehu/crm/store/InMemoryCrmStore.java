package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.lead.Leads;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.quote.Quotes;
import dev.kehu.crm.store.internal.MemoryActivities;
import dev.kehu.crm.store.internal.MemoryAuditLog;
import dev.kehu.crm.store.internal.MemoryContacts;
import dev.kehu.crm.store.internal.MemoryContracts;
import dev.kehu.crm.store.internal.MemoryCustomers;
import dev.kehu.crm.store.internal.MemoryDevelopmentPlans;
import dev.kehu.crm.store.internal.MemoryLeads;
import dev.kehu.crm.store.internal.MemoryOpportunities;
import dev.kehu.crm.store.internal.MemoryOutbox;
import dev.kehu.crm.store.internal.MemoryQuotes;
import dev.kehu.crm.store.internal.MemoryReminders;
import dev.kehu.crm.store.internal.MemoryRoundRobinPositions;
import dev.kehu.crm.store.internal.MemorySalesOrders;
import dev.kehu.crm.store.internal.MemoryTransactions;
import dev.kehu.crm.knowledge.Articles;
import dev.kehu.crm.store.internal.MemoryArticles;
import dev.kehu.crm.store.internal.MemoryExpenses;
import dev.kehu.crm.store.internal.MemoryServiceTickets;
import dev.kehu.crm.support.Expenses;
import dev.kehu.crm.support.ServiceTickets;

/**
 * The reference store: keeps every record in memory, for tests, demos and as the model of the semantics every
 * store shares (see the {@linkplain dev.kehu.crm.store package documentation}). Thread-safe. A transaction holds
 * the store's one lock from start to end, so transactions run one at a time (serialisable) while reads outside
 * them see the last committed state without waiting. Nothing survives {@link #close()}. Opened by the provider
 * named {@code memory}, or directly with {@link #create()}; each store is independent of every other.
 */
public final class InMemoryCrmStore implements CrmStore {
    private final MemoryTransactions transactions = new MemoryTransactions();
    private final Customers customers = new MemoryCustomers(transactions);
    private final Contacts contacts = new MemoryContacts(transactions);
    private final AuditLog auditLog = new MemoryAuditLog(transactions);
    private final Leads leads = new MemoryLeads(transactions);
    private final Opportunities opportunities = new MemoryOpportunities(transactions);
    private final Quotes quotes = new MemoryQuotes(transactions);
    private final DevelopmentPlans developmentPlans = new MemoryDevelopmentPlans(transactions);
    private final Activities activities = new MemoryActivities(transactions);
    private final RoundRobinPositions roundRobinPositions = new MemoryRoundRobinPositions(transactions);
    private final Outbox outbox = new MemoryOutbox(transactions);
    private final Reminders reminders = new MemoryReminders(transactions);
    private final ServiceTickets serviceTickets = new MemoryServiceTickets(transactions);
    private final Expenses expenses = new MemoryExpenses(transactions);
    private final Articles articles = new MemoryArticles(transactions);
    private final Contracts contracts = new MemoryContracts(transactions);
    private final SalesOrders salesOrders = new MemorySalesOrders(transactions);

    private InMemoryCrmStore() {
    }

    /** A new, empty store. */
    public static InMemoryCrmStore create() {
        return new InMemoryCrmStore();
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Customers customers() {
        return customers;
    }

    @Override
    public Contacts contacts() {
        return contacts;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Leads leads() {
        return leads;
    }

    @Override
    public Opportunities opportunities() {
        return opportunities;
    }

    @Override
    public Quotes quotes() {
        return quotes;
    }

    @Override
    public DevelopmentPlans developmentPlans() {
        return developmentPlans;
    }

    @Override
    public Activities activities() {
        return activities;
    }

    @Override
    public RoundRobinPositions roundRobinPositions() {
        return roundRobinPositions;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public Reminders reminders() {
        return reminders;
    }

    @Override
    public ServiceTickets serviceTickets() {
        return serviceTickets;
    }

    @Override
    public Expenses expenses() {
        return expenses;
    }

    @Override
    public Articles articles() {
        return articles;
    }

    @Override
    public Contracts contracts() {
        return contracts;
    }

    @Override
    public SalesOrders salesOrders() {
        return salesOrders;
    }

    /** Drops every record; the store refuses further calls. */
    @Override
    public void close() {
        transactions.close();
    }
}
