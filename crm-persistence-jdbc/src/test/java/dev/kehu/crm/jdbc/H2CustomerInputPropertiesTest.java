package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CustomerInputPropertiesKit;

/** The hostile-input properties of the use cases on H2, on a new in-memory database per property. */
class H2CustomerInputPropertiesTest extends CustomerInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
