package dev.kehu.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An aggregate kept as one parent row and its ordered child rows (a quote and its lines, a plan and its steps).
 * Reading runs one statement, the parent {@code LEFT JOIN} its children ordered by parent then child; writing
 * replaces every child row in one batch.
 *
 * @param <B> what the parent row makes, still without its children
 * @param <C> a child
 * @param <A> the aggregate
 */
final class ChildRows<B, C, A> {
    /** Sets the parameters of one child's row, given its place in the list (0 for the first). */
    @FunctionalInterface
    interface Binder<T> {
        void bind(NamedSql.Bound statement, T child, int index) throws SQLException;
    }

    private final RowMapper<B> parent;
    private final RowMapper<C> child;
    private final String childColumn;
    private final BiFunction<B, List<C>, A> assemble;

    /**
     * @param childColumn a NOT NULL column of the child table: NULL in a joined row means a parent without children
     */
    ChildRows(RowMapper<B> parent, RowMapper<C> child, String childColumn, BiFunction<B, List<C>, A> assemble) {
        this.parent = parent;
        this.child = child;
        this.childColumn = childColumn;
        this.assemble = assemble;
    }

    /** The aggregates {@code sql} selects, in the order of its rows; the parent's id is the column {@code id}. */
    List<A> load(Connection connection, Dialect dialect, NamedSql sql, NamedSql.Binder binder) throws SQLException {
        Map<String, B> parents = new LinkedHashMap<>();
        Map<String, List<C>> children = new LinkedHashMap<>();
        try (NamedSql.Bound statement = sql.prepare(connection, dialect)) {
            binder.bind(statement);
            try (ResultSet rows = statement.query()) {
                while (rows.next()) {
                    String id = rows.getString("id");
                    List<C> ofParent = children.get(id);
                    if (ofParent == null) {
                        parents.put(id, parent.map(rows));
                        ofParent = new ArrayList<>();
                        children.put(id, ofParent);
                    }
                    if (rows.getObject(childColumn) != null) ofParent.add(child.map(rows));
                }
            }
        }
        List<A> aggregates = new ArrayList<>(parents.size());
        parents.forEach((id, header) -> aggregates.add(assemble.apply(header, children.get(id))));
        return aggregates;
    }

    /**
     * Replaces the child rows of one parent: deletes those stored (unless the parent is new), then inserts
     * {@code values} in one batch.
     *
     * @param parentKey sets the parameters that {@code delete} and {@code insert} share, naming the parent
     */
    static <T> void replace(Connection connection, Dialect dialect, NamedSql delete, NamedSql insert, boolean parentIsNew,
                            NamedSql.Binder parentKey, List<T> values, Binder<T> binder) throws SQLException {
        if (!parentIsNew) {
            try (NamedSql.Bound statement = delete.prepare(connection, dialect)) {
                parentKey.bind(statement);
                statement.update();
            }
        }
        int[] index = {0};
        insert.batch(connection, dialect, values, (statement, value) -> {
            parentKey.bind(statement);
            binder.bind(statement, value, index[0]++);
        });
    }
}
