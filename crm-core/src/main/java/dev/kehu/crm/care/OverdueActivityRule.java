package dev.kehu.crm.care;

import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.common.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Open activities due on a day before today (in the clock's zone): their owner is reminded once per activity and
 * due day (a rescheduled activity that falls overdue again reminds again). Uses the index on status and due time.
 */
final class OverdueActivityRule implements CareRule<Activity> {
    private final Activities activities;
    private final ZoneId zone;

    OverdueActivityRule(Activities activities, ZoneId zone) {
        this.activities = activities;
        this.zone = zone;
    }

    @Override
    public String name() {
        return CareRules.OVERDUE_ACTIVITIES;
    }

    @Override
    public List<Activity> page(TenantId tenant, LocalDate today, Activity after, int limit) {
        return activities.overdue(tenant, today.atStartOfDay(zone).toInstant(), after, limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<Activity> rows, LocalDate today) {
        return rows.stream().map(a -> {
            LocalDate due = LocalDate.ofInstant(a.due(), zone);
            return new ReminderCandidate(Activity.RECORD_TYPE, a.id().value(), a.id().value(), due, a.owner(),
                    a.subject(), Map.of("kind", a.kind().name(), "due", a.due().toString()));
        }).toList();
    }
}
