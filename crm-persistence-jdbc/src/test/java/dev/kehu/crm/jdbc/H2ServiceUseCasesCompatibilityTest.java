package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ServiceUseCasesCompatibilityKit;

/** The customer-service use cases on H2, each test on a new in-memory database. */
class H2ServiceUseCasesCompatibilityTest extends ServiceUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
