package dev.kehu.crm.support;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where service tickets and their history are kept. Every method takes part in the calling thread's
 * transaction of the same store.
 *
 * <p>Beside each ticket the store keeps its next service-level deadline, which the use cases compute with the
 * {@link SlaClock} and pass to {@link #save}: the first response's or the resolution's, whichever comes first
 * among the targets still running and not yet escalated; {@code null} when none is (resolved, waiting for the
 * customer, every breach escalated). {@link #slaDue} reads it from an index.
 */
public interface ServiceTickets {
    Optional<ServiceTicket> find(TenantId tenant, TicketId id);

    /**
     * Inserts a ticket of version 0, or updates one whose stored version equals {@code ticket.version()}; its
     * corrective measures are stored with it, in order.
     *
     * @param slaDeadline the ticket's next service-level deadline, or {@code null} when no target is running
     * @return the ticket as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    ServiceTicket save(ServiceTicket ticket, Instant slaDeadline);

    /**
     * Appends a line to the history of a stored ticket; lines are never changed or removed.
     *
     * @throws dev.kehu.crm.common.StaleRecordException naming the ticket, when it already has a line with this
     *         sequence number (another change got there first); nothing is written
     */
    void append(TenantId tenant, TicketStep line);

    /** The history of the ticket, by sequence number; empty when it has none. */
    List<TicketStep> history(TenantId tenant, TicketId id);

    /**
     * The customer's tickets, newest first (by creation time, then id, both descending), at most {@code limit}
     * (1–1000); with {@code before}, only those after that position in this order.
     */
    List<ServiceTicket> ofCustomer(TenantId tenant, CustomerId customer, ListPosition before, int limit);

    /**
     * How many open tickets (neither resolved nor closed) each of {@code agents} holds; agents holding none
     * are left out.
     */
    Map<UserId, Integer> openCounts(TenantId tenant, Collection<UserId> agents);

    /**
     * The tickets whose next service-level deadline is before {@code before}, by deadline, then id, at most
     * {@code limit} (1–1000); with {@code after}, only those after that position (deadline and id) in this order.
     */
    List<Due> slaDue(TenantId tenant, Instant before, ListPosition after, int limit);

    /** A ticket and its next service-level deadline, as stored. */
    record Due(ServiceTicket ticket, Instant deadline) {
        public Due {
            java.util.Objects.requireNonNull(ticket, "ticket");
            java.util.Objects.requireNonNull(deadline, "deadline");
        }

        /** Where a list continues after this ticket. */
        public ListPosition position() {
            return new ListPosition(deadline, ticket.id().value());
        }
    }
}
