package dev.kehu.crm.activity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerMergeParticipant;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The activity use cases (A1–A3): schedule calls, e-mails, meetings, visits and tasks; complete, cancel or
 * reschedule them; record a key-account visit with its follow-ups; and the workbench of the day. Obtain it
 * from {@code Kehu.activities()}.
 */
public final class ActivityService implements CustomerMergeParticipant {
    private final ServiceContext context;
    private final Activities activities;
    private final Customers customers;
    private final Contacts contacts;
    private final Opportunities opportunities;
    private final DevelopmentPlans plans;
    private final RecordKeeper<ActivityId, Activity> keeper;

    public ActivityService(ServiceContext context, Activities activities, Customers customers, Contacts contacts,
                           Opportunities opportunities, DevelopmentPlans plans) {
        this.context = context;
        this.activities = activities;
        this.customers = customers;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.plans = plans;
        this.keeper = new RecordKeeper<>(context, Activity.RECORD_TYPE, activities::find, activities::save,
                Activity::owner, Activity::version);
    }

    /** Schedules an activity, owned by {@code details.owner()} or else the actor. */
    public Activity schedule(Actor actor, ActivityDetails details) {
        context.authorize(actor, "activity.create", Activity.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> {
            Problems problems = context.validator().check(details, actor.locale());
            if (details == null) problems.throwIfAny();
            checkLink(actor, problems, "customer", details.customer(),
                    id -> customers.find(actor.tenant(), new CustomerId(id)).isPresent(), "customer.not-found");
            checkLink(actor, problems, "contact", details.contact(),
                    id -> contacts.find(actor.tenant(), new ContactId(id)).isPresent(), "contact.not-found");
            checkLink(actor, problems, "opportunity", details.opportunity(),
                    id -> opportunities.find(actor.tenant(), new OpportunityId(id)).isPresent(), "opportunity.not-found");
            checkSameCustomer(actor, problems, details);
            problems.throwIfAny();
            ActivityId id = new ActivityId(context.nextId());
            return keeper.create(actor, id, "activity.create", Activity.schedule(id, actor.tenant(),
                    ActivityKind.valueOf(details.kind()), details.subject().strip(),
                    details.customer() == null ? null : new CustomerId(details.customer()),
                    details.contact() == null ? null : new ContactId(details.contact()),
                    details.opportunity() == null ? null : new OpportunityId(details.opportunity()),
                    details.owner() == null ? actor.user() : new UserId(details.owner()), details.due(),
                    details.reminder(), details.notes(), context.now()));
        });
    }

    public Activity complete(Actor actor, ActivityId id, long expectedVersion, String outcome) {
        context.checkInput(actor, "outcome", Input.NOTE, outcome);
        return change(actor, id, expectedVersion, "activity.complete", a -> a.complete(outcome, context.now()));
    }

    public Activity cancel(Actor actor, ActivityId id, long expectedVersion) {
        return change(actor, id, expectedVersion, "activity.cancel", a -> a.cancel(context.now()));
    }

    public Activity reschedule(Actor actor, ActivityId id, long expectedVersion, Instant due, Instant reminder) {
        context.validator().check(actor.locale(), "due", Input.INSTANT, due)
                .check("reminder", Input.INSTANT, reminder).throwIfAny();
        return change(actor, id, expectedVersion, "activity.reschedule", a -> a.reschedule(due, reminder, context.now()));
    }

    /**
     * The visits planned for a key account (A2): the activities of kind {@code VISIT} for the customer that
     * {@code owner} carries out. A visit is planned with {@link #schedule} and recorded with {@link #recordVisit}.
     */
    public VisitPlan visitPlan(Actor actor, CustomerId customer, UserId owner) {
        context.authorize(actor, "activity.read", Activity.RECORD_TYPE, owner);
        List<Activity> visits = activities.matching(actor.tenant(), ActivityQuery.all().withCustomer(customer)).stream()
                .filter(a -> a.kind() == ActivityKind.VISIT && a.owner().equals(owner)).toList();
        return new VisitPlan(actor.tenant(), customer, owner, visits);
    }

