package dev.kehu.crm.store.tck;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.knowledge.Articles;
import dev.kehu.crm.lead.Leads;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.quote.Quotes;
import dev.kehu.crm.support.Expenses;
import dev.kehu.crm.support.ServiceTickets;

/**
 * A store that forwards every call to another: kits extend it to wrap the one or two ports a test needs to
 * watch or slow down, and leave the rest alone. Closing it closes nothing; the kit closes the store it wraps.
 */
public abstract class ForwardingCrmStore implements CrmStore {
    protected final CrmStore store;

    protected ForwardingCrmStore(CrmStore store) {
        this.store = store;
    }

    @Override public Transactions transactions() { return store.transactions(); }
    @Override public Customers customers() { return store.customers(); }
    @Override public Contacts contacts() { return store.contacts(); }
    @Override public AuditLog auditLog() { return store.auditLog(); }
    @Override public Leads leads() { return store.leads(); }
    @Override public Opportunities opportunities() { return store.opportunities(); }
    @Override public Quotes quotes() { return store.quotes(); }
    @Override public DevelopmentPlans developmentPlans() { return store.developmentPlans(); }
    @Override public Activities activities() { return store.activities(); }
    @Override public RoundRobinPositions roundRobinPositions() { return store.roundRobinPositions(); }
    @Override public Outbox outbox() { return store.outbox(); }
    @Override public Reminders reminders() { return store.reminders(); }
    @Override public ServiceTickets serviceTickets() { return store.serviceTickets(); }
    @Override public Expenses expenses() { return store.expenses(); }
    @Override public Articles articles() { return store.articles(); }
    @Override public Contracts contracts() { return store.contracts(); }
    @Override public SalesOrders salesOrders() { return store.salesOrders(); }
    @Override public void close() { }
}
