package dev.kehu.crm.jdbc;

import java.sql.SQLException;

/**
 * The database failed (it is unreachable, a statement was refused, a transaction could not commit). Not a
 * business outcome: business outcomes are {@link dev.kehu.crm.common.KehuException}s. The cause is the
 * driver's {@link SQLException}, with its SQL state and vendor code.
 */
public final class JdbcStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The SQL state of the driver's exception, or {@code null} when the cause is not one. */
    public String sqlState() {
        return getCause() instanceof SQLException e ? e.getSQLState() : null;
    }
}
