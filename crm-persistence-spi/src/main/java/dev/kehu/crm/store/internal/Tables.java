package dev.kehu.crm.store.internal;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.customer.Customer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every record of an in-memory store. A committed instance is never changed: a transaction writes to a
 * {@link #copy()} and publishes it on commit.
 */
final class Tables {
    static final Tables EMPTY = new Tables(Map.of(), Map.of(), List.of());

    final Map<Key, Customer> customers;
    final Map<Key, Contact> contacts;
    final List<AuditEntry> audit; // in append order

    private Tables(Map<Key, Customer> customers, Map<Key, Contact> contacts, List<AuditEntry> audit) {
        this.customers = customers;
        this.contacts = contacts;
        this.audit = audit;
    }

    Tables copy() {
        return new Tables(new HashMap<>(customers), new HashMap<>(contacts), new ArrayList<>(audit));
    }

    Stream<Customer> customersOf(TenantId tenant) {
        return customers.values().stream().filter(c -> c.tenant().equals(tenant));
    }

    Stream<Contact> contactsOf(TenantId tenant) {
        return contacts.values().stream().filter(c -> c.tenant().equals(tenant));
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

    /** Records are kept per tenant and id. */
    record Key(TenantId tenant, String id) {
    }
}
