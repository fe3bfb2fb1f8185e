package dev.kehu.crm.examples.bench;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The baselines' transactions: a connection of the pool, committed when the work returns, rolled back when it throws. */
final class Jdbc {
    private Jdbc() {
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T inTransaction(DataSource dataSource, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
