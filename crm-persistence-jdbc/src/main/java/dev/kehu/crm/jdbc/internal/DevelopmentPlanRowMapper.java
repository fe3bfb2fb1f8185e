package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_development_plan}, as a builder still missing the steps of its child table. */
final class DevelopmentPlanRowMapper implements RowMapper<DevelopmentPlan.Builder> {
    private final Dialect dialect;

    DevelopmentPlanRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public DevelopmentPlan.Builder map(ResultSet row) throws SQLException {
        return DevelopmentPlan.builder()
                .id(new DevelopmentPlanId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .opportunity(new OpportunityId(row.getString("opportunity_id")))
                .owner(new UserId(row.getString("owner")))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"));
    }
}
