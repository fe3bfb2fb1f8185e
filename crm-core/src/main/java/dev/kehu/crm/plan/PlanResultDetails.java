package dev.kehu.crm.plan;

import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a person enters as the result (执行效果) of step {@code step} of a development plan (O7). */
public record PlanResultDetails(
        @Positive int step,
        @HasText @Size(max = 4000) @PlainText(multiline = true) String result,
        @NotNull @FourDigitYear LocalDate doneOn) {
}
