package dev.kehu.crm.activity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.PlanStep;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one person has to do on one day (工作台, A3), computed by {@link #of} from what the use case loads:
 * their open activities due before the day (overdue) or on it, the reminders falling on it, the overdue
 * and due steps of their development plans, and the count of their opportunities per stage.
 *
 * @param overdue              open activities due before the day, soonest first
 * @param dueToday             open activities due on the day, soonest first
 * @param reminders            open activities whose reminder falls on the day, by reminder time
 * @param overdueSteps         steps planned before the day without a result, by planned time
 * @param stepsDueToday        steps planned for the day without a result, by planned time
 * @param opportunitiesByStage the person's opportunities per stage code, as the caller counted them
 */
public record Workbench(UserId person, LocalDate day, ZoneId zone, List<Activity> overdue, List<Activity> dueToday,
                        List<Activity> reminders, List<StepDue> overdueSteps, List<StepDue> stepsDueToday,
                        Map<String, Long> opportunitiesByStage) {

    public Workbench {
        requireNonNull(person, "person");
        requireNonNull(day, "day");
        requireNonNull(zone, "zone");
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        reminders = List.copyOf(reminders);
        overdueSteps = List.copyOf(overdueSteps);
        stepsDueToday = List.copyOf(stepsDueToday);
        opportunitiesByStage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(opportunitiesByStage));
    }

    /** An overdue step of a development plan, with the moment it was planned for in the workbench's zone. */
    public record StepDue(DevelopmentPlan plan, PlanStep step, Instant time) {
    }

    /** One line of the day's agenda: an activity or a plan step, at a time. */
    public record Item(Instant time, WorkbenchSection section, Activity activity, StepDue step) {
    }

    /**
     * The workbench of {@code person} for {@code day} in {@code zone}. Activities and plans of other people,
     * and activities done or cancelled, are left out, whatever the lists hold.
     *
     * @param plans the development plans to look for overdue steps; only those {@code person} owns count
     */
    public static Workbench of(UserId person, LocalDate day, ZoneId zone, Collection<Activity> activities,
                               Collection<DevelopmentPlan> plans, Map<String, Long> opportunitiesByStage) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Comparator<Activity> byDue = Comparator.comparing(Activity::due).thenComparing(a -> a.id().value());
        List<Activity> mine = activities.stream()
                .filter(a -> a.owner().equals(person) && a.isOpen())
                .distinct().toList();
        List<Activity> overdue = mine.stream().filter(a -> a.due().isBefore(start)).sorted(byDue).toList();
        List<Activity> dueToday = mine.stream().filter(a -> !a.due().isBefore(start) && a.due().isBefore(end))
                .sorted(byDue).toList();
        List<Activity> reminders = mine.stream().filter(a -> a.remindsOn(day, zone))
                .sorted(Comparator.comparing(Activity::reminder).thenComparing(a -> a.id().value())).toList();
        List<DevelopmentPlan> myPlans = plans.stream().filter(p -> p.owner().equals(person)).distinct().toList();
        List<StepDue> overdueSteps = steps(myPlans, zone, p -> p.overdueSteps(day));
        List<StepDue> stepsDueToday = steps(myPlans, zone, p -> p.steps().stream()
                .filter(s -> !s.isDone() && s.plannedDate().equals(day)).toList());
        return new Workbench(person, day, zone, overdue, dueToday, reminders, overdueSteps, stepsDueToday,
                opportunitiesByStage == null ? Map.of() : opportunitiesByStage);
    }

    /** The chosen steps of the plans, each at its planned moment in {@code zone} (midnight without a time). */
    private static List<StepDue> steps(List<DevelopmentPlan> plans, ZoneId zone,
                                       java.util.function.Function<DevelopmentPlan, List<PlanStep>> choose) {
        List<StepDue> steps = new ArrayList<>();
        plans.forEach(p -> choose.apply(p).forEach(s -> steps.add(new StepDue(p, s, s.plannedDate()
                .atTime(s.plannedTime() == null ? LocalTime.MIDNIGHT : s.plannedTime()).atZone(zone).toInstant()))));
        steps.sort(Comparator.comparing(StepDue::time).thenComparing(s -> s.plan().id().value())
                .thenComparing(s -> s.step().number()));
        return List.copyOf(steps);
    }

    /** Everything on the workbench in one list, by time; at the same time, in the order of the sections. */
    public List<Item> agenda() {
        List<Item> items = new ArrayList<>();
        overdue.forEach(a -> items.add(new Item(a.due(), WorkbenchSection.OVERDUE, a, null)));
        dueToday.forEach(a -> items.add(new Item(a.due(), WorkbenchSection.DUE_TODAY, a, null)));
        reminders.forEach(a -> items.add(new Item(a.reminder(), WorkbenchSection.REMINDER, a, null)));
        overdueSteps.forEach(s -> items.add(new Item(s.time(), WorkbenchSection.PLAN_STEP_OVERDUE, null, s)));
        stepsDueToday.forEach(s -> items.add(new Item(s.time(), WorkbenchSection.PLAN_STEP_DUE, null, s)));
        items.sort(Comparator.comparing(Item::time).thenComparing(Item::section));
        return List.copyOf(items);
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return overdue.isEmpty() && dueToday.isEmpty() && reminders.isEmpty() && overdueSteps.isEmpty()
                && stepsDueToday.isEmpty();
    }
}
