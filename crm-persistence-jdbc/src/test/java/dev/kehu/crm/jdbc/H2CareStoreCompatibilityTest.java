package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CareStoreCompatibilityKit;

/** The care store ports on H2, each test on a new in-memory database. */
class H2CareStoreCompatibilityTest extends CareStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
