package dev.kehu.crm.activity;

import dev.kehu.crm.internal.Text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The record of a visit (拜访记录, A2): what happened, and the follow-up tasks decided there. The use case
 * saves {@link #completedVisit()} and the {@link #followUpTasks new TASK activities}.
 *
 * @param visit        the visit as it was planned, still open
 * @param whatHappened what happened during the visit; it becomes the visit's outcome
 */
public record VisitRecord(Activity visit, String whatHappened, Instant visitedAt, List<FollowUp> followUps) {

    public VisitRecord {
        requireNonNull(visit, "visit");
        if (visit.kind() != ActivityKind.VISIT) throw new IllegalArgumentException(visit.id() + " is not a visit");
        if (Text.isBlank(whatHappened)) throw new IllegalArgumentException("a visit record says what happened");
        requireNonNull(visitedAt, "visitedAt");
        followUps = List.copyOf(requireNonNull(followUps, "followUps"));
    }

    /**
     * Records {@code visit}. Refused when it is not a visit ({@code activity.visit.not-visit}), is no longer
     * open ({@code activity.done}, {@code activity.cancelled}), when nothing is said of what happened ({@code
     * activity.outcome.blank}), or a follow-up has no description ({@code activity.subject.blank}), no due
     * time ({@code activity.due.missing}) or a reminder after its due time ({@code activity.reminder.after-due}).
     */
    public static VisitRecord of(Activity visit, String whatHappened, Instant visitedAt, List<FollowUp> followUps) {
        if (visit.kind() != ActivityKind.VISIT) {
            Decision.refuse("activity.visit.not-visit", visit.id().value()).orThrow(Locale.ROOT);
        }
        visit.complete(whatHappened, visitedAt); // refuses a visit no longer open, or a blank account
        for (FollowUp f : followUps) {
            if (Text.isBlank(f.what())) Decision.refuse("activity.subject.blank").orThrow(Locale.ROOT);
            if (f.due() == null) Decision.refuse("activity.due.missing").orThrow(Locale.ROOT);
            if (f.reminder() != null && f.reminder().isAfter(f.due())) {
                Decision.refuse("activity.reminder.after-due", f.reminder(), f.due()).orThrow(Locale.ROOT);
            }
        }
        return new VisitRecord(visit, whatHappened, visitedAt, followUps);
    }

    /** The visit, done, with what happened as its outcome. */
    public Activity completedVisit() {
        return visit.complete(whatHappened, visitedAt);
    }

    /**
     * One new open TASK activity per follow-up, in order, about the same customer, contact and opportunity
     * as the visit; owned by the follow-up's owner or else the visit's.
     */
    public List<Activity> followUpTasks(IdGenerator ids, Instant at) {
        List<Activity> tasks = new ArrayList<>(followUps.size());
        for (FollowUp f : followUps) {
            tasks.add(Activity.schedule(new ActivityId(ids.next()), visit.tenant(), ActivityKind.TASK, f.what(),
                    visit.customer(), visit.contact(), visit.opportunity(),
                    f.owner() == null ? visit.owner() : f.owner(), f.due(), f.reminder(), null, at));
        }
        return List.copyOf(tasks);
    }
}
