package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;

/**
 * What the desk records when a request comes in (S1, S7). The customer must exist, and the contact, when given,
 * must be one of theirs.
 *
 * @param number   the number the customer is told, or {@code null} to use the ticket's id
 * @param contact  the contact who raised it, or {@code null}
 * @param priority {@code null} for normal
 * @param skill    the skill an agent needs to take it (a code of the host's list), or {@code null}
 */
public record TicketDetails(CustomerId customer, ContactId contact, TicketKind kind, TicketChannel channel,
                            TicketPriority priority, String subject, String description, String skill, String number) {
    public TicketDetails {
        requireNonNull(customer, "customer");
        requireNonNull(kind, "kind");
        requireNonNull(channel, "channel");
        priority = priority == null ? TicketPriority.NORMAL : priority;
    }

    /** A request with only what it must have. */
    public static TicketDetails of(CustomerId customer, TicketKind kind, TicketChannel channel, String subject) {
        return new TicketDetails(customer, null, kind, channel, null, subject, null, null, null);
    }

    public TicketDetails contact(ContactId value) {
        return new TicketDetails(customer, value, kind, channel, priority, subject, description, skill, number);
    }

    public TicketDetails priority(TicketPriority value) {
        return new TicketDetails(customer, contact, kind, channel, value, subject, description, skill, number);
    }

    public TicketDetails description(String value) {
        return new TicketDetails(customer, contact, kind, channel, priority, subject, value, skill, number);
    }

    public TicketDetails skill(String value) {
        return new TicketDetails(customer, contact, kind, channel, priority, subject, description, value, number);
    }

    public TicketDetails number(String value) {
        return new TicketDetails(customer, contact, kind, channel, priority, subject, description, skill, value);
    }
}
