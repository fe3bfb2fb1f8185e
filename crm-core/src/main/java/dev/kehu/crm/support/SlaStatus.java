package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A ticket's standing against its service level at one instant, as {@link SlaClock} computed it.
 *
 * @param firstResponse the first-response target
 * @param resolution    the resolution target
 */
public record SlaStatus(TicketId ticket, TicketPriority priority, Instant at, Deadline firstResponse,
                        Deadline resolution) {
    public SlaStatus {
        requireNonNull(ticket, "ticket");
        requireNonNull(priority, "priority");
        requireNonNull(at, "at");
        requireNonNull(firstResponse, "firstResponse");
        requireNonNull(resolution, "resolution");
    }

    /**
     * One target.
     *
     * @param allowed the working time the target allows
     * @param used    the working time counted against it up to the instant (or until it was met)
     * @param due     when it falls or fell due; {@code null} when the clock stopped with time left: while
     *                paused (the deadline depends on when it runs again), or once the resolution was met
     */
    public record Deadline(SlaTarget target, Duration allowed, Duration used, Instant due, SlaState state) {
        public Deadline {
            requireNonNull(target, "target");
            requireNonNull(allowed, "allowed");
            requireNonNull(used, "used");
            requireNonNull(state, "state");
        }

        /** The working time left before the deadline; negative once it has passed. */
        public Duration left() {
            return allowed.minus(used);
        }
    }

    public Deadline of(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponse : resolution;
    }

    /** The targets that are or were breached. */
    public Set<SlaTarget> breached() {
        Set<SlaTarget> breached = EnumSet.noneOf(SlaTarget.class);
        if (firstResponse.state().isBreach()) breached.add(SlaTarget.FIRST_RESPONSE);
        if (resolution.state().isBreach()) breached.add(SlaTarget.RESOLUTION);
        return breached;
    }

    /** Whether a target is about to be breached. */
    public boolean atRisk() {
        return firstResponse.state() == SlaState.AT_RISK || resolution.state() == SlaState.AT_RISK;
    }

    /**
     * The breaches to escalate to the supervisor now: those of an open ticket not escalated before. Empty for
     * a resolved ticket — a late resolution is reported, not escalated.
     */
    public Set<SlaTarget> toEscalate(ServiceTicket current) {
        if (!current.id().equals(ticket)) throw new IllegalArgumentException("the status of " + ticket + ", not of " + current.id());
        if (!current.isOpen()) return Set.of();
        Set<SlaTarget> due = breached();
        due.removeAll(current.escalated());
        return Set.copyOf(due);
    }
}
