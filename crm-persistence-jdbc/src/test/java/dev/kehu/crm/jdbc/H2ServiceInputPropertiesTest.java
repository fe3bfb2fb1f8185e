package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ServiceInputPropertiesKit;

/** The hostile-input properties of the service use cases on H2, on a new in-memory database per property. */
class H2ServiceInputPropertiesTest extends ServiceInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
