package dev.kehu.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keyset paging by id, as the care queries of the ports read: the rows a {@link Where} selects, by id, after a
 * given id, at most a limit. Ids are printable ASCII, so every database orders them alike without a text-order
 * expression.
 */
final class Keyset {
    static final int MAX_LIMIT = 1000;

    private Keyset() {
    }

    /** Refuses a page size outside 1–{@value #MAX_LIMIT}. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** {@code SELECT columns FROM from WHERE where AND idColumn > :after_id ORDER BY idColumn LIMIT :limit}. */
    static <T> List<T> byId(Connection connection, Dialect dialect, String columns, String from, Where where,
                            String idColumn, String after, int limit, RowMapper<T> mapper) throws SQLException {
        if (after != null) where.and(idColumn + " > :after_id", "after_id", after);
        return page(connection, dialect, columns, from, where, idColumn, limit, mapper);
    }

    /**
     * {@code SELECT columns FROM from WHERE where ORDER BY orderBy LIMIT :limit}: the caller has put the condition
     * of reading on after the last row into {@code where}.
     */
    static <T> List<T> page(Connection connection, Dialect dialect, String columns, String from, Where where,
                            String orderBy, int limit, RowMapper<T> mapper) throws SQLException {
        checkLimit(limit);
        NamedSql sql = NamedSql.of("SELECT " + columns + "\nFROM " + from + "\nWHERE " + where.sql()
                + "\nORDER BY " + orderBy + "\nLIMIT :limit");
        return sql.list(connection, dialect, s -> {
            where.bind(s);
            s.bigint("limit", limit);
        }, mapper);
    }
}
