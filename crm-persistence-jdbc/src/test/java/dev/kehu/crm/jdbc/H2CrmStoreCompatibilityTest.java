package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CrmStoreCompatibilityKit;

/** The whole compatibility kit on H2, each test on a new in-memory database. */
class H2CrmStoreCompatibilityTest extends CrmStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
