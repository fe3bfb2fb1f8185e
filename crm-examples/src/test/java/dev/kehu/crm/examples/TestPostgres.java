package dev.kehu.crm.examples;

import dev.kehu.crm.examples.bench.BenchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL server of the examples' tests, found as the store's own suites find it. */
public final class TestPostgres {
    private TestPostgres() {
    }

    /**
     * Whether PostgreSQL answers at {@link BenchDatabase#postgresUrl()}; tests skip without it, except under
     * {@code CI=true}, where a missing server is a failure, as for the store's own suites.
     */
    public static boolean reachable() {
        String url = BenchDatabase.postgresUrl();
        try (Connection ignored = DriverManager.getConnection(url)) {
            return true;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but no PostgreSQL at " + url, e);
            return false;
        }
    }
}
