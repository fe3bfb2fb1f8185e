package dev.kehu.crm.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The database a benchmark run owns: H2 in a file (the default: its data stays off the heap, so a child JVM with
 * a small heap can open it too), H2 in memory, or PostgreSQL in a schema of its own, emptied when the run starts.
 */
public final class BenchDatabase implements AutoCloseable {
    /** Where PostgreSQL is, as the project's tests find it; {@code KEHU_PG_URL} points elsewhere. */
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    public enum Kind {
        H2, H2_MEM, POSTGRESQL;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind of(String label) {
            for (Kind kind : values()) if (kind.label().equals(label)) return kind;
            throw new IllegalArgumentException("unknown store " + label + ": h2, h2-mem or postgresql");
        }

        /** Whether the data lives in the JVM's heap (and a child JVM must make its own). */
        public boolean inHeap() {
            return this == H2_MEM;
        }
    }

    private final Kind kind;
    private final String url;
    private final HikariDataSource dataSource;

    private BenchDatabase(Kind kind, String url, int poolSize) {
        this.kind = kind;
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("kehu-bench");
        this.dataSource = new HikariDataSource(config);
    }

    /**
     * Opens the database named by {@code kind} and {@code name} (a file under {@code dir}, an in-memory name or a
     * PostgreSQL schema); {@code fresh} empties it first.
     */
    public static BenchDatabase open(Kind kind, Path dir, String name, boolean fresh, int poolSize) {
        return switch (kind) {
            case H2 -> {
                Path file = dir.toAbsolutePath().resolve(name);
                if (fresh) deleteH2Files(file);
                yield new BenchDatabase(kind, "jdbc:h2:file:" + file, poolSize);
            }
            case H2_MEM -> new BenchDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", poolSize);
            case POSTGRESQL -> {
                String base = postgresUrl();
                if (fresh) recreateSchema(base, name);
                // Rewriting batched inserts into multi-row ones is the PostgreSQL driver's advice for batches; it
                // applies to Kehu and the baselines alike.
                yield new BenchDatabase(kind, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name
                        + "&reWriteBatchedInserts=true", poolSize);
            }
        };
    }

    /** Where PostgreSQL is: {@code KEHU_PG_URL}, or the server the project's tests use. */
    public static String postgresUrl() {
        return System.getenv().getOrDefault("KEHU_PG_URL", DEFAULT_PG_URL);
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        if (kind == Kind.H2_MEM) {
            // DB_CLOSE_DELAY=-1 keeps the data for the life of the JVM; a run drops it when done.
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        }
        dataSource.close();
    }

    private static void deleteH2Files(Path file) {
        try {
            Files.createDirectories(file.getParent());
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreateSchema(String url, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("not a plain schema name: " + schema);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
    }
}
