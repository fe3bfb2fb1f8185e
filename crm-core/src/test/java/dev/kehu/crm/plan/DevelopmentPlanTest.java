package dev.kehu.crm.plan;

import static dev.kehu.crm.common.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevelopmentPlanTest {
    static final UserId WANG = new UserId("wang.wei");
    static final Instant T0 = Instant.parse("2026-11-01T02:00:00.123456789Z");
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    private static DevelopmentPlan empty() {
        return DevelopmentPlan.create(new DevelopmentPlanId("p-1"), new TenantId("t"), new OpportunityId("o-1"),
                WANG, T0);
    }

    private static DevelopmentPlan threeSteps() {
        return empty().addStep("电话了解需求", NOV_1, LocalTime.of(10, 0), null, T0)
                .addStep("上门演示", NOV_1.plusDays(7), null, "带演示环境", T0)
                .addStep("提交方案", NOV_1.plusDays(14), null, null, T0);
    }


    @Test
    @DisplayName("a new plan has no steps, and its times are kept to the microsecond")
    void creates() {
        DevelopmentPlan plan = empty();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.createdAt()).isEqualTo(Instant.parse("2026-11-01T02:00:00.123456Z"));
        assertThat(plan.isComplete()).isFalse();
    }

    @Test
    @DisplayName("steps added are numbered 1..n in the order they were added")
    void addsInOrder() {
        DevelopmentPlan plan = threeSteps();
        assertThat(plan.steps()).extracting(PlanStep::number).containsExactly(1, 2, 3);
        assertThat(plan.steps()).extracting(PlanStep::what).containsExactly("电话了解需求", "上门演示", "提交方案");
        assertThat(plan.step(2).notes()).isEqualTo("带演示环境");
    }

    @Test
    @DisplayName("inserting a step renumbers those after it; a position outside 1..n+1 is refused")
    void inserts() {
        DevelopmentPlan plan = threeSteps().insertStep(2, "发送资料", NOV_1.plusDays(3), null, null, T0.plusSeconds(1));
        assertThat(plan.steps()).extracting(PlanStep::what).containsExactly("电话了解需求", "发送资料", "上门演示", "提交方案");
        assertThat(plan.steps()).extracting(PlanStep::number).containsExactly(1, 2, 3, 4);
        assertThat(plan.updatedAt()).isAfter(plan.createdAt());
        assertThat(refusal(() -> threeSteps().insertStep(5, "x", NOV_1, null, null, T0)).code())
                .isEqualTo("plan.step.position");
        assertThat(refusal(() -> threeSteps().insertStep(0, "x", NOV_1, null, null, T0)).code())
                .isEqualTo("plan.step.position");
        assertThat(threeSteps().insertStep(4, "签约", NOV_1, null, null, T0).step(4).what()).isEqualTo("签约");
    }

    @Test
    @DisplayName("a step without a description or a planned date is refused")
    void stepNeedsWhatAndDate() {
        assertThat(refusal(() -> empty().addStep("\u3000 ", NOV_1, null, null, T0)).code())
                .isEqualTo("plan.step.what.blank");
        assertThat(refusal(() -> empty().addStep("拜访", null, null, null, T0)).code())
                .isEqualTo("plan.step.date.missing");
    }

    @Test
    @DisplayName("moving a step keeps the others in order and renumbers all")
    void moves() {
        DevelopmentPlan plan = threeSteps().moveStep(3, 1, T0);
        assertThat(plan.steps()).extracting(PlanStep::what).containsExactly("提交方案", "电话了解需求", "上门演示");
        assertThat(plan.steps()).extracting(PlanStep::number).containsExactly(1, 2, 3);
        assertThat(refusal(() -> threeSteps().moveStep(4, 1, T0)).code()).isEqualTo("plan.step.unknown");
        assertThat(refusal(() -> threeSteps().moveStep(1, 4, T0)).code()).isEqualTo("plan.step.position");
    }

    @Test
    @DisplayName("a step not done can be removed; a done step stays as a record")
    void removes() {
        DevelopmentPlan plan = threeSteps().removeStep(1, T0);
        assertThat(plan.steps()).extracting(PlanStep::what).containsExactly("上门演示", "提交方案");
        assertThat(plan.steps()).extracting(PlanStep::number).containsExactly(1, 2);
        DevelopmentPlan done = threeSteps().recordResult(1, "客户有意向", NOV_1, NOV_1, T0);
        assertThat(refusal(() -> done.removeStep(1, T0)).code()).isEqualTo("plan.step.done");
    }

    @Test
    @DisplayName("recording a result marks the step done, even when done after the planned date")
    void recordsResult() {
        DevelopmentPlan plan = threeSteps().recordResult(2, "演示顺利，客户要求报价", NOV_1.plusDays(9), NOV_1.plusDays(10), T0);
        PlanStep step = plan.step(2);
        assertThat(step.isDone()).isTrue();
        assertThat(step.result()).isEqualTo("演示顺利，客户要求报价");
        assertThat(step.doneOn()).isEqualTo(NOV_1.plusDays(9));
        assertThat(plan.step(1).isDone()).isFalse();
        DevelopmentPlan early = threeSteps().recordResult(3, "提前提交", NOV_1, NOV_1, T0);
        assertThat(early.step(3).doneOn()).isBefore(early.step(3).plannedDate());
    }

    @Test
    @DisplayName("a result is refused when blank, without a date, done after today, or for an unknown step")
    void resultRefusals() {
        DevelopmentPlan plan = threeSteps();
        assertThat(refusal(() -> plan.recordResult(1, " \u00a0", NOV_1, NOV_1, T0)).code()).isEqualTo("plan.result.blank");
        assertThat(refusal(() -> plan.recordResult(1, "ok", null, NOV_1, T0)).code()).isEqualTo("plan.result.date.missing");
        assertThat(refusal(() -> plan.recordResult(1, "ok", NOV_1.plusDays(1), NOV_1, T0)).code())
                .isEqualTo("plan.result.future");
        assertThat(refusal(() -> plan.recordResult(4, "ok", NOV_1, NOV_1, T0)).code()).isEqualTo("plan.step.unknown");
        assertThat(refusal(() -> plan.recordResult(0, "ok", NOV_1, NOV_1, T0)).code()).isEqualTo("plan.step.unknown");
    }

    @Test
    @DisplayName("a result is recorded once; changing it takes an explicit correction")
    void correction() {
        DevelopmentPlan done = threeSteps().recordResult(1, "客户有意向", NOV_1, NOV_1, T0);
        assertThat(refusal(() -> done.recordResult(1, "改", NOV_1, NOV_1, T0)).code()).isEqualTo("plan.result.recorded");
        DevelopmentPlan corrected = done.correctResult(1, "客户意向强烈", NOV_1, NOV_1, T0);
        assertThat(corrected.step(1).result()).isEqualTo("客户意向强烈");
        assertThat(refusal(() -> threeSteps().correctResult(2, "x", NOV_1, NOV_1, T0)).code())
                .isEqualTo("plan.result.none");
        assertThat(refusal(() -> done.correctResult(1, "", NOV_1, NOV_1, T0)).code()).isEqualTo("plan.result.blank");
    }

    @Test
    @DisplayName("overdue steps are those planned before today without a result, a step planned today is not")
    void overdue() {
        DevelopmentPlan plan = threeSteps().recordResult(1, "ok", NOV_1, NOV_1.plusDays(20), T0);
        assertThat(plan.overdueSteps(NOV_1.plusDays(7))).isEmpty();
        assertThat(plan.overdueSteps(NOV_1.plusDays(8))).extracting(PlanStep::number).containsExactly(2);
        assertThat(plan.overdueSteps(NOV_1.plusDays(20))).extracting(PlanStep::number).containsExactly(2, 3);
        assertThat(threeSteps().overdueSteps(NOV_1.plusDays(2))).extracting(PlanStep::number).containsExactly(1);
    }

    @Test
    @DisplayName("a plan is complete when every step has its result")
    void complete() {
        DevelopmentPlan plan = threeSteps();
        for (int n = 1; n <= 3; n++) {
            assertThat(plan.isComplete()).isFalse();
            plan = plan.recordResult(n, "ok", NOV_1, NOV_1, T0);
        }
        assertThat(plan.isComplete()).isTrue();
    }

    @Test
    @DisplayName("a plan whose steps are not numbered 1..n, or a step with a result but no date, cannot be built")
    void invariants() {
        PlanStep second = PlanStep.planned(2, "x", NOV_1, null, null);
        assertThatThrownBy(() -> empty().toBuilder().steps(List.of(second)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanStep(1, "x", NOV_1, null, null, "ok", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanStep(1, "x", NOV_1, null, null, " ", NOV_1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("every refusal of the plan has a message in English and in Chinese")
    void messages() {
        for (String code : List.of("plan.step.unknown", "plan.step.position", "plan.step.what.blank",
                "plan.step.date.missing", "plan.step.done", "plan.result.recorded", "plan.result.none",
                "plan.result.blank", "plan.result.date.missing", "plan.result.future")) {
            assertThat(Messages.get(Locale.ENGLISH, code, 1, 2)).as(code).isNotEqualTo(code);
            assertThat(Messages.get(Locale.CHINESE, code, 1, 2)).as(code).isNotEqualTo(code)
                    .isNotEqualTo(Messages.get(Locale.ENGLISH, code, 1, 2));
        }
        assertThat(refusal(() -> threeSteps().step(7)).getMessage()).contains("7");
    }
}
