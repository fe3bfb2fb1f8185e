package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One page of a customer's service history (S7), newest first: tickets with their status, survey and service-level
 * outcome, and expenses.
 *
 * @param next where the next page starts, or {@code null} when this is the last
 */
public record ServiceHistory(List<Entry> entries, ListPosition next) {
    public ServiceHistory {
        entries = List.copyOf(entries);
    }

    /**
     * A ticket (with its service-level standing at the time of the request) or an expense.
     *
     * @param at when it was recorded
     */
    public record Entry(Instant at, ServiceTicket ticket, SlaStatus sla, Expense expense) {
        public Entry {
            requireNonNull(at, "at");
            if ((ticket == null) == (expense == null) || (ticket == null) != (sla == null)) {
                throw new IllegalArgumentException("an entry is a ticket with its standing, or an expense");
            }
        }

        ListPosition position() {
            return new ListPosition(at, ticket != null ? ticket.id().value() : expense.id().value());
        }
    }
}
