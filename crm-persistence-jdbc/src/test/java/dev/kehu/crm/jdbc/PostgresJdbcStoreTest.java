package dev.kehu.crm.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** The JDBC store's own promises on PostgreSQL, in a database of this class (see {@link TestDatabases}). */
@Tag("postgresql")
class PostgresJdbcStoreTest extends JdbcStoreContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.postgres();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected HikariDataSource emptyPool() {
        return DATABASE.emptyPool();
    }
}
