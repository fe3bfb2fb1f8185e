package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.internal.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A corrective measure taken on a complaint (整改措施, S2): what is to be done, by whom, by when, and — once
 * done — when and the follow-up (跟踪) note saying how it turned out.
 *
 * @param number   its number within the ticket, from 1
 * @param doneAt   when it was reported done, or {@code null} while it is open
 * @param followUp what the follow-up found, given when it is done
 */
public record CorrectiveMeasure(int number, String what, UserId owner, LocalDate due, Instant doneAt,
                                String followUp) {
    public CorrectiveMeasure {
        if (number < 1) throw new IllegalArgumentException("measures are numbered from 1");
        if (Text.isBlank(what)) throw new IllegalArgumentException("a measure says what is to be done");
        requireNonNull(owner, "owner");
        requireNonNull(due, "due");
        doneAt = doneAt == null ? null : doneAt.truncatedTo(ChronoUnit.MICROS);
        if ((doneAt != null) != !Text.isBlank(followUp)) {
            throw new IllegalArgumentException("a done measure, and only it, has a follow-up note");
        }
    }

    public boolean isDone() {
        return doneAt != null;
    }

    /** Still open after its due day. */
    public boolean isOverdue(LocalDate today) {
        return !isDone() && due.isBefore(today);
    }

    CorrectiveMeasure done(String note, Instant at) {
        return new CorrectiveMeasure(number, what, owner, due, at, note);
    }
}
