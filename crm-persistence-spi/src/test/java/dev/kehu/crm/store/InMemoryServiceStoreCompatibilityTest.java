package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ServiceStoreCompatibilityKit;

class InMemoryServiceStoreCompatibilityTest extends ServiceStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
