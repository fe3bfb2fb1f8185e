package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ConcurrencyCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** No lost update on PostgreSQL, in a throwaway schema of this class (see {@link TestDatabases}). */
@Tag("postgresql")
class PostgresConcurrencyCompatibilityTest extends ConcurrencyCompatibilityKit {
    private static final TestDatabases.Server DATABASE = TestDatabases.postgres();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected CrmStore newStore() {
        return DATABASE.newStore();
    }
}
