package dev.kehu.crm.store;

import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.common.PageRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the in-memory store promises beyond the compatibility kit. */
class InMemoryCrmStoreTest {
    @Test
    @DisplayName("two in-memory stores in one JVM share nothing")
    void storesAreIndependent() {
        try (InMemoryCrmStore first = InMemoryCrmStore.create(); InMemoryCrmStore second = InMemoryCrmStore.create()) {
            Customer customer = first.customers().save(minimalCustomer(TENANT, "c-1", "Alpha"));

            assertThat(second.customers().find(TENANT, customer.id())).isEmpty();
            assertThat(second.customers().save(minimalCustomer(TENANT, "c-1", "Beta")).version()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a closed store refuses reads and writes")
    void closedStoreRefusesCalls() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Customer customer = store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha"));
        store.close();

        assertThatThrownBy(() -> store.customers().find(TENANT, customer.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.customers().save(minimalCustomer(TENANT, "c-2", "Beta")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.customers().page(TENANT, CustomerQuery.all(),
                PageRequest.first(1, CustomerSort.NAME))).isInstanceOf(IllegalStateException.class);
    }
}
