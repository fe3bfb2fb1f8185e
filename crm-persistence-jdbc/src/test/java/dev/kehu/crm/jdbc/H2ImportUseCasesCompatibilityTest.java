package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ImportUseCasesCompatibilityKit;

/** The import use case on H2, each test on a new in-memory database. */
class H2ImportUseCasesCompatibilityTest extends ImportUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
