package dev.kehu.crm.jdbc;

import dev.kehu.crm.Kehu;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.security.Actor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A bulk creation of customers with their contacts that a crashed run can simply start again: what the previous run
 * committed is recognised and skipped, what it had not committed is created. The crash-recovery test runs it in a
 * child JVM and kills it half-way; a bulk-import use case can take the place of {@link #ONE_BY_ONE}.
 */
interface CustomerCreation {

    /**
     * Creates the customers of {@code rows} not stored yet and the contacts they lack, reporting each record to
     * {@code committed} once its transaction has committed.
     */
    void create(Kehu kehu, Actor actor, List<Row> rows, Consumer<String> committed);

    /**
     * Each customer and each contact through its own use case ({@code customers().create}, {@code contacts().create}),
     * one transaction each. A customer whose number is taken is the one a previous run created: it is not created
     * again, only given the contacts it lacks (same name and mobile).
     */
    CustomerCreation ONE_BY_ONE = (kehu, actor, rows, committed) -> {
        for (Row row : rows) {
            Customer customer = stored(kehu, actor, row.number()).orElse(null);
            if (customer == null) {
                customer = kehu.customers().create(actor, CustomerDetails.company(row.name()).number(row.number())
                        .city("上海市").build());
                committed.accept("customer " + row.number());
            }
            List<Contact> present = kehu.contacts().ofCustomer(actor, customer.id());
            for (ContactRow contact : row.contacts()) {
                PhoneNumber mobile = PhoneNumber.parse(contact.mobile(), PhoneNumber.CHINA).orElseThrow();
                if (present.stream().anyMatch(c -> c.name().equals(contact.name()) && mobile.equals(c.mobile()))) continue;
                kehu.contacts().create(actor, ContactDetails.of(customer.id(), contact.name()).mobile(contact.mobile())
                        .primary(contact.primary()).build());
                committed.accept("contact " + row.number() + " " + contact.name());
            }
        }
    };

    private static Optional<Customer> stored(Kehu kehu, Actor actor, String number) {
        // The search text matches a number exactly; names and mnemonics of the input never contain one.
        return kehu.customers().find(actor, CustomerQuery.text(number), PageRequest.first(10, CustomerSort.NUMBER))
                .items().stream().filter(c -> number.equals(c.number())).findFirst();
    }

    /** One customer of the input: a unique number, a name and two contacts, the first its primary contact. */
    record Row(String number, String name, List<ContactRow> contacts) {
    }

    record ContactRow(String name, String mobile, boolean primary) {
    }

    /** The input of {@code count} customers, the same for every run. */
    static List<Row> input(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Row(String.format("CR-%05d", i), "恢复测试客户" + i,
                List.of(new ContactRow("联系人" + i + "甲", String.format("139 %08d", i), true),
                        new ContactRow("联系人" + i + "乙", String.format("138 %08d", i), false))))
                .toList();
    }
}
