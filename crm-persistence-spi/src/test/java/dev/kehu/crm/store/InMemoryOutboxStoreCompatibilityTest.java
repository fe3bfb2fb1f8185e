package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.OutboxStoreCompatibilityKit;

class InMemoryOutboxStoreCompatibilityTest extends OutboxStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
