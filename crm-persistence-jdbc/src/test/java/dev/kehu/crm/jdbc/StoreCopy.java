package dev.kehu.crm.jdbc;

import dev.kehu.crm.jdbc.internal.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A copy of every Kehu table ({@link TestDatabases#TABLES}) in tables of its own ({@code copy_of_<table>}, same
 * schema), to put the store back as it was after a use case has run: faster than making the records again, and
 * exact, identity numbers included (columns the database computes are computed again).
 */
final class StoreCopy {
    private final DataSource dataSource;
    /** PostgreSQL and H2 refuse a value for a column {@code GENERATED ALWAYS AS IDENTITY} unless told. */
    private final String overridingIdentity;
    /** The tables that had rows when saved. */
    private final Set<String> saved = new HashSet<>();
    /** Per table, the columns to copy back, as SQL. */
    private final Map<String, String> columns = new HashMap<>();

    StoreCopy(DataSource dataSource) {
        this.dataSource = dataSource;
        List<String> create = new ArrayList<>();
        for (String table : TestDatabases.TABLES) {
            create.add("CREATE TABLE IF NOT EXISTS " + copyOf(table) + " AS SELECT * FROM " + table + " WHERE 1 = 0");
        }
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            overridingIdentity = dialect == Dialect.POSTGRESQL || dialect == Dialect.H2 ? " OVERRIDING SYSTEM VALUE" : "";
            for (String table : TestDatabases.TABLES) columns.put(table, givenColumns(connection, table));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        run(create);
    }

    /** The columns of {@code table} a row is given values for: all but those the database computes. */
    private static String givenColumns(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        List<String> given = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(),
                name.replace("_", meta.getSearchStringEscape() + "_"), null)) {
            while (columns.next()) {
                if (!"YES".equals(columns.getString("IS_GENERATEDCOLUMN"))) given.add(columns.getString("COLUMN_NAME"));
            }
        }
        if (given.isEmpty()) throw new IllegalStateException("no columns found for " + table);
        return String.join(", ", given);
    }

    /** Keeps the store as it is now. */
    void save() {
        List<String> sql = new ArrayList<>();
        for (String table : TestDatabases.TABLES) {
            sql.add("DELETE FROM " + copyOf(table));
            sql.add("INSERT INTO " + copyOf(table) + " SELECT * FROM " + table);
        }
        int[] counts = run(sql);
        saved.clear();
        for (int i = 0; i < TestDatabases.TABLES.size(); i++) {
            if (counts[2 * i + 1] != 0) saved.add(TestDatabases.TABLES.get(i));
        }
    }

    /** Puts the store back as it was when last {@linkplain #save() saved}. */
    void restore() {
        List<String> sql = new ArrayList<>();
        for (String table : TestDatabases.TABLES) sql.add("DELETE FROM " + table); // children first
        for (int i = TestDatabases.TABLES.size() - 1; i >= 0; i--) { // parents first
            String table = TestDatabases.TABLES.get(i);
            if (saved.contains(table)) {
                String given = columns.get(table);
                sql.add("INSERT INTO " + table + " (" + given + ")" + overridingIdentity + " SELECT " + given + " FROM "
                        + copyOf(table));
            }
        }
        run(sql);
    }

    private static String copyOf(String table) {
        return "copy_of_" + table;
    }

    /** Runs the statements in one transaction; returns their update counts. */
    private int[] run(List<String> sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String each : sql) statement.addBatch(each);
                int[] counts = statement.executeBatch();
                connection.commit();
                return counts;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy Kehu's tables: " + e.getMessage(), e);
        }
    }
}
