package dev.kehu.crm.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Makes a value of the current row of a result set, reading its columns by name. */
@FunctionalInterface
interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
}
