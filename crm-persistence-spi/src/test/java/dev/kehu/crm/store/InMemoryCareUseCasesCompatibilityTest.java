package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CareUseCasesCompatibilityKit;

class InMemoryCareUseCasesCompatibilityTest extends CareUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
