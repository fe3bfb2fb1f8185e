package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ServiceInputPropertiesKit;

class InMemoryServiceInputPropertiesTest extends ServiceInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
