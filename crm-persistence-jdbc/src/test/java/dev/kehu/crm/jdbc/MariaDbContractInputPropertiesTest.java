package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractInputPropertiesKit;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The hostile-input properties of the contract use cases on MariaDB, in a throwaway schema of this class (see
 * {@link TestDatabases}): skipped when the server is not reachable, failed when it is not and CI=true.
 */
@Tag("mariadb")
@AddLifecycleHook(TestDatabases.SkipWithoutMariaDb.class)
class MariaDbContractInputPropertiesTest extends ContractInputPropertiesKit {
    private static final TestDatabases.Server DATABASE = TestDatabases.mariaDb();

    @AfterContainer
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected CrmStore newStore() {
        return DATABASE.newStore();
    }
}
