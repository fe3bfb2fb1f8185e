package dev.kehu.crm.migration;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactInput;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerInput;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bulk import of customers with their contacts (Y4: migrating a spreadsheet or CSV). Obtain it from
 * {@code Kehu.imports()}.
 *
 * <p>Each row is checked and normalised by the same code as {@code customers().create} and
 * {@code contacts().create}: the stored records are the same. A row whose customer number is held by a stored
 * customer, or by a row imported earlier in the input, is skipped as a duplicate; a row with any violation is
 * rejected with every one of them; neither writes anything. A row without a number is never a duplicate. The rest
 * is written in chunks (100 rows by default), each chunk one transaction: one look-up of the chunk's numbers, then
 * the customers, the contacts, and the audit entries with their events, each in batches.
 *
 * <p>Two differences from creating the records one by one: a customer is written once, with version 1, where
 * {@code contacts().create} saves the customer again for each contact (that save guards the one-primary-contact
 * rule against concurrent changes to an existing customer, which a customer not yet committed cannot meet); and a
 * row with more than one primary contact is rejected, where creating them one by one would demote the earlier ones.
 *
 * <p>A chunk that meets a concurrent write of one of its numbers (another import or a {@code create} committing it
 * after the look-up) is refused by the store's unique key; nothing of the chunk is kept, as its transaction is rolled
 * back. Its rows are then imported one by one, each in a transaction of its own that looks its number up again, so
 * a number taken meanwhile makes its row a duplicate. Any other failure ends the import with its exception: the
 * chunks committed before it stay, and running the same import again skips their rows as duplicates. Inside a
 * transaction of the host's, the whole import is that transaction, and a conflict ends it too.
 */
public final class ImportService {
    /** The rows of a chunk, when the caller does not choose. */
    public static final int CHUNK = 100;
    /** The most rows a chunk may have: each is held in memory and in one transaction. */
    public static final int MAX_CHUNK = 1000;
    /** How often a row that meets a concurrent write is tried on its own before the conflict ends the import. */
    private static final int ROW_ATTEMPTS = 3;

    private final ServiceContext context;
    private final Customers customers;
    private final Contacts contacts;
    private final CustomerInput customerInput;
    private final ContactInput contactInput;

    public ImportService(ServiceContext context, Customers customers, Contacts contacts, CustomerInput customerInput,
                         ContactInput contactInput) {
        this.context = context;
        this.customers = customers;
        this.contacts = contacts;
        this.customerInput = customerInput;
        this.contactInput = contactInput;
    }

    /** Imports the rows in chunks of {@value #CHUNK}; the customers are the actor's, as if they created them. */
    public ImportReport customers(Actor actor, List<CustomerImportRow> rows) {
        return customers(actor, rows, CHUNK);
    }

