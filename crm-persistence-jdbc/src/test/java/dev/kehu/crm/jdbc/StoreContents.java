package dev.kehu.crm.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Every row of every Kehu table ({@link TestDatabases#TABLES}), read on a connection of its own: the whole store, to
 * compare row by row and value by value with the store at another moment.
 *
 * <p>Two runs of one use case with the same clock and ids write the same rows, except for two things left out of
 * {@link #sameAs} and {@link #differenceFrom}: the audit log's {@code seq}, which the database numbers and never
 * gives back after a rollback, and the delivery state of outbox messages (status, attempts, times, error,
 * version), which changes when a message is delivered after its use case committed and is checked by delivering.
 */
final class StoreContents {
    private static final Map<String, Set<String>> NOT_COMPARED = Map.of(
            "kehu_audit_entry", Set.of("seq"),
            "kehu_outbox_message", Set.of("status", "attempts", "next_attempt_at", "last_error", "delivered_at",
                    "version"));

    /** Per table, each row as text, sorted: every column. */
    private final Map<String, List<String>> all;
    /** Per table, each row as text, sorted: the columns two runs write alike. */
    private final Map<String, List<String>> compared;

    private StoreContents(Map<String, List<String>> all, Map<String, List<String>> compared) {
        this.all = all;
        this.compared = compared;
    }

    /** Counts the rows of every table in one query, then reads the tables that have any. */
    static StoreContents read(DataSource dataSource) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, List<String>> compared = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Set<String> withRows = new HashSet<>();
            try (ResultSet counts = statement.executeQuery(TestDatabases.TABLES.stream()
                    .map(table -> "SELECT '" + table + "', COUNT(*) FROM " + table)
                    .collect(Collectors.joining(" UNION ALL ")))) {
                while (counts.next()) {
                    if (counts.getLong(2) > 0) withRows.add(counts.getString(1));
                }
            }
            for (String table : TestDatabases.TABLES) {
                List<String> allRows = new ArrayList<>();
                List<String> comparedRows = new ArrayList<>();
                if (withRows.contains(table)) read(statement, table, allRows, comparedRows);
                all.put(table, allRows);
                compared.put(table, comparedRows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read Kehu's tables: " + e.getMessage(), e);
        }
        return new StoreContents(all, compared);
    }

    /** Each row of {@code table} as text, sorted: with every column, and with the compared columns only. */
    private static void read(Statement statement, String table, List<String> allRows, List<String> comparedRows)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getObject(i));
                }
                allRows.add(row.toString());
                row.keySet().removeAll(NOT_COMPARED.getOrDefault(table, Set.of()));
                comparedRows.add(row.toString());
            }
        }
        allRows.sort(null);
        comparedRows.sort(null);
    }

    /** Whether both hold the same rows, leaving out what two runs of one use case write differently by design. */
    boolean sameAs(StoreContents other) {
        return compared.equals(other.compared);
    }

    /** Whether any value of any row differs, every column compared. */
    boolean differsInAnyColumnFrom(StoreContents other) {
        return !all.equals(other.all);
    }

    /** The rows this store has and {@code expected} has not, and the other way round; empty when {@link #sameAs}. */
    String differenceFrom(StoreContents expected) {
        StringBuilder difference = new StringBuilder();
        compared.forEach((table, rows) -> {
            List<String> extra = new ArrayList<>(rows);
            extra.removeAll(expected.compared.get(table));
            List<String> missing = new ArrayList<>(expected.compared.get(table));
            missing.removeAll(rows);
            extra.forEach(row -> difference.append("\n  + ").append(table).append(' ').append(row));
            missing.forEach(row -> difference.append("\n  - ").append(table).append(' ').append(row));
        });
        return difference.toString();
    }
}
