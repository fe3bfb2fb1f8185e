package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.audit.FieldChange;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_audit_change}. */
final class FieldChangeRowMapper implements RowMapper<FieldChange> {
    @Override
    public FieldChange map(ResultSet row) throws SQLException {
        return new FieldChange(row.getString("field"), row.getString("from_value"), row.getString("to_value"));
    }
}
