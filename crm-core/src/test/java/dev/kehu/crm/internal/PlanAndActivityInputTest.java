package dev.kehu.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.activity.ActivityDetails;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.plan.DevelopmentPlanDetails;
import dev.kehu.crm.plan.PlanStepDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanAndActivityInputTest {
    private static final InputValidator VALIDATOR = new InputValidator();

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static List<String> paths(Object input) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> VALIDATOR.check(input, Locale.ENGLISH).throwIfAny());
        return e == null ? List.of() : e.violations().stream().map(Violation::path).toList();
    }

    @Test
    @DisplayName("a well-formed activity passes; a bad kind, blank subject, odd id and hidden character are each reported")
    void activities() {
        Instant due = Instant.parse("2026-11-24T02:00:00Z");
        assertThat(paths(new ActivityDetails("VISIT", "拜访李总", "c-1", null, null, null, due, null, "带样品"))).isEmpty();
        assertThat(paths(new ActivityDetails("LUNCH", " ", "客户 1", null, null, null, null, null, "a\u0000b")))
                .containsExactlyInAnyOrder("kind", "subject", "customer", "due", "notes");
    }

    @Test
    @DisplayName("each step of a plan is checked where it stands in the list")
    void plans() {
        PlanStepDetails good = new PlanStepDetails("需求调研", LocalDate.of(2026, 12, 1), null, null);
        PlanStepDetails bad = new PlanStepDetails("", null, null, null);
        assertThat(paths(new DevelopmentPlanDetails("o-1", null, List.of(good)))).isEmpty();
        assertThat(paths(new DevelopmentPlanDetails("o 1", null, List.of(good, bad))))
                .containsExactlyInAnyOrder("opportunity", "steps[1].what", "steps[1].plannedDate");
    }
}
