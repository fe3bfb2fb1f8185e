package dev.kehu.crm.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** Use cases under faults on PostgreSQL, in a database of this class (see {@link TestDatabases}). */
@Tag("postgresql")
class PostgresAtomicUseCasesTest extends AtomicUseCasesContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.postgres();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected TestDatabases.Server database() {
        return DATABASE;
    }
}
