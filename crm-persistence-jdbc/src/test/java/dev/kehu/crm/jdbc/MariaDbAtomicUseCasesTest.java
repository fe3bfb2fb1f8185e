package dev.kehu.crm.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** Use cases under faults on MariaDB, in a database of this class (see {@link TestDatabases}). */
@Tag("mariadb")
class MariaDbAtomicUseCasesTest extends AtomicUseCasesContractTest {
    private static final TestDatabases.Server DATABASE = TestDatabases.mariaDb();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected TestDatabases.Server database() {
        return DATABASE;
    }
}
