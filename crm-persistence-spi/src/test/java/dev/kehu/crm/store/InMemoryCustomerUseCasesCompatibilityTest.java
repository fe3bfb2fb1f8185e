package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CustomerUseCasesCompatibilityKit;

class InMemoryCustomerUseCasesCompatibilityTest extends CustomerUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
