package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityId;
import dev.kehu.crm.activity.ActivityKind;
import dev.kehu.crm.activity.ActivityStatus;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_activity}. */
final class ActivityRowMapper implements RowMapper<Activity> {
    private final Dialect dialect;

    ActivityRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Activity map(ResultSet row) throws SQLException {
        return Activity.builder()
                .id(new ActivityId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .kind(ActivityKind.valueOf(row.getString("kind")))
                .subject(row.getString("subject"))
                .customer(read(row, "customer_id", CustomerId::new))
                .contact(read(row, "contact_id", ContactId::new))
                .opportunity(read(row, "opportunity_id", OpportunityId::new))
                .owner(new UserId(row.getString("owner")))
                .due(dialect.getInstant(row, "due_at"))
                .reminder(dialect.getInstant(row, "reminder_at"))
                .notes(row.getString("notes"))
                .status(ActivityStatus.valueOf(row.getString("status")))
                .outcome(row.getString("outcome"))
                .completedAt(dialect.getInstant(row, "completed_at"))
                .cancelledAt(dialect.getInstant(row, "cancelled_at"))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"))
                .build();
    }
}
