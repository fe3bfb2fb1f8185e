package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ConcurrencyCompatibilityKit;

/** No lost update on the in-memory store; it runs one transaction at a time (see the kit for what that proves). */
class InMemoryConcurrencyCompatibilityTest extends ConcurrencyCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
