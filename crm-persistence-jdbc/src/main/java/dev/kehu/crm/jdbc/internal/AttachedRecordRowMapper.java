package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordId;
import dev.kehu.crm.opportunity.AttachedRecordKind;
import dev.kehu.crm.opportunity.OpportunityId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_opportunity_record}. */
final class AttachedRecordRowMapper implements RowMapper<AttachedRecord> {
    private final Dialect dialect;

    AttachedRecordRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public AttachedRecord map(ResultSet row) throws SQLException {
        return new AttachedRecord(new AttachedRecordId(row.getString("id")), new TenantId(row.getString("tenant_id")),
                new OpportunityId(row.getString("opportunity_id")), AttachedRecordKind.valueOf(row.getString("kind")),
                row.getString("title"), row.getString("details"), row.getString("strengths"),
                row.getString("weaknesses"), new UserId(row.getString("author")), dialect.getInstant(row, "created_at"));
    }
}
