package dev.kehu.crm.activity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.common.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A plan of visits to a key account (客户拜访计划, A2): the visits planned for one customer, each an
 * {@link Activity} of kind {@link ActivityKind#VISIT} whose subject is its purpose. Immutable: {@link
 * #planVisit} returns a new plan; the use case saves its {@link #visits()} as activities.
 */
public record VisitPlan(TenantId tenant, CustomerId customer, UserId owner, List<Activity> visits) {

    public VisitPlan {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        requireNonNull(owner, "owner");
        visits = requireNonNull(visits, "visits").stream().sorted(Comparator.comparing(Activity::due)
                .thenComparing(a -> a.id().value())).toList();
        for (Activity visit : visits) {
            if (visit.kind() != ActivityKind.VISIT) throw new IllegalArgumentException(visit.id() + " is not a visit");
            if (!customer.equals(visit.customer())) {
                throw new IllegalArgumentException("visit " + visit.id() + " is not to customer " + customer);
            }
            if (!tenant.equals(visit.tenant())) {
                throw new IllegalArgumentException("visit " + visit.id() + " belongs to another tenant");
            }
        }
        if (visits.stream().map(Activity::id).distinct().count() != visits.size()) {
            throw new IllegalArgumentException("a visit appears twice in the plan");
        }
    }

    public static VisitPlan of(TenantId tenant, CustomerId customer, UserId owner) {
        return new VisitPlan(tenant, customer, owner, List.of());
    }

    /**
     * Adds a visit for {@code purpose} at {@code due} (optionally to meet {@code contact}), carried out by
     * the plan's owner. Refused like {@link Activity#schedule} (a blank purpose is {@code
     * activity.subject.blank}).
     */
    public VisitPlan planVisit(ActivityId id, String purpose, ContactId contact, Instant due, Instant reminder,
                               String notes, Instant at) {
        if (visits.stream().anyMatch(v -> v.id().equals(id))) {
            Decision.refuse("activity.visit.duplicate", id.value()).orThrow(Locale.ROOT);
        }
        Activity visit = Activity.schedule(id, tenant, ActivityKind.VISIT, purpose, customer, contact, null, owner,
                due, reminder, notes, at);
        List<Activity> changed = new ArrayList<>(visits);
        changed.add(visit);
        return new VisitPlan(tenant, customer, owner, changed);
    }

    /** The visits still open, soonest first. */
    public List<Activity> pending() {
        return visits.stream().filter(Activity::isOpen).toList();
    }
}
