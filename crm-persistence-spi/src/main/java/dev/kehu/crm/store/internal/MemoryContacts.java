package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import java.util.List;
import java.util.Optional;

public final class MemoryContacts implements Contacts {
    private final MemoryTransactions transactions;
    private final VersionedTable<Contact> contacts;

    public MemoryContacts(MemoryTransactions transactions) {
        this.transactions = transactions;
        contacts = new VersionedTable<>(transactions, Contact.RECORD_TYPE, tables -> tables.contacts, Contact::version);
    }

    @Override
    public Optional<Contact> find(TenantId tenant, ContactId id) {
        return contacts.find(tenant, id.value());
    }

    @Override
    public Contact save(Contact contact) {
        requireNonNull(contact, "contact");
        return contacts.save(contact.tenant(), contact.id().value(), contact.version(),
                version -> contact.toBuilder().version(version).build());
    }

    @Override
    public List<Contact> insertAll(List<Contact> list) {
        list.forEach(Contacts::requireNew);
        return contacts.insertAll(list, c -> new Tables.Key(c.tenant(), c.id().value()),
                c -> c.toBuilder().version(1).build(), tables -> { });
    }

    @Override
    public List<Contact> ofCustomer(TenantId tenant, CustomerId customer) {
        requireNonNull(customer, "customer");
        return contacts.list(tenant, c -> c.customer().equals(customer), Ordering.CONTACTS_OF_CUSTOMER);
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        requireNonNull(phone, "phone");
        return contacts.list(tenant, c -> c.phones().contains(phone), Ordering.CONTACTS_BY_ID);
    }

    @Override
    public List<Contact> callersByPhone(TenantId tenant, PhoneNumber phone) {
        requireNonNull(phone, "phone");
        return transactions.read(tables -> tables.contactsOf(tenant)
                .filter(c -> c.phones().contains(phone))
                .filter(c -> Optional.ofNullable(tables.customers.get(new Tables.Key(tenant, c.customer().value())))
                        .map(Customer::isActive).orElse(false))
                .sorted(Ordering.CONTACTS_BY_ID)
                .toList());
    }

    @Override
    public Page<Contact> page(TenantId tenant, ContactQuery query, PageRequest<ContactSort> request) {
        requireNonNull(query, "query");
        return transactions.read(tables -> Ordering.page(tables.contactsOf(tenant).filter(query::matches),
                Ordering.contacts(request.sortBy(), request.direction()), request));
    }

    @Override
    public List<Contact> birthdaysIn(TenantId tenant, BirthdayWindow window, ContactId after, int limit) {
        requireNonNull(window, "window");
        return contacts.pageById(tenant, window::matches, after == null ? null : after.value(), limit);
    }
}
