package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.SalesUseCasesCompatibilityKit;

/** The sales use cases on H2, each test on a new in-memory database. */
class H2SalesUseCasesCompatibilityTest extends SalesUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
