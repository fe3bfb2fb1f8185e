package dev.kehu.crm.examples.bench;

import dev.kehu.crm.jdbc.JdbcCrmStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The benchmark dataset, written once per seed and size through Kehu's repositories into an H2 file, then copied
 * into each run's database. Writing through the repositories is exact but slow (one statement at a time, each save
 * checking the version first: hours for the standard dataset on PostgreSQL); copying the rows it wrote, in batches,
 * takes minutes, and the rows stay exactly those Kehu wrote. {@code DatasetGeneratorTest} reads a copy back through
 * the repositories of the other database and compares it record by record.
 *
 * <p>The file is {@code dataset-<seed>-<factor>.mv.db} in the cache directory; it gets that name only once the
 * dataset is complete, so an interrupted generation is made again, never used.
 */
final class DatasetCache {
    /** The tables the dataset fills, parents before children; every other table of Kehu's must be empty. */
    static final List<String> TABLES = List.of("kehu_customer", "kehu_customer_tag", "kehu_customer_org_unit",
            "kehu_contact", "kehu_opportunity", "kehu_opportunity_stage_change", "kehu_activity", "kehu_sales_order",
            "kehu_sales_order_line", "kehu_customer_purchase");
    private static final int BATCH = 1_000;
    private static final String SUFFIX = ".mv.db";

    private final Path dir;
    private final DatasetGenerator generator;
    private final PrintStream out;

    DatasetCache(Path dir, DatasetGenerator generator, PrintStream out) {
        this.dir = dir.toAbsolutePath();
        this.generator = generator;
        this.out = out;
    }

    /** The H2 file (without its {@code .mv.db}) that holds the dataset once {@link #ensure()} has run. */
    Path file() {
        return dir.resolve("dataset-" + generator.seed() + "-" + generator.size().factor());
    }

    /** Writes the dataset into the cache file unless it is there already; what the dataset holds. */
    DatasetGenerator.Written ensure() {
        Path done = file();
        Path counts = done.resolveSibling(done.getFileName() + ".properties");
        try {
            if (Files.exists(sibling(done, SUFFIX)) && Files.exists(counts)) {
                // Kehu's schema may have grown since the file was made: opening a store on it migrates it.
                JdbcCrmStore.create(h2(done)).close();
                return read(counts);
            }
            Files.createDirectories(dir);
            Path partial = done.resolveSibling(done.getFileName() + "-partial");
            Files.deleteIfExists(sibling(partial, SUFFIX));
            long start = System.nanoTime();
            DatasetGenerator.Written written;
            try (JdbcCrmStore store = JdbcCrmStore.create(h2(partial))) {
                written = generator.writeTo(store, Runtime.getRuntime().availableProcessors());
            }
            shutdown(partial);
            out.printf("dataset made in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, generator.size());
            write(counts, written);
            Files.move(sibling(partial, SUFFIX), sibling(done, SUFFIX), StandardCopyOption.REPLACE_EXISTING);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the dataset's file to the H2 file {@code target} (without suffix), replacing it. */
    void copyFileTo(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            for (String suffix : new String[] {".trace.db", ".lock.db"}) Files.deleteIfExists(sibling(target, suffix));
            Files.copy(sibling(file(), SUFFIX), sibling(target, SUFFIX), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the dataset's rows into {@code target}, whose schema Kehu has made and whose tables are empty, in
     * batches of prepared inserts of the same columns.
     */
    void copyRowsTo(BenchDatabase target) {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection from = h2(file()).getConnection(); Connection to = target.connection()) {
            requireOnlyDatasetTables(from);
            to.setAutoCommit(false);
            for (String table : TABLES) rows += copy(table, from, to);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalStateException("could not copy the dataset into " + target.kind().label() + ": "
                    + (message.length() > 300 ? message.substring(0, 300) + "…" : message), e);
        }
        out.printf("dataset copied to %s in %.1f s: %,d rows%n", target.kind().label(),
                (System.nanoTime() - start) / 1e9, rows);
    }

    private static long copy(String table, Connection from, Connection to) throws SQLException {
        long rows = 0;
        from.setAutoCommit(false); // H2 streams a result only inside a transaction
        try (Statement read = from.createStatement()) {
            read.setFetchSize(BATCH);
            List<String> columns = writableColumns(from, table);
            try (ResultSet row = read.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
                String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
                try (PreparedStatement write = to.prepareStatement(insert)) {
                    while (row.next()) {
                        for (int c = 1; c <= columns.size(); c++) write.setObject(c, row.getObject(c));
                        write.addBatch();
                        if (++rows % BATCH == 0) {
                            write.executeBatch();
                            to.commit();
                        }
                    }
                    write.executeBatch();
                    to.commit();
                }
            }
        } finally {
            from.commit();
        }
        return rows;
    }

    /** The table's columns but those the database computes (generated columns take no value on insert). */
    private static List<String> writableColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet c = connection.getMetaData().getColumns(null, null, table.toUpperCase(Locale.ROOT), null)) {
            while (c.next()) {
                if (!"YES".equals(c.getString("IS_GENERATEDCOLUMN"))) {
                    columns.add(c.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        if (columns.isEmpty()) throw new IllegalStateException("the dataset has no table " + table);
        return columns;
    }

    /** A table the dataset fills but the copy does not name would be lost silently: refuse instead. */
    private static void requireOnlyDatasetTables(Connection from) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet t = from.getMetaData().getTables(null, null, "KEHU_%", new String[] {"TABLE"})) {
            while (t.next()) tables.add(t.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
        for (String table : tables) {
            if (TABLES.contains(table)) continue;
            try (Statement s = from.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                if (r.getLong(1) > 0) throw new IllegalStateException("the dataset has rows in " + table
                        + ", which the copy does not know: add it to DatasetCache.TABLES");
            }
        }
    }

    private static JdbcDataSource h2(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file);
        return dataSource;
    }

    /** Closes the H2 file so it can be moved. */
    private static void shutdown(Path file) {
        try (Connection c = h2(file).getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void write(Path file, DatasetGenerator.Written written) throws IOException {
        Properties p = new Properties();
        p.setProperty("customers", Long.toString(written.customers()));
        p.setProperty("contacts", Long.toString(written.contacts()));
        p.setProperty("opportunities", Long.toString(written.opportunities()));
        p.setProperty("stageChanges", Long.toString(written.stageChanges()));
        p.setProperty("activities", Long.toString(written.activities()));
        p.setProperty("orders", Long.toString(written.orders()));
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "what the dataset file beside holds");
        }
    }

    private static DatasetGenerator.Written read(Path file) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return new DatasetGenerator.Written(Long.parseLong(p.getProperty("customers")),
                Long.parseLong(p.getProperty("contacts")), Long.parseLong(p.getProperty("opportunities")),
                Long.parseLong(p.getProperty("stageChanges")), Long.parseLong(p.getProperty("activities")),
                Long.parseLong(p.getProperty("orders")));
    }
}
