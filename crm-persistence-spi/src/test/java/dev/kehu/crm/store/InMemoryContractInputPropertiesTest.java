package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ContractInputPropertiesKit;

class InMemoryContractInputPropertiesTest extends ContractInputPropertiesKit {
    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
