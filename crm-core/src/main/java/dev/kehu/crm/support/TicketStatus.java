package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/**
 * Where a ticket stands. The moves {@link ServiceTicket} allows:
 * <pre>
 * NEW ──assign──▶ ASSIGNED ──start──▶ IN_PROGRESS ◀──askCustomer / customerReplied──▶ WAITING_FOR_CUSTOMER
 * ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER ──resolve──▶ RESOLVED ──close──▶ CLOSED
 * RESOLVED, CLOSED ──reopen──▶ ASSIGNED (the same agent)
 * </pre>
 * Reassigning keeps the status, except that a new ticket becomes assigned.
 */
public enum TicketStatus implements LabelledEnum {
    NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED;

    /** Not yet resolved: somebody still has to work on it. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /**
     * Whether the resolution clock runs: not while the desk waits for the customer's answer, nor once the
     * ticket is resolved.
     */
    public boolean resolutionClockRuns() {
        return isOpen() && this != WAITING_FOR_CUSTOMER;
    }
}
