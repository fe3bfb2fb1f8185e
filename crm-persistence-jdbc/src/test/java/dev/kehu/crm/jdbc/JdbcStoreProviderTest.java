package dev.kehu.crm.jdbc;

import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.store.CrmStoreProvider;
import dev.kehu.crm.store.CrmStores;
import dev.kehu.crm.store.StoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Opening the JDBC store from settings, as a host does through {@link CrmStores}. */
class JdbcStoreProviderTest {
    private static String memoryUrl() {
        return "jdbc:h2:mem:provider_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    @DisplayName("ServiceLoader finds the jdbc provider, written for API version 1")
    void providerIsRegistered() {
        assertThat(ServiceLoader.load(CrmStoreProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("jdbc"))
                .singleElement()
                .satisfies(provider -> {
                    assertThat(provider).isInstanceOf(JdbcStoreProvider.class);
                    assertThat(provider.apiVersion()).isEqualTo(CrmStoreProvider.API_VERSION).isEqualTo(1);
                });
    }

    @Test
    @DisplayName("CrmStores opens a migrated jdbc store from the URL, user and password settings")
    void opensAStoreFromSettings() {
        StoreConfig config = StoreConfig.of(Map.of(StoreConfig.STORE, "jdbc", JdbcStoreProvider.URL, memoryUrl(),
                JdbcStoreProvider.USER, "kehu", JdbcStoreProvider.PASSWORD, "s3cret"));

        try (CrmStore store = CrmStores.open(config)) {
            assertThat(store).isInstanceOf(JdbcCrmStore.class);
            Customer saved = store.customers().save(customer(TENANT, "c-1", "华夏 🚀"));
            assertThat(store.customers().find(TENANT, saved.id())).contains(saved);
        }
    }

    @Test
    @DisplayName("an in-memory H2 database lives exactly as long as the store opened on it")
    void inMemoryDatabaseLivesWithTheStore() {
        StoreConfig config = StoreConfig.of(Map.of(JdbcStoreProvider.URL, memoryUrl()));
        try (CrmStore store = CrmStores.open("jdbc", config)) {
            store.customers().save(customer(TENANT, "c-1", "Alpha"));
            assertThat(store.customers().find(TENANT, customer(TENANT, "c-1", "Alpha").id())).isPresent();
        }

        try (CrmStore reopened = CrmStores.open("jdbc", config)) {
            assertThat(reopened.customers().find(TENANT, customer(TENANT, "c-1", "Alpha").id())).isEmpty();
        }
    }

    @Test
    @DisplayName("kehu.jdbc.migrate=false leaves the database as it is")
    void migrationCanBeLeftToTheHost() throws SQLException {
        String url = memoryUrl() + ";DB_CLOSE_DELAY=-1";
        StoreConfig config = StoreConfig.of(Map.of(JdbcStoreProvider.URL, url, JdbcStoreProvider.MIGRATE, "false"));

        try (CrmStore store = CrmStores.open("jdbc", config);
             Connection connection = DriverManager.getConnection(url);
             ResultSet tables = connection.getMetaData().getTables(null, null, "KEHU_CUSTOMER", null)) {
            assertThat(store).isInstanceOf(JdbcCrmStore.class);
            assertThat(tables.next()).as("kehu_customer exists").isFalse();
        } finally {
            try (Connection connection = DriverManager.getConnection(url)) {
                connection.createStatement().execute("SHUTDOWN");
            }
        }
    }

    @Test
    @DisplayName("a missing URL or a wrong migrate flag is refused with the name of the setting")
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> CrmStores.open("jdbc", StoreConfig.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kehu.jdbc.url");
        assertThatThrownBy(() -> CrmStores.open("jdbc", StoreConfig.of(Map.of(JdbcStoreProvider.URL, memoryUrl(),
                JdbcStoreProvider.MIGRATE, "sometimes"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kehu.jdbc.migrate");
    }
}
