package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A row of {@code kehu_audit_entry}, given the changes read from {@code kehu_audit_change}. */
final class AuditEntryRowMapper {
    private final Dialect dialect;

    AuditEntryRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    AuditEntry map(ResultSet row, List<FieldChange> changes) throws SQLException {
        return new AuditEntry(row.getString("id"), new TenantId(row.getString("tenant_id")),
                new UserId(row.getString("actor")), dialect.getInstant(row, "recorded_at"),
                row.getString("record_type"), row.getString("record_id"), row.getString("action"), changes);
    }
}
