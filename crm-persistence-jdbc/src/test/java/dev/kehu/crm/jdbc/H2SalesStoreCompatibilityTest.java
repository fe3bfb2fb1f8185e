package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.SalesStoreCompatibilityKit;

/** The compatibility kit of the sales ports on H2, each test on a new in-memory database. */
class H2SalesStoreCompatibilityTest extends SalesStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
