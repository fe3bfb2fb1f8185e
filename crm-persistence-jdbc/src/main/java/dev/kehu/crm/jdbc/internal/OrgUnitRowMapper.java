package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.customer.OrgUnit;
import dev.kehu.crm.customer.OrgUnitId;
import dev.kehu.crm.customer.OrgUnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_customer_org_unit}. */
final class OrgUnitRowMapper implements RowMapper<OrgUnit> {
    @Override
    public OrgUnit map(ResultSet row) throws SQLException {
        return new OrgUnit(new OrgUnitId(row.getString("unit_id")), OrgUnitKind.valueOf(row.getString("kind")),
                row.getString("name"), read(row, "parent_unit_id", OrgUnitId::new));
    }
}
