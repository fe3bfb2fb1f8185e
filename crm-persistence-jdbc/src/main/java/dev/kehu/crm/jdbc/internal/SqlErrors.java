package dev.kehu.crm.jdbc.internal;

import java.sql.SQLException;
import java.util.Locale;

/** Reads what kind of failure a driver reported, the same way on every database. */
final class SqlErrors {
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int H2_CONCURRENT_UPDATE = 90131;
    private static final int H2_DEADLOCK = 40001;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    private SqlErrors() {
    }

    /** A unique index or primary key refused the row. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if ("23505".equals(current.getSQLState()) || current.getErrorCode() == MYSQL_DUPLICATE_KEY) return true;
        }
        return false;
    }

    /**
     * Another transaction changed the same rows at the same time (deadlock, serialization failure, or a
     * row lock held longer than the database waits for it).
     */
    static boolean isConcurrencyConflict(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            String state = current.getSQLState();
            int code = current.getErrorCode();
            if ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state) || code == MYSQL_DEADLOCK
                    || code == MYSQL_LOCK_WAIT_TIMEOUT || code == H2_CONCURRENT_UPDATE || code == H2_DEADLOCK
                    || code == H2_LOCK_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure names this constraint or index (every database puts the name in its message). */
    static boolean names(SQLException e, String constraint) {
        String wanted = constraint.toLowerCase(Locale.ROOT);
        for (SQLException current = e; current != null; current = current.getNextException()) {
            String message = current.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(wanted)) return true;
        }
        return false;
    }
}
