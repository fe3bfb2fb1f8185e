package dev.kehu.crm.jdbc;

import org.junit.jupiter.api.AfterAll;

/** Use cases under faults on H2, in a database of this class (see {@link TestDatabases}). */
class H2AtomicUseCasesTest extends AtomicUseCasesContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.h2Server();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected TestDatabases.Server database() {
        return DATABASE;
    }
}
