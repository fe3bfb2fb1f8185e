package dev.kehu.crm.store.internal;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.CrmStoreProvider;
import dev.kehu.crm.store.InMemoryCrmStore;
import dev.kehu.crm.store.StoreConfig;

/** Opens {@link InMemoryCrmStore}s under the name {@value #NAME}; they take no settings. */
public final class MemoryStoreProvider implements CrmStoreProvider {
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public CrmStore open(StoreConfig config) {
        return InMemoryCrmStore.create();
    }
}
