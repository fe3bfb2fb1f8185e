package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CrmStoreCompatibilityKit;

class InMemoryCrmStoreCompatibilityTest extends CrmStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
