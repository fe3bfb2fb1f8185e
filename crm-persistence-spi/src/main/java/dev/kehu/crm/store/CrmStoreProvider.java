package dev.kehu.crm.store;

import dev.kehu.crm.CrmStore;

/**
 * A kind of store, found with {@link java.util.ServiceLoader}: a store module names its implementation in
 * {@code META-INF/services/dev.kehu.crm.store.CrmStoreProvider}. An implementation is public, has a public
 * no-argument constructor, keeps no state, and opens independent stores. Hosts open stores through
 * {@link CrmStores}.
 */
public interface CrmStoreProvider {
    /** The version of this contract; {@link CrmStores} skips a provider that declares another one. */
    int API_VERSION = 1;

    /** The name a host chooses the store by ({@code memory}, {@code jdbc}…): lower case, stable across releases. */
    String name();

    /**
     * The version of this contract the provider was written for. Implement it as {@code return API_VERSION;}:
     * the constant is compiled into the provider, so it keeps the version the provider was built against.
     */
    int apiVersion();

    /**
     * Opens a new store with these settings; the caller closes it.
     *
     * @throws IllegalArgumentException when a setting is missing or wrong (see {@link StoreConfig#require})
     */
    CrmStore open(StoreConfig config);
}
