package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ServiceStoreCompatibilityKit;

/** The compatibility kit of the customer-service ports on H2, each test on a new in-memory database. */
class H2ServiceStoreCompatibilityTest extends ServiceStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
