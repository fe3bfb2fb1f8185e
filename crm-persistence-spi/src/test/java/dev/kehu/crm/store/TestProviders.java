package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.ForwardingCrmStore;

/** Providers that CrmStoresTest lists in service files of its own; none is registered on the class path. */
final class TestProviders {
    private TestProviders() {
    }

    /** A store that remembers the settings it was opened with. */
    static final class ConfiguredStore extends ForwardingCrmStore {
        private final StoreConfig config;

        ConfiguredStore(StoreConfig config, CrmStore delegate) {
            super(delegate);
            this.config = config;
        }

        StoreConfig config() { return config; }

        @Override public void close() { store.close(); }
    }

    public static class Other implements CrmStoreProvider {
        @Override public String name() { return "other"; }
        @Override public int apiVersion() { return API_VERSION; }
        @Override
        public CrmStore open(StoreConfig config) {
            return new ConfiguredStore(config, InMemoryCrmStore.create());
        }
    }

    /** A second durable store. */
    public static class Another extends Other {
        @Override public String name() { return "another"; }
    }

    /** Also calls itself {@code memory}. */
    public static class SecondMemory extends Other {
        @Override public String name() { return "memory"; }
    }

    public static class FailsToConstruct extends Other {
        public FailsToConstruct() {
            throw new IllegalStateException("cannot start");
        }
    }

    public static class FailsToName extends Other {
        @Override public String name() { throw new IllegalStateException("no name today"); }
    }

    public static class FromTheFuture extends Other {
        @Override public String name() { return "future"; }
        @Override public int apiVersion() { return API_VERSION + 1; }
    }
}
