package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.store.internal.Tables.Key;
import java.util.List;
import java.util.Optional;

public final class MemoryContacts implements Contacts {
    private final MemoryTransactions transactions;

    public MemoryContacts(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Contact> find(TenantId tenant, ContactId id) {
        Key key = new Key(tenant, id.value());
        return transactions.read(tables -> Optional.ofNullable(tables.contacts.get(key)));
    }

    @Override
    public Contact save(Contact contact) {
        requireNonNull(contact, "contact");
        Key key = new Key(contact.tenant(), contact.id().value());
        return transactions.write(tables -> {
            Contact stored = tables.contacts.get(key);
            Tables.checkVersion(Contact.RECORD_TYPE, key, stored == null ? 0 : stored.version(), contact.version());
            Contact saved = contact.toBuilder().version(contact.version() + 1).build();
            tables.contacts.put(key, saved);
            return saved;
        });
    }

    @Override
    public List<Contact> ofCustomer(TenantId tenant, CustomerId customer) {
        requireNonNull(customer, "customer");
        return transactions.read(tables -> tables.contactsOf(tenant)
                .filter(c -> c.customer().equals(customer))
                .sorted(Ordering.CONTACTS_OF_CUSTOMER)
                .toList());
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        requireNonNull(phone, "phone");
        return transactions.read(tables -> tables.contactsOf(tenant)
                .filter(c -> c.phones().contains(phone))
                .sorted(Ordering.CONTACTS_BY_ID)
                .toList());
    }

    @Override
    public Page<Contact> page(TenantId tenant, ContactQuery query, PageRequest<ContactSort> request) {
        requireNonNull(query, "query");
        return transactions.read(tables -> Ordering.page(tables.contactsOf(tenant).filter(query::matches),
                Ordering.contacts(request.sortBy(), request.direction()), request));
    }
}
