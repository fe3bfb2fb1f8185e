package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.store.internal.MemoryAuditLog;
import dev.kehu.crm.store.internal.MemoryContacts;
import dev.kehu.crm.store.internal.MemoryCustomers;
import dev.kehu.crm.store.internal.MemoryTransactions;

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

    /** Drops every record; the store refuses further calls. */
    @Override
    public void close() {
        transactions.close();
    }
}
