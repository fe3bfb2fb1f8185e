package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractStoreCompatibilityKit;

class InMemoryContractStoreCompatibilityTest extends ContractStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
