package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractInputPropertiesKit;

/** The hostile-input properties of the contract use cases on H2, on a new in-memory database per property. */
class H2ContractInputPropertiesTest extends ContractInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
