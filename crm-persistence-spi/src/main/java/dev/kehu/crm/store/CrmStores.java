package dev.kehu.crm.store;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.internal.MemoryStoreProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a store through its {@link CrmStoreProvider}. The provider named by the setting {@value StoreConfig#STORE}
 * wins; without one, the only durable provider found is used, and several found is an error that names them.
 * The {@code memory} store, always on the class path with this module, opens only when named: a host whose own
 * store failed to load gets an error rather than a store that forgets everything on close. Providers that
 * fail to load, or that declare another {@link CrmStoreProvider#API_VERSION}, are logged and skipped.
 */
public final class CrmStores {
    private static final Logger log = LoggerFactory.getLogger(CrmStores.class);

    // ServiceLoader recovers from a broken entry "on a best-effort basis"; past this many errors we stop looking.
    private static final int MAX_LOAD_ERRORS = 100;

    private CrmStores() {
    }

    /** Opens the store chosen by {@code config}, looking for providers with the thread's context class loader. */
    public static CrmStore open(StoreConfig config) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return open(config, context != null ? context : CrmStores.class.getClassLoader());
    }

    /** Opens the store named {@code name} ({@code memory}, {@code jdbc}…), whatever {@code config} names. */
    public static CrmStore open(String name, StoreConfig config) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a store name is required");
        return open(config.with(StoreConfig.STORE, name));
    }

    /** Opens the store chosen by {@code config} among the providers {@code loader} finds. */
    public static CrmStore open(StoreConfig config, ClassLoader loader) {
        requireNonNull(config, "config");
        Discovery discovery = new Discovery(requireNonNull(loader, "loader"));
        Candidate chosen = config.get(StoreConfig.STORE)
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(discovery::named)
                .orElseGet(discovery::single);
        log.info("Opening the '{}' store of {}", chosen.name(), chosen.provider().getClass().getName());
        return chosen.provider().open(config);
    }

    private record Candidate(String name, CrmStoreProvider provider) {
        @Override
        public String toString() {
            return name + " (" + provider.getClass().getName() + ")";
        }
    }

    /** The usable providers one class loader finds, and why the others were skipped. */
    private static final class Discovery {
        private final ClassLoader loader;
        private final List<Candidate> usable = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();

        Discovery(ClassLoader loader) {
            this.loader = loader;
            Iterator<CrmStoreProvider> providers = ServiceLoader.load(CrmStoreProvider.class, loader).iterator();
            int errors = 0;
            while (errors <= MAX_LOAD_ERRORS) {
                CrmStoreProvider provider;
                try {
                    if (!providers.hasNext()) break;
                    provider = providers.next();
                } catch (ServiceConfigurationError e) {
                    errors++;
                    log.error("Skipping a store provider that failed to load: {}", e.getMessage(), e);
                    skipped.add(e.getMessage());
                    continue;
                }
                consider(provider);
            }
            usable.sort(Comparator.comparing(Candidate::toString));
        }

        private void consider(CrmStoreProvider provider) {
            String type = provider.getClass().getName();
            try {
                String name = provider.name();
                int version = provider.apiVersion();
                if (name == null || name.isBlank()) {
                    log.error("Skipping store provider {}: it has no name", type);
                    skipped.add(type + " has no name");
                } else if (version != CrmStoreProvider.API_VERSION) {
                    log.warn("Skipping store provider '{}' ({}): it implements store API version {}, Kehu needs {}",
                            name, type, version, CrmStoreProvider.API_VERSION);
                    skipped.add(name + " (" + type + ") implements store API version " + version
                            + ", not " + CrmStoreProvider.API_VERSION);
                } else {
                    usable.add(new Candidate(name, provider));
                }
            } catch (RuntimeException | LinkageError e) {
                // A LinkageError (AbstractMethodError…) is how a provider built against another API version fails.
                log.error("Skipping store provider {}: {}", type, e, e);
                skipped.add(type + " failed: " + e);
            }
        }

        Candidate named(String name) {
            List<Candidate> matching = usable.stream().filter(c -> c.name().equals(name)).toList();
            if (matching.isEmpty()) {
                throw new IllegalStateException("No store provider named '" + name + "' was found; available: "
                        + usable + details());
            }
            if (matching.size() > 1) {
                throw new IllegalStateException("Several store providers are named '" + name + "': " + matching
                        + "; remove all but one from the class path");
            }
            return matching.get(0);
        }

        Candidate single() {
            List<Candidate> durable = usable.stream()
                    .filter(c -> !c.name().equals(MemoryStoreProvider.NAME)).toList();
            if (durable.isEmpty()) {
                throw new IllegalStateException("No durable store provider was found by " + loader
                        + "; put a store (such as crm-persistence-jdbc) on the class path, or name the in-memory"
                        + " store with " + StoreConfig.STORE + "=" + MemoryStoreProvider.NAME + details());
            }
            if (durable.size() > 1) {
                throw new IllegalStateException("Several store providers were found: " + durable
                        + "; choose one with the setting " + StoreConfig.STORE + details());
            }
            return durable.get(0);
        }

        private String details() {
            return skipped.isEmpty() ? "" : "; skipped: " + skipped;
        }
    }
}
