package dev.kehu.crm.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;

/** The JDBC store's own promises on H2, in a database of this class (see {@link TestDatabases}). */
class H2JdbcStoreTest extends JdbcStoreContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.h2Server();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected HikariDataSource emptyPool() {
        return DATABASE.emptyPool();
    }
}
