package dev.kehu.crm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.TestProviders.ConfiguredStore;
import dev.kehu.crm.store.internal.MemoryStoreProvider;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmStoresTest {
    private static final String MEMORY = MemoryStoreProvider.class.getName();
    private static final String OTHER = TestProviders.Other.class.getName();

    @TempDir
    Path serviceFiles;

    @Test
    @DisplayName("the in-memory store is found by ServiceLoader but opens only when named, never by default")
    void memoryStoreOpensOnlyWhenNamed() {
        try (CrmStore store = CrmStores.open(StoreConfig.empty().with(StoreConfig.STORE, "memory"))) {
            assertThat(store).isInstanceOf(InMemoryCrmStore.class);
        }
        assertThatThrownBy(() -> CrmStores.open(StoreConfig.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No durable store provider")
                .hasMessageContaining(StoreConfig.STORE + "=memory");
    }

    @Test
    @DisplayName("without a choice, the only durable store found is opened")
    void singleDurableStoreIsChosen() throws IOException {
        try (CrmStore store = CrmStores.open(StoreConfig.empty(), loaderListing(MEMORY, OTHER))) {
            assertThat(store).isInstanceOf(ConfiguredStore.class);
        }
    }

    @Test
    @DisplayName("the store named by kehu.store is opened, with the settings given")
    void explicitChoiceWins() throws IOException {
        StoreConfig config = StoreConfig.of(Map.of(StoreConfig.STORE, "other", "other.url", "somewhere"));

        try (CrmStore store = CrmStores.open(config, loaderListing(MEMORY, OTHER))) {
            assertThat(store).isInstanceOfSatisfying(ConfiguredStore.class,
                    opened -> assertThat(opened.config()).isEqualTo(config));
        }
    }

    @Test
    @DisplayName("a name passed to open overrides the one in the settings")
    void nameArgumentOverridesTheSetting() {
        StoreConfig config = StoreConfig.of(Map.of(StoreConfig.STORE, "jdbc"));

        try (CrmStore store = CrmStores.open("memory", config)) {
            assertThat(store).isInstanceOf(InMemoryCrmStore.class);
        }
    }

    @Test
    @DisplayName("several stores without a choice are refused, naming each and the setting that chooses")
    void severalCandidatesNeedAChoice() throws IOException {
        String another = TestProviders.Another.class.getName();
        ClassLoader loader = loaderListing(MEMORY, OTHER, another);

        assertThatThrownBy(() -> CrmStores.open(StoreConfig.empty(), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("Several store providers", "another (" + another + ")",
                        "other (" + OTHER + ")", StoreConfig.STORE);
    }

    @Test
    @DisplayName("providers that fail to load, construct or name themselves are skipped")
    void brokenProvidersAreSkipped() throws IOException {
        ClassLoader loader = loaderListing("dev.kehu.crm.store.NoSuchProvider",
                TestProviders.FailsToConstruct.class.getName(), TestProviders.FailsToName.class.getName(), OTHER);

        try (CrmStore store = CrmStores.open(StoreConfig.empty(), loader)) {
            assertThat(store).isInstanceOf(ConfiguredStore.class);
        }
    }

    @Test
    @DisplayName("a provider of another API version is skipped, and asking for it says why")
    void otherApiVersionIsSkipped() throws IOException {
        ClassLoader loader = loaderListing(TestProviders.FromTheFuture.class.getName(), MEMORY);

        try (CrmStore store = CrmStores.open(StoreConfig.empty().with(StoreConfig.STORE, "memory"), loader)) {
            assertThat(store).isInstanceOf(InMemoryCrmStore.class);
        }
        assertThatThrownBy(() -> CrmStores.open(StoreConfig.empty().with(StoreConfig.STORE, "future"), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("No store provider named 'future'", "available: [memory", "API version 2");
    }

    @Test
    @DisplayName("no store found is refused with a message that says what to add")
    void noCandidateIsAClearError() throws IOException {
        ClassLoader loader = loaderListing();

        assertThatThrownBy(() -> CrmStores.open(StoreConfig.empty(), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("No durable store provider was found", "crm-persistence-jdbc");
    }

    @Test
    @DisplayName("an unknown store name is refused, listing the stores there are")
    void unknownNameIsRefused() throws IOException {
        ClassLoader loader = loaderListing(MEMORY, OTHER);

        assertThatThrownBy(() -> CrmStores.open(StoreConfig.empty().with(StoreConfig.STORE, "jdbc"), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("No store provider named 'jdbc'", "memory", "other");
    }

    @Test
    @DisplayName("two stores of one name are refused rather than one picked at random")
    void duplicateNamesAreRefused() throws IOException {
        ClassLoader loader = loaderListing(MEMORY, TestProviders.SecondMemory.class.getName());

        assertThatThrownBy(() -> CrmStores.open(StoreConfig.empty().with(StoreConfig.STORE, "memory"), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("Several store providers are named 'memory'", MEMORY,
                        TestProviders.SecondMemory.class.getName());
    }

    /** A class loader whose only CrmStoreProvider service file lists these classes. */
    private ClassLoader loaderListing(String... providerClasses) throws IOException {
        Path file = Files.write(Files.createTempFile(serviceFiles, "providers", ".txt"), List.of(providerClasses));
        URL url = file.toUri().toURL();
        String serviceFile = "META-INF/services/" + CrmStoreProvider.class.getName();
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals(serviceFile) ? Collections.enumeration(List.of(url)) : super.getResources(name);
            }
        };
    }
}
