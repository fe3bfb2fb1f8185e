package dev.kehu.crm.migration;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import java.util.List;

/**
 * What an import did with one row.
 *
 * @param index      the row's place in the input, from 0
 * @param customer   the customer created ({@link Status#CREATED}), or the one that holds the row's number
 *                   ({@link Status#DUPLICATE}: a stored customer or a row earlier in the input); {@code null} for a
 *                   rejected row
 * @param contacts   the contacts created, in the row's order; empty unless created
 * @param violations every problem of a rejected row, its path naming the part of the row ({@code customer.phone},
 *                   {@code contacts[1].mobile}), in the actor's language; empty unless rejected
 */
public record RowOutcome(int index, Status status, CustomerId customer, List<ContactId> contacts,
                         List<Violation> violations) {
    public enum Status {
        /** The customer and its contacts were written, each with its audit entry and event. */
        CREATED,
        /** Skipped: its customer number is taken. Nothing was written. */
        DUPLICATE,
        /** Refused with its violations. Nothing was written. */
        REJECTED
    }

    public RowOutcome {
        requireNonNull(status, "status");
        contacts = List.copyOf(contacts);
        violations = List.copyOf(violations);
        if ((status == Status.REJECTED) == (customer != null) || (status == Status.REJECTED) == violations.isEmpty()) {
            throw new IllegalArgumentException("a rejected row, and only it, has violations and no customer");
        }
    }

    static RowOutcome created(int index, CustomerId customer, List<ContactId> contacts) {
        return new RowOutcome(index, Status.CREATED, customer, contacts, List.of());
    }

    static RowOutcome duplicate(int index, CustomerId holder) {
        return new RowOutcome(index, Status.DUPLICATE, holder, List.of(), List.of());
    }

    static RowOutcome rejected(int index, List<Violation> violations) {
        return new RowOutcome(index, Status.REJECTED, null, List.of(), violations);
    }
}
