package dev.kehu.crm.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQL statement with named parameters ({@code :tenant_id}), turned into a JDBC prepared statement with
 * {@code ?} once. A name may appear more than once. Quoted text, quoted identifiers, {@code --} comments and
 * PostgreSQL's {@code ::} casts are left alone. Immutable: keep one per statement in a constant.
 */
final class NamedSql {
    private final String jdbcSql;
    private final Map<String, int[]> positions;
    private final int parameterCount;

    private NamedSql(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        int count = 0;
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated quote in: " + sql);
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && isNameStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < length && isNamePart(sql.charAt(end))) end++;
                found.computeIfAbsent(sql.substring(i + 1, end), name -> new ArrayList<>()).add(++count);
                out.append('?');
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException("use named parameters (:name), not ?, in: " + sql);
            } else {
                out.append(c);
                i++;
            }
        }
        this.jdbcSql = out.toString();
        this.parameterCount = count;
        Map<String, int[]> byName = new LinkedHashMap<>();
        found.forEach((name, list) -> byName.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        this.positions = Map.copyOf(byName);
    }

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(Bound statement) throws SQLException;
    }

    public static NamedSql of(String sql) {
        return new NamedSql(sql);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** The statement as JDBC runs it, with {@code ?} for each parameter. */
    public String jdbcSql() {
        return jdbcSql;
    }

    public Bound prepare(Connection connection, Dialect dialect) throws SQLException {
        return new Bound(connection.prepareStatement(jdbcSql), dialect);
    }

    /** Sets the parameters of a statement for one value of a batch. */
    @FunctionalInterface
    public interface ValueBinder<T> {
        void bind(Bound statement, T value) throws SQLException;
    }

    /** Runs the statement once for each value, in their order, as one JDBC batch; nothing for no values. */
    public <T> void batch(Connection connection, Dialect dialect, Collection<T> values, ValueBinder<T> binder)
            throws SQLException {
        if (values.isEmpty()) return;
        try (Bound statement = prepare(connection, dialect)) {
            for (T value : values) {
                binder.bind(statement, value);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Every row the statement selects, in its order, each made by {@code mapper}. */
    public <T> List<T> list(Connection connection, Dialect dialect, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (Bound statement = prepare(connection, dialect)) {
            binder.bind(statement);
            try (ResultSet rows = statement.query()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) found.add(mapper.map(rows));
                return found;
            }
        }
    }

    @Override
    public String toString() {
        return jdbcSql;
    }

    /** A prepared statement whose parameters are set by name. Close it (try-with-resources). */
    public final class Bound implements AutoCloseable {
        private final PreparedStatement statement;
        private final Dialect dialect;
        private final BitSet set = new BitSet();

        private Bound(PreparedStatement statement, Dialect dialect) {
            this.statement = statement;
            this.dialect = dialect;
        }

        private int[] at(String name) {
            int[] indexes = positions.get(name);
            if (indexes == null) throw new IllegalArgumentException("no parameter :" + name + " in: " + jdbcSql);
            for (int index : indexes) set.set(index);
            return indexes;
        }

        public Bound string(String name, String value) throws SQLException {
            for (int index : at(name)) {
                if (value == null) statement.setNull(index, Types.VARCHAR);
                else statement.setString(index, value);
            }
            return this;
        }

        public Bound integer(String name, Integer value) throws SQLException {
            for (int index : at(name)) {
                if (value == null) statement.setNull(index, Types.INTEGER);
                else statement.setInt(index, value);
            }
            return this;
        }

        public Bound bigint(String name, long value) throws SQLException {
            for (int index : at(name)) statement.setLong(index, value);
            return this;
        }

        public Bound bool(String name, boolean value) throws SQLException {
            for (int index : at(name)) statement.setBoolean(index, value);
            return this;
        }

        public Bound instant(String name, Instant value) throws SQLException {
            for (int index : at(name)) dialect.setInstant(statement, index, value);
            return this;
        }

        public Bound date(String name, LocalDate value) throws SQLException {
            for (int index : at(name)) {
                if (value == null) statement.setNull(index, Types.DATE);
                else statement.setObject(index, value);
            }
            return this;
        }

        public Bound decimal(String name, BigDecimal value) throws SQLException {
            for (int index : at(name)) {
                if (value == null) statement.setNull(index, Types.DECIMAL);
                else statement.setBigDecimal(index, value);
            }
            return this;
        }

        /** A time of day, truncated to the microseconds every database keeps, as instants are. */
        public Bound time(String name, LocalTime value) throws SQLException {
            for (int index : at(name)) {
                if (value == null) statement.setNull(index, Types.TIME);
                else statement.setObject(index, value.truncatedTo(ChronoUnit.MICROS));
            }
            return this;
        }

        private void checkAllSet() {
            if (set.cardinality() != parameterCount) {
                List<String> missing = new ArrayList<>();
                positions.forEach((name, indexes) -> {
                    if (!set.get(indexes[0])) missing.add(name);
                });
                throw new IllegalStateException("parameters not set: " + missing + " in: " + jdbcSql);
            }
        }

        public ResultSet query() throws SQLException {
            checkAllSet();
            return statement.executeQuery();
        }

        public int update() throws SQLException {
            checkAllSet();
            return statement.executeUpdate();
        }

        public void addBatch() throws SQLException {
            checkAllSet();
            statement.addBatch();
        }

        public int[] executeBatch() throws SQLException {
            return statement.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
