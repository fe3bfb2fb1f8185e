package dev.kehu.crm.plan;

import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a person enters for one step of a development plan (O7), checked when a use case receives it.
 *
 * @param plannedTime the time of day, or {@code null} for "some time that day"
 */
public record PlanStepDetails(
        @HasText @Size(max = 200) @PlainText String what,
        @NotNull @FourDigitYear LocalDate plannedDate,
        LocalTime plannedTime,
        @Size(max = 4000) @PlainText(multiline = true) String notes) {

    public PlanStepDetails {
        // Forms send "" for an empty field: it means "not given".
        notes = Text.blankToNull(notes);
    }
}
