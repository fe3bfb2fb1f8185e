package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.KehuException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/** Rows written once under a key that must be new: history lines, attached records. */
final class InsertOnce {
    private InsertOnce() {
    }

    /**
     * Inserts a row whose key must be new. The key is looked up first, so that a refusal writes nothing; a
     * concurrent transaction that inserts the same key after the look-up is stopped by the primary key.
     */
    static void insert(Connection connection, Dialect dialect, NamedSql exists, NamedSql.Binder key, NamedSql insert,
                       NamedSql.Binder row, Supplier<KehuException> taken) throws SQLException {
        try (NamedSql.Bound statement = exists.prepare(connection, dialect)) {
            key.bind(statement);
            try (ResultSet rows = statement.query()) {
                if (rows.next()) throw taken.get();
            }
        }
        try (NamedSql.Bound statement = insert.prepare(connection, dialect)) {
            row.bind(statement);
            statement.update();
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e) || SqlErrors.isConcurrencyConflict(e)) throw taken.get();
            throw e;
        }
    }
}
