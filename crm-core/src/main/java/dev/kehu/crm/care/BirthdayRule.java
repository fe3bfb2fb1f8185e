package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.Customers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts whose birthday is today or in the next days: the account manager of their customer is reminded once
 * per birthday (the key holds its date). Uses the index on the contacts' birthday month-day.
 */
final class BirthdayRule implements CareRule<Contact> {
    private final Contacts contacts;
    private final Customers customers;
    private final int daysAhead;

    BirthdayRule(Contacts contacts, Customers customers, int daysAhead) {
        this.contacts = contacts;
        this.customers = customers;
        this.daysAhead = daysAhead;
    }

    @Override
    public String name() {
        return CareRules.BIRTHDAYS;
    }

    @Override
    public List<Contact> page(TenantId tenant, LocalDate today, Contact after, int limit) {
        return contacts.birthdaysIn(tenant, window(today), after == null ? null : after.id(), limit);
    }

    /** From today to the days ahead, or to the last day kept. */
    private BirthdayWindow window(LocalDate today) {
        return new BirthdayWindow(today, Horizon.ahead(today, daysAhead));
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<Contact> rows, LocalDate today) {
        BirthdayWindow window = window(today);
        Map<CustomerId, Optional<UserId>> owners = new HashMap<>(); // contacts of one customer share its owner
        List<ReminderCandidate> found = new ArrayList<>();
        for (Contact contact : rows) {
            Optional<UserId> owner = owners.computeIfAbsent(contact.customer(),
                    id -> customers.find(tenant, id).map(Customer::owner));
            if (owner.isEmpty()) continue;
            LocalDate birthday = window.birthdayIn(contact.birthday());
            found.add(new ReminderCandidate(Contact.RECORD_TYPE, contact.id().value(), contact.id().value(), birthday,
                    owner.get(), contact.name(), Map.of("birthday", birthday.toString(),
                    "customer", contact.customer().value())));
        }
        return found;
    }
}
