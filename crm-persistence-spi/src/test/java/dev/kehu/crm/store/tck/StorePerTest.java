package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.CrmStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the JUnit kits do around each test: a store from {@link #newStore()} before it, closed after it. */
abstract class StorePerTest {
    /** The store of the running test. */
    CrmStore store;

    /** A new, empty store for one test; the kit closes it after the test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
        assertThat(store).as("newStore()").isNotNull();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) store.close();
    }
}
