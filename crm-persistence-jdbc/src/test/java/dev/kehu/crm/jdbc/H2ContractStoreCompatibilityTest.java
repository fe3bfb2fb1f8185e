package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractStoreCompatibilityKit;

/** The compatibility kit of the contract and order ports on H2, each test on a new in-memory database. */
class H2ContractStoreCompatibilityTest extends ContractStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
