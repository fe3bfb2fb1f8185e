package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ConcurrencyCompatibilityKit;

/** No lost update on H2, each test on a new in-memory database. */
class H2ConcurrencyCompatibilityTest extends ConcurrencyCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
