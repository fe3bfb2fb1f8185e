package dev.kehu.crm.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** Crash recovery on PostgreSQL, in a throwaway schema of this class (see {@link TestDatabases}). */
@Tag("postgresql")
class PostgresCrashRecoveryTest extends CrashRecoveryContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.postgres();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected String emptyDatabase() {
        return DATABASE.emptySchemaUrl();
    }
}
