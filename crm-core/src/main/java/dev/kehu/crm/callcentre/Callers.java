package dev.kehu.crm.callcentre;

import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.customer.Customer;
import java.util.List;

/**
 * Who may be calling from a number: customers whose phone or fax it is, and contacts with it as any of
 * their numbers. {@code number} is {@code null} when the text looked up was not a phone number.
 */
public record Callers(PhoneNumber number, List<Customer> customers, List<Contact> contacts) {
    public Callers {
        customers = List.copyOf(customers);
        contacts = List.copyOf(contacts);
    }

    public boolean isEmpty() {
        return customers.isEmpty() && contacts.isEmpty();
    }
}
