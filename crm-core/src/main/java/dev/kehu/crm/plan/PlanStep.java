package dev.kehu.crm.plan;

import dev.kehu.crm.internal.Text;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One step of a development plan (O7): what is to be done, when, with notes, and once done its result
 * (执行效果) and the day it was done.
 *
 * @param number      its place in the plan, 1 for the first step
 * @param plannedTime the time of day, or {@code null} for "some time that day"
 * @param result      the result (执行效果), or {@code null} while not done; given together with {@code doneOn}
 */
public record PlanStep(int number, String what, LocalDate plannedDate, LocalTime plannedTime, String notes,
                       String result, LocalDate doneOn) {

    public PlanStep {
        if (number < 1) throw new IllegalArgumentException("step numbers start at 1, got " + number);
        if (Text.isBlank(what)) throw new IllegalArgumentException("a plan step says what is to be done");
        requireNonNull(plannedDate, "plannedDate");
        // Every store keeps microseconds: a step reads back equal to what was saved.
        plannedTime = plannedTime == null ? null : plannedTime.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (result != null && Text.isBlank(result)) {
            throw new IllegalArgumentException("a recorded result cannot be blank");
        }
        if ((result == null) != (doneOn == null)) {
            throw new IllegalArgumentException("a done step, and only it, has a result and a done date");
        }
    }

    /** A step not yet done. */
    public static PlanStep planned(int number, String what, LocalDate plannedDate, LocalTime plannedTime,
                                   String notes) {
        return new PlanStep(number, what, plannedDate, plannedTime, notes, null, null);
    }

    public boolean isDone() {
        return result != null;
    }

    /** Planned for a day before {@code today} and still without a result. */
    public boolean isOverdue(LocalDate today) {
        return !isDone() && plannedDate.isBefore(today);
    }

    PlanStep numbered(int newNumber) {
        return new PlanStep(newNumber, what, plannedDate, plannedTime, notes, result, doneOn);
    }

    PlanStep withResult(String newResult, LocalDate newDoneOn) {
        return new PlanStep(number, what, plannedDate, plannedTime, notes, newResult, newDoneOn);
    }
}
