package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CareStoreCompatibilityKit;

class InMemoryCareStoreCompatibilityTest extends CareStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
