package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.support.SlaStatus.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a ticket stands against its {@link ServiceLevel} at a given instant: when each target falls due,
 * whether it is about to be breached, breached, or met. Pure: the caller passes the instant (a scheduler's
 * "now", or a past instant for a report).
 *
 * <ul>
 * <li>Both clocks start when the ticket is created and count working time of the priority's calendar; the
 * targets are those of the ticket's current priority.</li>
 * <li>The first-response clock stops at the first response and never pauses.</li>
 * <li>The resolution clock stops while the desk waits for the customer and while the ticket is resolved or
 * closed; a reopened ticket carries on with the time it had left. Which is why it reads the history.</li>
 * <li>A deadline is breached from the moment after it; at the deadline itself the target is still met.</li>
 * </ul>
 */
public record SlaClock(ServiceLevel level) {
    public SlaClock {
        requireNonNull(level, "level");
    }

    /**
     * The ticket's standing at {@code at}, from its full history; history lines after {@code at} are
     * ignored, so a past instant gives the standing it had then (with today's priority).
     *
     * @throws IllegalArgumentException when the history is not the ticket's, or {@code at} comes before the ticket
     */
    public SlaStatus status(ServiceTicket ticket, List<TicketStep> history, Instant at) {
        requireNonNull(at, "at");
        if (history.size() != ticket.historyLength() || history.stream().anyMatch(s -> !s.ticket().equals(ticket.id()))
                || TicketHistory.replay(history) != ticket.status()) {
            throw new IllegalArgumentException("the history given is not that of ticket " + ticket.id());
        }
        if (at.isBefore(ticket.createdAt())) throw new IllegalArgumentException("the ticket did not exist at " + at);
        ServiceLevel.Targets targets = level.targets(ticket.priority());
        BusinessHours hours = level.hoursFor(ticket.priority());
        return new SlaStatus(ticket.id(), ticket.priority(), at,
                firstResponse(ticket, targets.firstResponse(), hours, at),
                resolution(history, targets.resolution(), hours, at));
    }

    private Deadline firstResponse(ServiceTicket ticket, Duration allowed, BusinessHours hours, Instant at) {
        Instant due = hours.plus(ticket.createdAt(), allowed);
        Instant responded = ticket.firstResponseAt();
        if (responded != null && !responded.isAfter(at)) {
            Duration used = hours.between(ticket.createdAt(), responded);
            return new Deadline(SlaTarget.FIRST_RESPONSE, allowed, used, due,
                    responded.isAfter(due) ? SlaState.MISSED : SlaState.MET);
        }
        return running(SlaTarget.FIRST_RESPONSE, allowed, hours.between(ticket.createdAt(), at), due, at);
    }

    private Deadline resolution(List<TicketStep> history, Duration allowed, BusinessHours hours, Instant at) {
        List<TicketStep> upTo = history.stream().filter(s -> !s.at().isAfter(at)).toList();
        TicketStatus status = upTo.get(upTo.size() - 1).to();
        Duration used = Duration.ZERO;
        Instant due = null;
        // The clock runs from each line that leaves the ticket in a running status until the next line.
        for (int i = 0; i < upTo.size(); i++) {
            TicketStep step = upTo.get(i);
            if (!step.to().resolutionClockRuns()) continue;
            boolean last = i + 1 == upTo.size();
            Instant end = last ? at : upTo.get(i + 1).at();
            Duration counted = hours.between(step.at(), end);
            // The deadline falls in this stretch when the time left runs out before it ends; in the current
            // stretch it falls wherever the time left runs out.
            if (due == null && (last || used.plus(counted).compareTo(allowed) > 0)) {
                due = hours.plus(step.at(), allowed.minus(used));
            }
            used = used.plus(counted);
        }
        if (!status.isOpen()) {
            return new Deadline(SlaTarget.RESOLUTION, allowed, used, due, due == null ? SlaState.MET : SlaState.MISSED);
        }
        if (!status.resolutionClockRuns()) {
            return new Deadline(SlaTarget.RESOLUTION, allowed, used, due, due == null ? SlaState.PAUSED : SlaState.BREACHED);
        }
        return running(SlaTarget.RESOLUTION, allowed, used, due, at);
    }

    private Deadline running(SlaTarget target, Duration allowed, Duration used, Instant due, Instant at) {
        SlaState state;
        if (at.isAfter(due)) {
            state = SlaState.BREACHED;
        } else if (!level.warning().isZero() && allowed.minus(used).compareTo(level.warning()) <= 0) {
            state = SlaState.AT_RISK;
        } else {
            state = SlaState.ON_TRACK;
        }
        return new Deadline(target, allowed, used, due, state);
    }
}
