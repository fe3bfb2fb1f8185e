package dev.kehu.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The numbers people quote for contracts and orders: unique per tenant (a unique index on the tenant and the
 * number), up to {@value #MAX_LENGTH} characters. A number is checked before anything is written, so a refusal
 * leaves no trace; a concurrent writer that slips past the check is stopped by the index.
 */
final class RecordNumbers {
    static final int MAX_LENGTH = 200;

    private final NamedSql takenByAnother;

    /** @param table a table with the columns {@code tenant_id}, {@code id} and {@code number} */
    RecordNumbers(String table) {
        takenByAnother = NamedSql.of("SELECT 1 AS found FROM " + table
                + " WHERE tenant_id = :tenant_id AND number = :number AND id <> :id");
    }

    /** Refuses a number longer than the column keeps, before anything is written. */
    static String checked(String number) {
        if (number.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the JDBC store keeps numbers of at most " + MAX_LENGTH
                    + " characters, got " + number.length());
        }
        return number;
    }

    /** Whether a record other than {@code id} has {@code number} in the tenant. */
    boolean takenByAnother(Connection connection, Dialect dialect, String tenant, String number, String id)
            throws SQLException {
        try (NamedSql.Bound statement = takenByAnother.prepare(connection, dialect)) {
            statement.string("tenant_id", tenant).string("number", number).string("id", id);
            try (ResultSet rows = statement.query()) {
                return rows.next();
            }
        }
    }
}
