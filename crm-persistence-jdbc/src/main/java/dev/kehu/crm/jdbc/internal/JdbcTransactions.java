package dev.kehu.crm.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of one store. {@link #inTransaction} takes a connection from the data source, binds it
 * to the calling thread until the work returns, commits (or rolls back on any exception), restores the
 * connection's auto-commit and closes it (which returns it to a pool). When even the rollback fails, the
 * connection is aborted instead and its auto-commit left alone. A nested call joins the outer transaction. The
 * binding is per store and per thread: another store, or another thread, has its own.
 */
public final class JdbcTransactions implements Transactions {
    /** Work on a connection; SQL failures are turned into {@link JdbcStoreException}s by the caller. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private volatile boolean closed;

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        requireNonNull(work, "work");
        if (bound.get() != null) {
            return work.get();
        }
        Connection connection = acquire();
        boolean autoCommit = begin(connection);
        bound.set(connection);
        boolean ended = false;
        try {
            T result = work.get();
            commit(connection);
            ended = true;
            return result;
        } catch (Throwable failure) { // even a checked exception thrown sneakily must not leave the work committed
            ended = rollback(connection, failure);
            if (!ended) discard(connection, failure);
            throw failure;
        } finally {
            bound.remove();
            if (ended) release(connection, autoCommit);
            else closeQuietly(connection);
        }
    }

    @Override
    public boolean isActive() {
        return bound.get() != null;
    }

    /**
     * Runs {@code work} on the calling thread's connection of this store, or, outside a transaction, in a
     * short transaction of its own. An {@link SQLException} it throws becomes a {@link JdbcStoreException}.
     */
    public <T> T withConnection(SqlWork<T> work) {
        Connection connection = bound.get();
        if (connection != null) {
            return run(work, connection);
        }
        return inTransaction(() -> run(work, bound.get()));
    }

    /** Refuses new work from now on; transactions under way finish normally. */
    public void close() {
        closed = true;
    }

    private static <T> T run(SqlWork<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("database failure: " + e.getMessage(), e);
        }
    }

    private Connection acquire() {
        if (closed) throw new IllegalStateException("the store is closed");
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new JdbcStoreException("could not get a database connection: " + e.getMessage(), e);
        }
    }

    /** Starts a transaction on the connection; returns its auto-commit mode, to restore. */
    private static boolean begin(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) connection.setAutoCommit(false);
            return autoCommit;
        } catch (SQLException e) {
            JdbcStoreException failure = new JdbcStoreException("could not begin a transaction: " + e.getMessage(), e);
            closeQuietly(connection, failure);
            throw failure;
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new JdbcStoreException("could not commit: " + e.getMessage(), e);
        }
    }

    /** Rolls back; returns whether it did, adding to {@code failure} why it did not. */
    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /**
     * After a failed rollback the transaction may still be open on a connection that still works. Switching
     * auto-commit back on would commit it (JDBC commits an open transaction then), and a pool would hand it out as
     * it is, so the connection is aborted instead: the database ends the session and rolls back, and a pool
     * discards the connection. Its auto-commit is not restored.
     */
    private static void discard(Connection connection, Throwable failure) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Gives the connection back as it came (its auto-commit mode restored) and closes it, which returns it to
     * its pool. The transaction is over by now, so a failure here is logged, not thrown: it must not turn a
     * committed transaction into an apparent failure, nor hide the exception of a rolled back one.
     */
    private static void release(Connection connection, boolean autoCommit) {
        try {
            if (autoCommit) connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("could not restore auto-commit on a connection; closing it anyway", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("could not close a connection", e);
        }
    }

    private static void closeQuietly(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("could not close a connection that was aborted", e);
        }
    }
}
