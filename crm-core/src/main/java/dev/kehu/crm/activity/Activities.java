package dev.kehu.crm.activity;

import dev.kehu.crm.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where activities (calls, e-mails, meetings, visits, tasks) are kept. Every method takes part in the
 * calling thread's transaction of the same store.
 */
public interface Activities {
    Optional<Activity> find(TenantId tenant, ActivityId id);

    /**
     * Inserts an activity of version 0, or updates one whose stored version equals {@code activity.version()}.
     *
     * @return the activity as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Activity save(Activity activity);

    /** The activities matching {@code query}, by due time then id. */
    List<Activity> matching(TenantId tenant, ActivityQuery query);

    // Care reminders

    /**
     * The tenant's open activities due before {@code before}, by due time then id, after {@code after}, the last
     * activity of the previous page (none: from the first), at most {@code limit} (1–1000). The order is the index's
     * on status, due time and id, so each page reads only its own rows, however far the run has got.
     */
    List<Activity> overdue(TenantId tenant, Instant before, Activity after, int limit);
}
