package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.SalesStorePropertiesKit;

/** The properties of the sales ports on H2, each property on a new in-memory database. */
class H2SalesStorePropertiesTest extends SalesStorePropertiesKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
