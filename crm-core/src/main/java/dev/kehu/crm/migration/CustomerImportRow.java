package dev.kehu.crm.migration;

import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.CustomerDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row of an import: a customer's details with its contacts' details. The contacts belong to the row's customer,
 * so their {@code customer} is left empty; at most one of them is primary.
 */
public record CustomerImportRow(CustomerDetails customer, List<ContactDetails> contacts) {
    public CustomerImportRow {
        // A null contact is an input to report, not to fail on: the list may hold it.
        contacts = contacts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(contacts));
    }

    public static CustomerImportRow of(CustomerDetails customer, ContactDetails... contacts) {
        return new CustomerImportRow(customer, Arrays.asList(contacts));
    }
}
