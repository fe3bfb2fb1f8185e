package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of a ticket's history (S7): who did what, when, the status before and after, who the ticket is
 * assigned to after it, and a note. Append-only, numbered from 1 without gaps; the service-level clock reads
 * the statuses from it to know when the resolution clock was stopped.
 *
 * @param from     the status before; {@code null} only for the {@link StepKind#CREATED} line
 * @param assignee the agent the ticket is assigned to after this step, or {@code null}
 */
public record TicketStep(TicketId ticket, int sequence, Instant at, UserId actor, StepKind kind, TicketStatus from,
                         TicketStatus to, UserId assignee, String note) {
    public TicketStep {
        requireNonNull(ticket, "ticket");
        if (sequence < 1) throw new IllegalArgumentException("history lines are numbered from 1");
        at = requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(actor, "actor");
        requireNonNull(kind, "kind");
        requireNonNull(to, "to");
        if ((kind == StepKind.CREATED) != (from == null)) {
            throw new IllegalArgumentException("only the first line of a history has no previous status");
        }
    }
}
