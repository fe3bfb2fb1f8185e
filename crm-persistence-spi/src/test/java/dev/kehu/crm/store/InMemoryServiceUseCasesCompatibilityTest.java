package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ServiceUseCasesCompatibilityKit;

class InMemoryServiceUseCasesCompatibilityTest extends ServiceUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
