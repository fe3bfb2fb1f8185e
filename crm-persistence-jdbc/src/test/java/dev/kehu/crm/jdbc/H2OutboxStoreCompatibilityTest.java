package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.OutboxStoreCompatibilityKit;

/** The compatibility kit of the outbox on H2, each test on a new in-memory database. */
class H2OutboxStoreCompatibilityTest extends OutboxStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
