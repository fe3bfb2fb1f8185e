package dev.kehu.crm.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.jdbc.internal.Dialect;
import dev.kehu.crm.jdbc.internal.DriverManagerDataSource;
import dev.kehu.crm.jdbc.internal.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.h2.jdbcx.JdbcDataSource;
import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * The databases the tests run on.
 * <ul>
 * <li>H2: a new in-memory database for every store, gone when the store is closed.</li>
 * <li>PostgreSQL and MariaDB: one throwaway schema (database, in MariaDB) {@code kehu_tck_<random>} per
 *     {@link Server}, i.e. per test class, migrated once and dropped when the class is done (or, at the
 *     latest, when the JVM exits). Each store starts empty: its rows are deleted first.</li>
 * </ul>
 * The servers are found at {@value #PG_DEFAULT} and {@value #MARIADB_DEFAULT}, or at the JDBC URLs in the
 * environment variables {@value #PG_URL} and {@value #MARIADB_URL} (credentials as URL parameters, e.g.
 * {@code jdbc:postgresql://db:5432/test?user=kehu&password=secret}); the user may create and drop schemas
 * (databases, in MariaDB). A server that cannot be reached skips each of its tests with a message saying so,
 * except under {@code CI=true}, where it fails them: CI must run every database.
 */
final class TestDatabases {
    static final String PG_URL = "KEHU_PG_URL";
    static final String MARIADB_URL = "KEHU_MARIADB_URL";
    static final String PG_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String MARIADB_DEFAULT = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    /** Kehu's tables, children before parents, for emptying a schema between tests. */
    static final List<String> TABLES = List.of("kehu_audit_change", "kehu_audit_entry", "kehu_contact",
            "kehu_customer_tag", "kehu_customer_org_unit", "kehu_customer", "kehu_lead",
            "kehu_opportunity_stage_change", "kehu_opportunity_record", "kehu_opportunity", "kehu_quote_line",
            "kehu_quote", "kehu_development_plan_step", "kehu_development_plan", "kehu_activity",
            "kehu_round_robin_position", "kehu_outbox_message", "kehu_reminder",
            // customer service
            "kehu_service_ticket_measure", "kehu_service_ticket_step", "kehu_service_ticket", "kehu_expense",
            "kehu_knowledge_keyword", "kehu_knowledge_article_ticket", "kehu_knowledge_article",
            // contracts and orders
            "kehu_contract_step", "kehu_contract_milestone", "kehu_contract", "kehu_sales_order_line", "kehu_sales_order",
            "kehu_customer_purchase");

    private TestDatabases() {
    }

    /** A store on a new, migrated in-memory H2 database that disappears when the store is closed. */
    static JdbcCrmStore h2() {
        JdbcDataSource dataSource = h2DataSource();
        return JdbcCrmStore.builder(dataSource).closing(() -> shutdown(dataSource)).build();
    }

    /** A new, empty in-memory H2 database that lives until {@code SHUTDOWN}. */
    static JdbcDataSource h2DataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:kehu_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static void shutdown(DataSource h2) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    static Server postgres() {
        return new Server("PostgreSQL", PG_URL, PG_DEFAULT);
    }

    static Server mariaDb() {
        return new Server("MariaDB", MARIADB_URL, MARIADB_DEFAULT);
    }

    /**
     * MariaDB through the driver's bulk protocol ({@code useBulkStmts=true}), which answers every entry of a batch
     * of updates with {@code Statement.SUCCESS_NO_INFO} rather than its count.
     */
    static Server mariaDbBulkStatements() {
        return new Server("MariaDB", MARIADB_URL, MARIADB_DEFAULT, "useBulkStmts=true");
    }

    /** A new in-memory H2 database used like a server: migrated once, emptied for each store, shut down on close. */
    static Server h2Server() {
        return new Server("H2", null, "jdbc:h2:mem:kehu_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
    }

    /** For jqwik classes: skips (or, under CI=true, fails) the class when PostgreSQL cannot be reached. */
    public static final class SkipWithoutPostgres extends SkipWithoutServer {
        public SkipWithoutPostgres() {
            super(postgres());
        }
    }

    /** For jqwik classes: skips (or, under CI=true, fails) the class when MariaDB cannot be reached. */
    public static final class SkipWithoutMariaDb extends SkipWithoutServer {
        public SkipWithoutMariaDb() {
            super(mariaDb());
        }
    }

    /** jqwik reports an aborted container as an error, so its classes skip through this hook instead. */
    private abstract static class SkipWithoutServer implements SkipExecutionHook {
        private final Server server;

        SkipWithoutServer(Server server) {
            this.server = server;
        }

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            try {
                server.requireReachable();
                return SkipResult.doNotSkip();
            } catch (TestAbortedException unreachable) {
                return SkipResult.skip(unreachable.getMessage());
            }
        }
    }

    /** One database server and the throwaway schema of one test class on it. */
    static final class Server implements AutoCloseable {
        private final String product;
        private final String variable;
        private final String url;
        private final String schema = "kehu_tck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private HikariDataSource pool;
        private Thread dropAtExit;
        private String unreachable; // null: not checked yet; empty: reachable

        private Server(String product, String variable, String defaultUrl) {
            this(product, variable, defaultUrl, null);
        }

        /** @param option a driver setting {@code name=value} added to the URL, or {@code null} */
        private Server(String product, String variable, String defaultUrl, String option) {
            this.product = product;
            this.variable = variable;
            String configured = variable == null ? null : System.getenv(variable);
            String base = configured == null || configured.isBlank() ? defaultUrl : configured.strip();
            this.url = option == null ? base : base + (base.contains("?") ? "&" : "?") + option;
        }

        private boolean isPostgres() {
            return product.equals("PostgreSQL");
        }

        private boolean isH2() {
            return product.equals("H2");
        }

        /**
         * Checks, once, that the server answers. When it does not: under {@code CI=true} fails, otherwise aborts the
         * calling test (JUnit reports it as skipped) with a message saying how to run it.
         */
        synchronized void requireReachable() {
            if (unreachable == null) {
                try (Connection connection = connect()) {
                    if (!connection.isValid(5)) throw new SQLException("the connection is not valid");
                    unreachable = "";
                } catch (SQLException e) {
                    unreachable = product + " not reachable at " + masked(url) + " (" + e.getMessage() + ") — start it"
                            + " or set " + variable + "; these tests run under CI=true";
                    LoggerFactory.getLogger(TestDatabases.class).warn("{}; skipping its tests", unreachable);
                }
            }
            if (unreachable.isEmpty()) return;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(unreachable + ", and CI=true is set: a missing server fails the build");
            }
            throw new TestAbortedException(unreachable);
        }

        private Connection connect() throws SQLException {
            Properties properties = new Properties();
            // seconds for PostgreSQL, milliseconds for MariaDB
            if (!isH2()) properties.setProperty("connectTimeout", isPostgres() ? "5" : "5000");
            return DriverManager.getConnection(url, properties);
        }

        /** A store on this class's schema with no rows in it. */
        CrmStore newStore() {
            return JdbcCrmStore.builder(emptyPool()).migrate(false).build();
        }

        /** The pool on this class's schema, every row of Kehu's tables deleted. */
        synchronized HikariDataSource emptyPool() {
            HikariDataSource dataSource = dataSource();
            deleteAllRows(dataSource);
            return dataSource;
        }

        /** The pool on this class's schema, created and migrated on first use. */
        synchronized HikariDataSource dataSource() {
            if (pool == null) {
                requireReachable();
                createSchema();
                HikariConfig config = poolConfig(schema);
                config.setJdbcUrl(url);
                config.setMaximumPoolSize(8);
                config.setMinimumIdle(1);
                pool = new HikariDataSource(config);
                Dialect dialect;
                try (Connection connection = pool.getConnection()) {
                    dialect = Dialect.of(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                Migrations.migrate(pool, dialect);
            }
            return pool;
        }

        /**
         * Another pool on this class's migrated schema, which takes its connections from {@code connections}: a
         * data source in front of {@link #driver()}, standing where the network would be. The caller closes it.
         */
        HikariDataSource poolOver(DataSource connections, int size) {
            dataSource();
            HikariConfig config = poolConfig(schema + "_over");
            config.setDataSource(connections);
            config.setMaximumPoolSize(size);
            config.setMinimumIdle(size); // a spare at hand while the pool replaces one it dropped
            config.setConnectionTimeout(10_000);
            return new HikariDataSource(config);
        }

        /** Connections straight from the driver to this class's database, one new connection a call, not pooled. */
        DataSource driver() {
            return new DriverManagerDataSource(url, null, null);
        }

        private HikariConfig poolConfig(String name) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(name);
            if (isPostgres()) config.setSchema(schema);
            else if (!isH2()) config.setCatalog(schema);
            return config;
        }

        /**
         * The JDBC URL of this class's schema, every row of Kehu's tables deleted, for another process to open (the
         * pool's schema setting does not travel with it). PostgreSQL only.
         */
        synchronized String emptySchemaUrl() {
            if (!isPostgres()) throw new UnsupportedOperationException(product + " schemas are not handed to other processes");
            emptyPool();
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        /** The schema's name: {@code kehu_tck_<random>}. */
        String schema() {
            return schema;
        }

        private void createSchema() {
            if (isH2()) return;
            execute(isPostgres() ? "CREATE SCHEMA " + schema : "CREATE DATABASE " + schema);
            dropAtExit = new Thread(this::dropSchema, "drop " + schema);
            Runtime.getRuntime().addShutdownHook(dropAtExit);
        }

        private void dropSchema() {
            if (isH2()) {
                execute("SHUTDOWN");
                return;
            }
            execute(isPostgres() ? "DROP SCHEMA IF EXISTS " + schema + " CASCADE" : "DROP DATABASE IF EXISTS " + schema);
        }

        private void execute(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        private static void deleteAllRows(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : TABLES) statement.addBatch("DELETE FROM " + table);
                statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("could not empty Kehu's tables: " + e.getMessage(), e);
            }
        }

        /** Closes the pool and drops the schema. */
        @Override
        public synchronized void close() {
            if (pool == null) return;
            pool.close();
            pool = null;
            dropSchema();
            if (dropAtExit == null) return;
            try {
                Runtime.getRuntime().removeShutdownHook(dropAtExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs anyway; dropping twice is harmless
            }
        }

        @Override
        public String toString() {
            return product + " " + masked(url) + " schema " + schema;
        }
    }

    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
