package dev.kehu.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keyset paging, as the care queries of the ports read: the rows a {@link Where} selects, by id or by a column then
 * id, after a given row, at most a limit. Ids are printable ASCII, so every database orders them alike without a
 * text-order expression.
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
     * {@code … WHERE where AND (column, idColumn) > (:after_at, :after_id) ORDER BY column, idColumn LIMIT :limit},
     * the comparison written as {@code column >= :after_at AND (column > :after_at OR idColumn > :after_id)}: every
     * database starts the index range at {@code :after_at} from the first form, where a row-value comparison or the
     * OR alone would have some of them read the range from its beginning on every page. {@code afterAt} binds
     * {@code :after_at}; nothing is added for the first page ({@code afterId} null).
     */
    static <T> List<T> byColumnThenId(Connection connection, Dialect dialect, String columns, String from, Where where,
                                      String column, NamedSql.Binder afterAt, String idColumn, String afterId, int limit,
                                      RowMapper<T> mapper) throws SQLException {
        if (afterId != null) {
            where.and(column + " >= :after_at AND (" + column + " > :after_at OR " + idColumn + " > :after_id)",
                    s -> afterAt.bind(s.string("after_id", afterId)));
        }
        return page(connection, dialect, columns, from, where, column + ", " + idColumn, limit, mapper);
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
