package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractUseCasesCompatibilityKit;

class InMemoryContractUseCasesCompatibilityTest extends ContractUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
