package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.SalesInputPropertiesKit;

class InMemorySalesInputPropertiesTest extends SalesInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
