package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityId;
import dev.kehu.crm.activity.ActivityQuery;
import dev.kehu.crm.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class MemoryActivities implements Activities {
    private final VersionedTable<Activity> activities;

    public MemoryActivities(MemoryTransactions transactions) {
        activities = new VersionedTable<>(transactions, Activity.RECORD_TYPE, tables -> tables.activities,
                Activity::version);
    }

    @Override
    public Optional<Activity> find(TenantId tenant, ActivityId id) {
        return activities.find(tenant, id.value());
    }

    @Override
    public Activity save(Activity activity) {
        requireNonNull(activity, "activity");
        return activities.save(activity.tenant(), activity.id().value(), activity.version(),
                version -> activity.toBuilder().version(version).build());
    }

    @Override
    public List<Activity> matching(TenantId tenant, ActivityQuery query) {
        requireNonNull(query, "query");
        return activities.list(tenant, query::matches, Ordering.ACTIVITIES);
    }

    @Override
    public List<Activity> overdue(TenantId tenant, Instant before, Activity after, int limit) {
        requireNonNull(before, "before");
        return activities.page(tenant, a -> a.isOpen() && a.due().isBefore(before), Ordering.ACTIVITIES, after, limit);
    }
}
