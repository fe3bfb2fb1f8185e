package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.SalesInputPropertiesKit;

/** The hostile-input properties of the sales use cases on H2, on a new in-memory database per property. */
class H2SalesInputPropertiesTest extends SalesInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
