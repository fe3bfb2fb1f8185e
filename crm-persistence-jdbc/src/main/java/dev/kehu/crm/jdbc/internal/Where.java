package dev.kehu.crm.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code WHERE} clause of a search, built from fixed SQL fragments whose parameters are bound by name; the
 * searched values never become SQL text.
 */
final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<NamedSql.Binder> parameters = new ArrayList<>();

    /** Adds {@code condition} (joined with AND) and the text values of the parameters it names. */
    Where and(String condition, String... namesAndValues) {
        List<NamedSql.Binder> binders = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = namesAndValues[i];
            String value = namesAndValues[i + 1];
            binders.add(statement -> statement.string(name, value));
        }
        return and(condition, binders);
    }

    /** Adds {@code condition} (joined with AND), whose parameters {@code binder} sets. */
    Where and(String condition, NamedSql.Binder binder) {
        return and(condition, List.of(binder));
    }

    /** Adds {@code column IN (…)} for the text forms of {@code values} (at least one), named {@code prefix0, …}. */
    Where in(String column, String prefix, Collection<?> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("IN needs at least one value");
        List<String> texts = values.stream().map(Columns::text).toList();
        return and(column + " IN (" + InList.names(prefix, texts.size()) + ")",
                statement -> InList.bind(statement, prefix, texts));
    }

    private Where and(String condition, List<NamedSql.Binder> binders) {
        if (!sql.isEmpty()) sql.append("\n  AND ");
        sql.append(condition);
        parameters.addAll(binders);
        return this;
    }

    String sql() {
        return sql.toString();
    }

    void bind(NamedSql.Bound statement) throws SQLException {
        for (NamedSql.Binder parameter : parameters) parameter.bind(statement);
    }
}
