package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CrmStorePropertiesKit;

class InMemoryCrmStorePropertiesTest extends CrmStorePropertiesKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
