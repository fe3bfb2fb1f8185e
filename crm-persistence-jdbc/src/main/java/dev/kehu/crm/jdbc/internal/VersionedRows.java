package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.StaleRecordException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The optimistic save of one table's versioned rows. A new record (version 0) is inserted after a look-up of its
 * key, so that a taken key is refused without a failing statement (which would abort a PostgreSQL transaction); a
 * stored one is updated where its version is still the one the record was read at, and gets version + 1: an update
 * that finds no such row writes nothing and is the refusal, so it needs no look-up first, unless a {@link Check}
 * must run between the version check and the write. A concurrent writer that slips past the look-up is stopped by
 * the primary key or the version condition, and is refused the same way.
 *
 * <p>The insert names the new version {@code :new_version}; the update also {@code :version}, the one read.
 */
final class VersionedRows {
    private final NamedSql storedVersion;
    private final NamedSql insert;
    private final NamedSql update;

    /** @param key the column that, after {@code tenant_id}, identifies a row */
    VersionedRows(String table, String key, NamedSql insert, NamedSql update) {
        this.storedVersion = NamedSql.of("SELECT version FROM " + table
                + " WHERE tenant_id = :tenant_id AND " + key + " = :key");
        this.insert = insert;
        this.update = update;
    }

    /** The rows of a table whose inserts are not version-checked (they are written some other way), only updated. */
    static VersionedRows updateOnly(String table, String key, NamedSql update) {
        return new VersionedRows(table, key, null, update);
    }

    /**
     * Writes the row of a record read at {@code version}; {@code row} sets every other parameter.
     *
     * @return whether the row was inserted (it was new)
     * @throws StaleRecordException from {@code stale} when the stored version is not {@code version}
     */
    boolean write(Connection connection, Dialect dialect, String tenant, String key, long version, NamedSql.Binder row,
                  Supplier<StaleRecordException> stale) throws SQLException {
        return write(connection, dialect, tenant, key, version, row, stale, NO_CHECK);
    }

    private static final Check NO_CHECK = () -> { };

    /** A check that may refuse the write; it throws before anything is written. */
    @FunctionalInterface
    interface Check {
        void run() throws SQLException;
    }

    /** As {@link #write(Connection, Dialect, String, String, long, NamedSql.Binder, Supplier)}; {@code check} runs after the version check. */
    boolean write(Connection connection, Dialect dialect, String tenant, String key, long version, NamedSql.Binder row,
                  Supplier<StaleRecordException> stale, Check check) throws SQLException {
        if (insert == null) throw new IllegalStateException("these rows are only updated");
        boolean isNew = version == 0;
        if (!isNew && check == NO_CHECK) {
            execute(connection, dialect, update, false, version, row, stale);
            return false;
        }
        Long stored = storedVersion(connection, dialect, tenant, key);
        if (isNew ? stored != null : stored == null || stored != version) throw stale.get();
        check.run();
        execute(connection, dialect, isNew ? insert : update, isNew, version, row, stale);
        return isNew;
    }

    /**
     * Updates the stored row of a record read at {@code version} (0 included); {@code row} sets every other parameter.
     *
     * @throws StaleRecordException from {@code stale} when there is no such row or its version is not {@code version}
     */
    void update(Connection connection, Dialect dialect, String tenant, String key, long version, NamedSql.Binder row,
                Supplier<StaleRecordException> stale) throws SQLException {
        execute(connection, dialect, update, false, version, row, stale);
    }

    private Long storedVersion(Connection connection, Dialect dialect, String tenant, String key) throws SQLException {
        try (NamedSql.Bound statement = storedVersion.prepare(connection, dialect)) {
            statement.string("tenant_id", tenant).string("key", key);
            try (ResultSet rows = statement.query()) {
                return rows.next() ? rows.getLong("version") : null;
            }
        }
    }

    private static void execute(Connection connection, Dialect dialect, NamedSql sql, boolean isNew, long version,
                                NamedSql.Binder row, Supplier<StaleRecordException> stale) throws SQLException {
        try (NamedSql.Bound statement = sql.prepare(connection, dialect)) {
            row.bind(statement);
            statement.bigint("new_version", version + 1);
            if (!isNew) statement.bigint("version", version);
            if (statement.update() == 0) throw stale.get();
        } catch (SQLException e) {
            // Only a concurrent transaction gets here: the check above saw no conflict.
            if (SqlErrors.isUniqueViolation(e) || SqlErrors.isConcurrencyConflict(e)) throw stale.get();
            throw e;
        }
    }
}
