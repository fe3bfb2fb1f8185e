package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The compatibility kit of the contract and order ports on MariaDB, in a throwaway schema of this class (see
 * {@link TestDatabases}): skipped when the server is not reachable, failed when it is not and CI=true.
 */
@Tag("mariadb")
class MariaDbContractStoreCompatibilityTest extends ContractStoreCompatibilityKit {
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
