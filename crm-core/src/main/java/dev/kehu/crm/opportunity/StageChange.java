package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of an opportunity's stage history (阶段演变历史, O4): who changed its stage, probability or
 * status, when, from what to what, and why. The history is append-only and numbered from 1 without gaps.
 *
 * @param from the position before; {@code null} only for the {@link ChangeKind#CREATED} line
 */
public record StageChange(OpportunityId opportunity, int sequence, Instant at, UserId actor, ChangeKind kind,
                          Position from, Position to, String note) {
    public StageChange {
        requireNonNull(opportunity, "opportunity");
        if (sequence < 1) throw new IllegalArgumentException("history lines are numbered from 1");
        at = requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(actor, "actor");
        requireNonNull(kind, "kind");
        requireNonNull(to, "to");
        if ((kind == ChangeKind.CREATED) != (from == null)) {
            throw new IllegalArgumentException("only the first line of a history has no previous position");
        }
    }
}