    /**
     * Imports the rows in chunks of {@code chunkSize} rows, each chunk one transaction.
     *
     * @throws IllegalArgumentException when {@code chunkSize} is not 1 to {@value #MAX_CHUNK}; nothing is read
     * @throws dev.kehu.crm.security.AccessDeniedException when the actor may not create customers or contacts;
     *         nothing is read or written
     */
    public ImportReport customers(Actor actor, List<CustomerImportRow> rows, int chunkSize) {
        requireNonNull(rows, "rows");
        if (chunkSize < 1 || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("a chunk has 1 to " + MAX_CHUNK + " rows, got " + chunkSize);
        }
        // The questions creating them one by one asks, once: the actor will own every customer imported.
        context.authorize(actor, "customer.create", Customer.RECORD_TYPE, null);
        context.authorize(actor, "contact.create", Contact.RECORD_TYPE, null);
        context.authorize(actor, "contact.create", Contact.RECORD_TYPE, actor.user());
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += chunkSize) {
            outcomes.addAll(chunk(actor, rows, from, Math.min(rows.size(), from + chunkSize)));
        }
        return new ImportReport(outcomes);
    }

    private List<RowOutcome> chunk(Actor actor, List<CustomerImportRow> rows, int from, int to) {
        boolean hostTransaction = context.transactions().isActive();
        try {
            return context.inTransaction(actor, () -> write(actor, rows, from, to));
        } catch (DuplicateRecordException | StaleRecordException conflict) {
            if (hostTransaction) throw conflict;
            List<RowOutcome> outcomes = new ArrayList<>(to - from);
            for (int index = from; index < to; index++) outcomes.addAll(alone(actor, rows, index));
            return outcomes;
        }
    }

    /** One row of a chunk that met a concurrent write, in a transaction of its own. */
    private List<RowOutcome> alone(Actor actor, List<CustomerImportRow> rows, int index) {
        for (int attempt = 1; ; attempt++) {
            try {
                return context.inTransaction(actor, () -> write(actor, rows, index, index + 1));
            } catch (DuplicateRecordException | StaleRecordException conflict) {
                if (attempt == ROW_ATTEMPTS) throw conflict;
            }
        }
    }

    /** Checks rows {@code from} to {@code to}, skips the duplicates and writes the rest, in the current transaction. */
    private List<RowOutcome> write(Actor actor, List<CustomerImportRow> rows, int from, int to) {
        RowOutcome[] outcomes = new RowOutcome[to - from];
        List<Checked> valid = new ArrayList<>();
        for (int index = from; index < to; index++) {
            Checked row = check(actor, index, rows.get(index));
            if (row.violations().isEmpty()) valid.add(row);
            else outcomes[index - from] = RowOutcome.rejected(index, row.violations());
        }
        Set<String> numbers = valid.stream().map(row -> row.customer().number()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, CustomerId> holders = new HashMap<>(numbers.isEmpty() ? Map.of()
                : customers.idsByNumber(actor.tenant(), numbers));
        List<Checked> created = new ArrayList<>();
        for (Checked row : valid) {
            String number = row.customer().number();
            CustomerId holder = number == null ? null : holders.putIfAbsent(number, row.customer().id());
            if (holder != null) {
                outcomes[row.index() - from] = RowOutcome.duplicate(row.index(), holder);
            } else {
                created.add(row);
                outcomes[row.index() - from] = RowOutcome.created(row.index(), row.customer().id(),
                        row.contacts().stream().map(Contact::id).toList());
            }
        }
        if (!created.isEmpty()) store(actor, created);
        return Arrays.asList(outcomes);
    }

    private void store(Actor actor, List<Checked> rows) {
        rows.forEach(row -> customerInput.guardNewParent(actor, row.customer()));
        customers.insertAll(rows.stream().map(Checked::customer).toList());
        contacts.insertAll(rows.stream().flatMap(row -> row.contacts().stream()).toList());
        List<AuditEntry> entries = new ArrayList<>();
        for (Checked row : rows) {
            entries.add(context.auditEntry(actor, Customer.RECORD_TYPE, row.customer().id().value(), "customer.create",
                    null, row.customer()));
            for (Contact contact : row.contacts()) {
                entries.add(context.auditEntry(actor, Contact.RECORD_TYPE, contact.id().value(), "contact.create", null,
                        contact));
            }
        }
        context.auditAll(entries);
    }

    /** A row as checked: its customer and contacts, ready to write, or the violations that refuse it. */
    private record Checked(int index, Customer customer, List<Contact> contacts, List<Violation> violations) {
    }

    private Checked check(Actor actor, int index, CustomerImportRow row) {
        if (row == null) {
            return new Checked(index, null, List.of(), List.of(violation(actor, "", "input.required", null)));
        }
        CustomerId id = new CustomerId(context.nextId());
        Instant now = context.now();
        List<Violation> violations = new ArrayList<>();
        Optional<Customer> customer = Optional.empty();
        try {
            customer = Optional.of(customerInput.check(actor, row.customer(), CustomerInput.newCustomer(actor, id, now),
                    id, false));
        } catch (InvalidInputException refused) {
            violations.addAll(within("customer", refused));
        }
        List<Contact> contacts = new ArrayList<>();
        boolean primary = false;
        for (int k = 0; k < row.contacts().size(); k++) {
            String path = "contacts[" + k + "]";
            ContactDetails details = row.contacts().get(k);
            if (details != null && details.customer() != null) {
                violations.add(violation(actor, path + ".customer", "import.contact.customer", details.customer()));
            }
            if (details != null && details.primary()) {
                if (primary) violations.add(violation(actor, path + ".primary", "import.contact.primary", true));
                primary = true;
            }
            try {
                contacts.add(contactInput.checkForNewCustomer(actor,
                        details == null ? null : details.toBuilder().customer(id.value()).build(), customer,
                        ContactInput.newContact(actor, new ContactId(context.nextId()), now)));
            } catch (InvalidInputException refused) {
                violations.addAll(within(path, refused));
            }
        }
        return new Checked(index, customer.orElse(null), contacts, violations);
    }

    /** The violations of a part of a row, their paths inside the row: {@code customer.phone}, {@code contacts[1].fax}.
     */
    private static List<Violation> within(String part, InvalidInputException refused) {
        return refused.violations().stream().map(v -> new Violation(v.path().isEmpty() ? part : part + "." + v.path(),
                v.message(), v.rejectedValue())).toList();
    }

    private static Violation violation(Actor actor, String path, String messageKey, Object rejectedValue) {
        return new Violation(path, Messages.get(actor.locale(), messageKey), rejectedValue);
    }
}
