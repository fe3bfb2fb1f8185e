package dev.kehu.crm.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** The JDBC store's own promises on MariaDB, in a database of this class (see {@link TestDatabases}). */
@Tag("mariadb")
class MariaDbJdbcStoreTest extends JdbcStoreContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.mariaDb();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected HikariDataSource emptyPool() {
        return DATABASE.emptyPool();
    }
}
