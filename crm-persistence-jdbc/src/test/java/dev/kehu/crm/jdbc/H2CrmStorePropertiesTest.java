package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CrmStorePropertiesKit;

/** The store properties on H2, each property on a new in-memory database. */
class H2CrmStorePropertiesTest extends CrmStorePropertiesKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