    /**
     * Records a visit (A2): the visit is done with what happened as its outcome, and each follow-up becomes an
     * open task, all in one transaction.
     *
     * @return the completed visit followed by the follow-up tasks
     */
    public List<Activity> recordVisit(Actor actor, long expectedVersion, VisitRecordDetails details) {
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        problems.throwIfAny();
        ActivityId id = new ActivityId(details.visit());
        return context.inTransaction(actor, () -> {
            Activity visit = keeper.load(actor, id, expectedVersion, "activity.complete");
            Instant now = context.now();
            if (details.visitedAt().isAfter(now)) {
                context.rejectInput(actor.locale(), "visitedAt", "activity.visit.future", details.visitedAt(),
                        details.visitedAt());
            }
            VisitRecord record = VisitRecord.of(visit, details.whatHappened().strip(), details.visitedAt(),
                    details.followUps().stream().map(f -> new FollowUp(f.what().strip(),
                            f.owner() == null ? null : new UserId(f.owner()), f.due(), f.reminder())).toList());
            Activity done = activities.save(record.completedVisit().toBuilder().updatedAt(now).build());
            context.audit(actor, Activity.RECORD_TYPE, id.value(), "activity.complete", visit, done);
            List<Activity> saved = new java.util.ArrayList<>(List.of(done));
            for (Activity task : record.followUpTasks(context.ids(), now)) {
                saved.add(keeper.create(actor, task.id(), "activity.create", task));
            }
            return List.copyOf(saved);
        });
    }

    public Optional<Activity> find(Actor actor, ActivityId id) {
        return keeper.find(actor, id);
    }

    public Activity get(Actor actor, ActivityId id) {
        return keeper.get(actor, id);
    }

    /** The activities matching {@code query}, by due time: an opportunity's schedule and tasks (O5), say. */
    public List<Activity> list(Actor actor, ActivityQuery query) {
        requireNonNull(query, "query");
        context.authorize(actor, "activity.read", Activity.RECORD_TYPE, query.owner());
        return activities.matching(actor.tenant(), query);
    }

    /**
     * What {@code person} has to do on {@code day} in {@code zone} (工作台, A3): overdue and due activities,
     * reminders, overdue and due plan steps, and their open opportunities counted per stage code (the deals
     * themselves: {@code Kehu.opportunities().list(actor, OpportunityQuery.open().withOwner(person))}).
     */
    public Workbench workbench(Actor actor, UserId person, LocalDate day, ZoneId zone) {
        requireNonNull(person, "person");
        context.authorize(actor, "activity.read", Activity.RECORD_TYPE, person);
        return context.inTransaction(actor, () -> {
            Map<String, Long> byStage = new LinkedHashMap<>();
            for (Opportunity o : opportunities.matching(actor.tenant(), OpportunityQuery.open().withOwner(person))) {
                byStage.merge(o.stage(), 1L, Long::sum);
            }
            // The steps of a plan whose deal is won or lost are no longer anyone's work.
            List<DevelopmentPlan> live = plans.ownedBy(actor.tenant(), person).stream()
                    .filter(p -> opportunities.find(actor.tenant(), p.opportunity())
                            .map(o -> !o.status().isClosed()).orElse(false))
                    .toList();
            return Workbench.of(person, day, zone, activities.matching(actor.tenant(), ActivityQuery.openOf(person)),
                    live, byStage);
        });
    }

    /** A merged customer's activities belong to the survivor. */
    @Override
    public void moveRecords(Actor actor, Customer duplicate, Customer survivor) {
        for (Activity a : activities.matching(actor.tenant(), ActivityQuery.all().withCustomer(duplicate.id()))) {
            Activity moved = activities.save(a.toBuilder().customer(survivor.id()).updatedAt(context.now()).build());
            context.audit(actor, Activity.RECORD_TYPE, a.id().value(), "activity.update", a, moved);
        }
    }

    private Activity change(Actor actor, ActivityId id, long expectedVersion, String action,
                            UnaryOperator<Activity> change) {
        return keeper.change(actor, id, expectedVersion, action, change);
    }

    /** A contact or opportunity given with a customer must be that customer's. */
    private void checkSameCustomer(Actor actor, Problems problems, ActivityDetails details) {
        if (details.customer() == null || problems.has("customer")) return;
        CustomerId customer = new CustomerId(details.customer());
        if (details.contact() != null && !problems.has("contact") && contacts.find(actor.tenant(),
                new ContactId(details.contact())).filter(c -> !c.customer().equals(customer)).isPresent()) {
            problems.add("contact", "activity.link.other-customer", details.contact(), details.contact());
        }
        if (details.opportunity() != null && !problems.has("opportunity") && opportunities.find(actor.tenant(),
                new OpportunityId(details.opportunity())).filter(o -> !o.customer().equals(customer)).isPresent()) {
            problems.add("opportunity", "activity.link.other-customer", details.opportunity(), details.opportunity());
        }
    }

    private static void checkLink(Actor actor, Problems problems, String path, String id,
                                  java.util.function.Predicate<String> exists, String missing) {
        if (id != null && !problems.has(path) && !exists.test(id)) problems.add(path, missing, id, id);
    }
}
