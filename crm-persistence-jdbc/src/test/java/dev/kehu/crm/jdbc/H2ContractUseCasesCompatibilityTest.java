package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractUseCasesCompatibilityKit;

/** The contract and order use cases on H2, each test on a new in-memory database. */
class H2ContractUseCasesCompatibilityTest extends ContractUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
