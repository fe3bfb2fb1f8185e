package dev.kehu.crm.jdbc.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code WHERE} clause of a search, built from fixed SQL fragments whose text parameters are bound by
 * name; the searched values never become SQL text.
 */
final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /** Adds {@code condition} (joined with AND) and the values of the parameters it names. */
    Where and(String condition, String... namesAndValues) {
        if (!sql.isEmpty()) sql.append("\n  AND ");
        sql.append(condition);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    String sql() {
        return sql.toString();
    }

    void bind(NamedSql.Bound statement) throws SQLException {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            statement.string(parameter.getKey(), parameter.getValue());
        }
    }
}
