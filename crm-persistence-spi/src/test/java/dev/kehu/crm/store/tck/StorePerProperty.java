package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.common.TenantId;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * What the property kits do around each property: a store from {@link #newStore()} for all its tries, closed
 * after them, and a tenant of its own for each try.
 */
abstract class StorePerProperty {
    /** The store of the running property. */
    CrmStore store;
    /** The tenant of the running try. */
    TenantId tenant;
    private int tries;

    /** A new, empty store for one property; the kit closes it after the property. */
    protected abstract CrmStore newStore();

    @BeforeProperty
    final void openStore() {
        store = newStore();
        assertThat(store).as("newStore()").isNotNull();
    }

    @AfterProperty
    final void closeStore() {
        if (store != null) store.close();
    }

    @BeforeTry
    final void newTenant() {
        tenant = new TenantId("prop-" + ++tries);
    }
}
