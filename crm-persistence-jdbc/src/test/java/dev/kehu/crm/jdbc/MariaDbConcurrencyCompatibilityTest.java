package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ConcurrencyCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** No lost update on MariaDB, in a throwaway schema of this class (see {@link TestDatabases}). */
@Tag("mariadb")
class MariaDbConcurrencyCompatibilityTest extends ConcurrencyCompatibilityKit {
    private static final TestDatabases.Server DATABASE = TestDatabases.mariaDb();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected CrmStore newStore() {
        return DATABASE.newStore();
    }
}
