package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** One page of a filtered table: the total from {@code COUNT(*)}, then the rows of the page, if any. */
final class Paging {
    /** Reads the rows one statement selects. */
    interface Rows<T> {
        List<T> read(Connection connection, NamedSql sql, NamedSql.Binder binder) throws SQLException;
    }

    private Paging() {
    }

    /**
     * @param from    the table with its alias, e.g. {@code kehu_customer c}
     * @param orderBy the ORDER BY list, ending with the id so that pages never overlap
     */
    static <T> Page<T> page(Connection connection, Dialect dialect, String columns, String from, Where where,
                            String orderBy, PageRequest<?> request, Rows<T> rows) throws SQLException {
        NamedSql count = NamedSql.of("SELECT COUNT(*) AS total FROM " + from + " WHERE " + where.sql());
        long total;
        try (NamedSql.Bound statement = count.prepare(connection, dialect)) {
            where.bind(statement);
            try (ResultSet result = statement.query()) {
                result.next();
                total = result.getLong("total");
            }
        }
        if (total <= request.offset()) {
            return new Page<>(List.of(), request.page(), request.size(), total);
        }
        NamedSql select = NamedSql.of("SELECT " + columns + "\nFROM " + from + "\nWHERE " + where.sql()
                + "\nORDER BY " + orderBy + "\nLIMIT :limit OFFSET :offset");
        List<T> items = rows.read(connection, select, s -> {
            where.bind(s);
            s.bigint("limit", request.size()).bigint("offset", request.offset());
        });
        return new Page<>(items, request.page(), request.size(), total);
    }
}
