package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.OutboxUseCasesCompatibilityKit;

class InMemoryOutboxUseCasesCompatibilityTest extends OutboxUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
