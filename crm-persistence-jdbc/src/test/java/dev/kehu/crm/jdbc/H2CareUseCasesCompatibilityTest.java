package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CareUseCasesCompatibilityKit;

/** The care use cases on H2, each test on a new in-memory database. */
class H2CareUseCasesCompatibilityTest extends CareUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
