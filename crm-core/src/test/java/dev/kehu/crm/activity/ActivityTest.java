package dev.kehu.crm.activity;

import static dev.kehu.crm.common.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityTest {
    static final TenantId TENANT = new TenantId("t");
    static final UserId WANG = new UserId("wang.wei");
    static final UserId LI = new UserId("li.na");
    static final CustomerId HUAXIA = new CustomerId("c-1");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    static final Instant DUE = NOV_2.atTime(10, 0).atZone(SHANGHAI).toInstant();

    private static Activity call(String id, UserId owner, Instant due, Instant reminder) {
        return Activity.schedule(new ActivityId(id), TENANT, ActivityKind.CALL, "回访 " + id, HUAXIA, null, null, owner,
                due, reminder, null, T0);
    }


    @Test
    @DisplayName("a scheduled activity is open, about what it links to, with its reminder")
    void schedules() {
        Activity a = call("a-1", WANG, DUE, DUE.minus(Duration.ofMinutes(30)));
        assertThat(a.status()).isEqualTo(ActivityStatus.OPEN);
        assertThat(a.customer()).isEqualTo(HUAXIA);
        assertThat(a.reminder()).isEqualTo(DUE.minus(Duration.ofMinutes(30)));
        assertThat(a.outcome()).isNull();
        assertThat(a.completedAt()).isNull();
    }

    @Test
    @DisplayName("an activity about a contact only, or an opportunity only, is allowed; about nothing it is refused")
    void links() {
        assertThat(Activity.schedule(new ActivityId("a"), TENANT, ActivityKind.EMAIL, "报价说明", null,
                new ContactId("k-1"), null, WANG, DUE, null, null, T0).contact()).isEqualTo(new ContactId("k-1"));
        assertThat(Activity.schedule(new ActivityId("a"), TENANT, ActivityKind.MEETING, "方案评审", null, null,
                new OpportunityId("o-1"), WANG, DUE, null, null, T0).opportunity()).isEqualTo(new OpportunityId("o-1"));
        assertThat(refusal(() -> Activity.schedule(new ActivityId("a"), TENANT, ActivityKind.CALL, "x", null, null,
                null, WANG, DUE, null, null, T0)).code()).isEqualTo("activity.link.none");
    }

    @Test
    @DisplayName("a blank subject, a missing due time, or a reminder after the due time is refused")
    void scheduleRefusals() {
        assertThat(refusal(() -> Activity.schedule(new ActivityId("a"), TENANT, ActivityKind.CALL, "\u3000", HUAXIA,
                null, null, WANG, DUE, null, null, T0)).code()).isEqualTo("activity.subject.blank");
        assertThat(refusal(() -> call("a", WANG, null, null)).code()).isEqualTo("activity.due.missing");
        assertThat(refusal(() -> call("a", WANG, DUE, DUE.plusSeconds(1))).code())
                .isEqualTo("activity.reminder.after-due");
        assertThat(call("a", WANG, DUE, DUE).reminder()).isEqualTo(DUE);
    }

    @Test
    @DisplayName("completing records the outcome and time; a blank outcome is refused")
    void completes() {
        Activity done = call("a", WANG, DUE, null).complete("客户同意下周演示", DUE.plusSeconds(600));
        assertThat(done.status()).isEqualTo(ActivityStatus.DONE);
        assertThat(done.outcome()).isEqualTo("客户同意下周演示");
        assertThat(done.completedAt()).isEqualTo(DUE.plusSeconds(600));
        assertThat(refusal(() -> call("a", WANG, DUE, null).complete(" ", DUE)).code())
                .isEqualTo("activity.outcome.blank");
    }

    @Test
    @DisplayName("once done or cancelled, an activity cannot be completed, cancelled or rescheduled")
    void closedRefusals() {
        Activity done = call("a", WANG, DUE, null).complete("ok", DUE);
        Activity cancelled = call("b", WANG, DUE, null).cancel(DUE);
        assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(DUE);
        assertThat(refusal(() -> done.complete("again", DUE)).code()).isEqualTo("activity.done");
        assertThat(refusal(() -> done.cancel(DUE)).code()).isEqualTo("activity.done");
        assertThat(refusal(() -> done.reschedule(DUE.plusSeconds(60), null, DUE)).code()).isEqualTo("activity.done");
        assertThat(refusal(() -> cancelled.complete("x", DUE)).code()).isEqualTo("activity.cancelled");
        assertThat(refusal(() -> cancelled.reschedule(DUE, null, DUE)).code()).isEqualTo("activity.cancelled");
    }

    @Test
    @DisplayName("rescheduling moves the due time and reminder, and keeps the reminder no later than the due time")
    void reschedules() {
        Activity a = call("a", WANG, DUE, DUE.minusSeconds(60));
        Activity later = a.reschedule(DUE.plus(Duration.ofDays(1)), null, T0);
        assertThat(later.due()).isEqualTo(DUE.plus(Duration.ofDays(1)));
        assertThat(later.reminder()).isNull();
        assertThat(refusal(() -> a.reschedule(DUE, DUE.plusSeconds(1), T0)).code())
                .isEqualTo("activity.reminder.after-due");
    }

    @Test
    @DisplayName("an open activity is overdue after its due time; a done one never is")
    void overdue() {
        Activity a = call("a", WANG, DUE, null);
        assertThat(a.isOverdue(DUE)).isFalse();
        assertThat(a.isOverdue(DUE.plusSeconds(1))).isTrue();
        assertThat(a.complete("ok", DUE).isOverdue(DUE.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    @DisplayName("the day an activity is due depends on the zone")
    void dueOnInZone() {
        Instant lateUtc = Instant.parse("2026-11-01T20:00:00Z"); // 04:00 on 2 November in Shanghai
        Activity a = call("a", WANG, lateUtc, null);
        assertThat(a.isDueOn(NOV_2, SHANGHAI)).isTrue();
        assertThat(a.isDueOn(NOV_2, ZoneId.of("UTC"))).isFalse();
        assertThat(a.isDueOn(NOV_2.minusDays(1), ZoneId.of("UTC"))).isTrue();
    }

    @Test
    @DisplayName("a done activity without an outcome, or two statuses' times at once, cannot be built")
    void invariants() {
        Activity a = call("a", WANG, DUE, null);
        assertThatThrownBy(() -> a.toBuilder().status(ActivityStatus.DONE).completedAt(DUE).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.toBuilder().cancelledAt(DUE).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.toBuilder().customer(null).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("activity kinds are labelled in Chinese and English")
    void labels() {
        assertThat(ActivityKind.VISIT.label(Locale.CHINESE)).isEqualTo("拜访");
        assertThat(ActivityKind.CALL.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("电话");
        assertThat(ActivityKind.TASK.label(Locale.ENGLISH)).isEqualTo("task");
        for (ActivityKind k : ActivityKind.values()) assertThat(k.label(Locale.CHINESE)).isNotEqualTo(k.name());
        for (WorkbenchSection s : WorkbenchSection.values()) assertThat(s.label(Locale.CHINESE)).isNotEqualTo(s.name());
    }

    @Test
    @DisplayName("every refusal of an activity has a message in English and in Chinese")
    void messages() {
        for (String code : List.of("activity.subject.blank", "activity.link.none", "activity.due.missing",
                "activity.reminder.after-due", "activity.done", "activity.cancelled", "activity.outcome.blank",
                "activity.visit.not-visit", "activity.visit.duplicate")) {
            assertThat(Messages.get(Locale.ENGLISH, code, "x", "y")).as(code).isNotEqualTo(code);
            assertThat(Messages.get(Locale.CHINESE, code, "x", "y")).as(code).isNotEqualTo(code)
                    .isNotEqualTo(Messages.get(Locale.ENGLISH, code, "x", "y"));
        }
    }

    @Test
    @DisplayName("a visit plan holds visits to its customer, soonest first, each with its purpose")
    void visitPlan() {
        VisitPlan plan = VisitPlan.of(TENANT, HUAXIA, WANG)
                .planVisit(new ActivityId("v-2"), "签约前拜访", null, DUE.plus(Duration.ofDays(7)), null, null, T0)
                .planVisit(new ActivityId("v-1"), "了解年度预算", new ContactId("k-1"), DUE, DUE.minusSeconds(3600), null, T0);
        assertThat(plan.visits()).extracting(Activity::subject).containsExactly("了解年度预算", "签约前拜访");
        assertThat(plan.visits()).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(ActivityKind.VISIT);
            assertThat(v.customer()).isEqualTo(HUAXIA);
            assertThat(v.owner()).isEqualTo(WANG);
        });
        assertThat(refusal(() -> plan.planVisit(new ActivityId("v-1"), "again", null, DUE, null, null, T0)).code())
                .isEqualTo("activity.visit.duplicate");
        assertThat(refusal(() -> plan.planVisit(new ActivityId("v-3"), " ", null, DUE, null, null, T0)).code())
                .isEqualTo("activity.subject.blank");
        assertThatThrownBy(() -> new VisitPlan(TENANT, HUAXIA, WANG, List.of(call("a", WANG, DUE, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a visit record completes the visit and produces follow-up tasks about the same customer")
    void visitRecord() {
        Activity visit = VisitPlan.of(TENANT, HUAXIA, WANG)
                .planVisit(new ActivityId("v-1"), "了解年度预算", new ContactId("k-1"), DUE, null, null, T0).visits().get(0);
        VisitRecord record = VisitRecord.of(visit, "预算已批，需报价", DUE.plusSeconds(3600), List.of(
                new FollowUp("发送报价", null, DUE.plus(Duration.ofDays(2)), DUE.plus(Duration.ofDays(1))),
                new FollowUp("安排技术交流", LI, DUE.plus(Duration.ofDays(5)), null)));
        Activity done = record.completedVisit();
        assertThat(done.status()).isEqualTo(ActivityStatus.DONE);
        assertThat(done.outcome()).isEqualTo("预算已批，需报价");
        AtomicInteger n = new AtomicInteger();
        List<Activity> tasks = record.followUpTasks(() -> "task-" + n.incrementAndGet(), DUE.plusSeconds(3600));
        assertThat(tasks).extracting(Activity::kind).containsOnly(ActivityKind.TASK);
        assertThat(tasks).extracting(a -> a.id().value()).containsExactly("task-1", "task-2");
        assertThat(tasks).extracting(Activity::owner).containsExactly(WANG, LI);
        assertThat(tasks).extracting(Activity::contact).containsOnly(new ContactId("k-1"));
        assertThat(tasks).extracting(Activity::customer).containsOnly(HUAXIA);
        assertThat(tasks).allMatch(Activity::isOpen);
    }

    @Test
    @DisplayName("a visit record is refused for a non-visit, a closed visit, a blank account or a bad follow-up")
    void visitRecordRefusals() {
        Activity visit = VisitPlan.of(TENANT, HUAXIA, WANG)
                .planVisit(new ActivityId("v-1"), "拜访", null, DUE, null, null, T0).visits().get(0);
        assertThat(refusal(() -> VisitRecord.of(call("a", WANG, DUE, null), "x", DUE, List.of())).code())
                .isEqualTo("activity.visit.not-visit");
        assertThat(refusal(() -> VisitRecord.of(visit.cancel(DUE), "x", DUE, List.of())).code())
                .isEqualTo("activity.cancelled");
        assertThat(refusal(() -> VisitRecord.of(visit, " ", DUE, List.of())).code()).isEqualTo("activity.outcome.blank");
        assertThat(refusal(() -> VisitRecord.of(visit, "x", DUE, List.of(new FollowUp("", null, DUE, null)))).code())
                .isEqualTo("activity.subject.blank");
        assertThat(refusal(() -> VisitRecord.of(visit, "x", DUE, List.of(new FollowUp("y", null, null, null)))).code())
                .isEqualTo("activity.due.missing");
        assertThat(refusal(() -> VisitRecord.of(visit, "x", DUE,
                List.of(new FollowUp("y", null, DUE, DUE.plusSeconds(1))))).code())
                .isEqualTo("activity.reminder.after-due");
    }

    @Test
    @DisplayName("the workbench shows one person's overdue and due-today activities, reminders, overdue and due plan steps")
    void workbench() {
        Instant dayBefore = DUE.minus(Duration.ofDays(1));
        Activity overdue = call("a-overdue", WANG, dayBefore, null);
        Activity today = call("a-today", WANG, DUE, DUE.minusSeconds(600));
        Activity remindOnly = call("a-remind", WANG, DUE.plus(Duration.ofDays(3)),
                NOV_2.atTime(8, 0).atZone(SHANGHAI).toInstant());
        Activity tomorrow = call("a-tomorrow", WANG, DUE.plus(Duration.ofDays(1)), null);
        Activity done = call("a-done", WANG, dayBefore, null).complete("ok", dayBefore);
        Activity others = call("a-li", LI, DUE, null);
        DevelopmentPlan plan = DevelopmentPlan.create(new DevelopmentPlanId("p-1"), TENANT, new OpportunityId("o-1"),
                        WANG, T0)
                .addStep("电话", NOV_2.minusDays(1), LocalTime.of(9, 0), null, T0)
                .addStep("演示", NOV_2, null, null, T0);
        DevelopmentPlan lisPlan = DevelopmentPlan.create(new DevelopmentPlanId("p-2"), TENANT,
                new OpportunityId("o-2"), LI, T0).addStep("电话", NOV_2.minusDays(1), null, null, T0);

        Workbench w = Workbench.of(WANG, NOV_2, SHANGHAI,
                List.of(overdue, today, remindOnly, tomorrow, done, others), List.of(plan, lisPlan),
                Map.of("EVALUATION", 3L));
        assertThat(w.overdue()).containsExactly(overdue);
        assertThat(w.dueToday()).containsExactly(today);
        assertThat(w.reminders()).containsExactly(remindOnly, today);
        assertThat(w.overdueSteps()).singleElement().satisfies(s -> {
            assertThat(s.plan().id()).isEqualTo(new DevelopmentPlanId("p-1"));
            assertThat(s.step().number()).isEqualTo(1);
        });
        assertThat(w.stepsDueToday()).singleElement().satisfies(s -> assertThat(s.step().what()).isEqualTo("演示"));
        assertThat(w.opportunitiesByStage()).containsEntry("EVALUATION", 3L);
        assertThat(w.agenda()).extracting(Workbench.Item::section).containsExactly(
                WorkbenchSection.PLAN_STEP_OVERDUE, WorkbenchSection.OVERDUE, WorkbenchSection.PLAN_STEP_DUE,
                WorkbenchSection.REMINDER,
                WorkbenchSection.REMINDER, WorkbenchSection.DUE_TODAY);
        assertThat(w.agenda()).extracting(Workbench.Item::time).isSorted();
        assertThat(Workbench.of(LI, NOV_2.minusDays(5), SHANGHAI, List.of(others), List.of(), Map.of()).isEmpty())
                .isTrue();
    }
}
