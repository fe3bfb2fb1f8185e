package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.audit.AuditLog;
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

/** Providers that CrmStoresTest lists in service files of its own; none is registered on the class path. */
final class TestProviders {
    private TestProviders() {
    }

    /** A store that remembers the settings it was opened with. */
    record ConfiguredStore(StoreConfig config, CrmStore delegate) implements CrmStore {
        @Override public Transactions transactions() { return delegate.transactions(); }
        @Override public Customers customers() { return delegate.customers(); }
        @Override public Contacts contacts() { return delegate.contacts(); }
        @Override public AuditLog auditLog() { return delegate.auditLog(); }
        @Override public Leads leads() { return delegate.leads(); }
        @Override public Opportunities opportunities() { return delegate.opportunities(); }
        @Override public Quotes quotes() { return delegate.quotes(); }
        @Override public DevelopmentPlans developmentPlans() { return delegate.developmentPlans(); }
        @Override public Activities activities() { return delegate.activities(); }
        @Override public RoundRobinPositions roundRobinPositions() { return delegate.roundRobinPositions(); }
        @Override public Outbox outbox() { return delegate.outbox(); }
        @Override public Contracts contracts() { return delegate.contracts(); }
        @Override public SalesOrders salesOrders() { return delegate.salesOrders(); }
        @Override public void close() { delegate.close(); }
    }

    public static class Other implements CrmStoreProvider {
        @Override public String name() { return "other"; }
        @Override public int apiVersion() { return API_VERSION; }
        @Override
        public CrmStore open(StoreConfig config) {
            return new ConfiguredStore(config, InMemoryCrmStore.create());
        }
    }

    /** A second durable store. */
    public static class Another extends Other {
        @Override public String name() { return "another"; }
    }

    /** Also calls itself {@code memory}. */
    public static class SecondMemory extends Other {
        @Override public String name() { return "memory"; }
    }

    public static class FailsToConstruct extends Other {
        public FailsToConstruct() {
            throw new IllegalStateException("cannot start");
        }
    }

    public static class FailsToName extends Other {
        @Override public String name() { throw new IllegalStateException("no name today"); }
    }

    public static class FromTheFuture extends Other {
        @Override public String name() { return "future"; }
        @Override public int apiVersion() { return API_VERSION + 1; }
    }
}
