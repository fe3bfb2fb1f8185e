package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.CustomerInputPropertiesKit;

class InMemoryCustomerInputPropertiesTest extends CustomerInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
