package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CustomerUseCasesCompatibilityKit;

/** The customer and contact use cases on H2, each test on a new in-memory database. */
class H2CustomerUseCasesCompatibilityTest extends CustomerUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
