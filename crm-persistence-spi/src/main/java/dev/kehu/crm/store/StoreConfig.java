package dev.kehu.crm.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings a store is opened with, as text: {@value #STORE} chooses the store, the rest belong to it
 * (a JDBC URL, a user…). Immutable. {@link #toString()} shows the keys only, since values may be passwords.
 */
public final class StoreConfig {
    /** The setting that names the store to open, e.g. {@code jdbc}; see {@link CrmStores#open(StoreConfig)}. */
    public static final String STORE = "kehu.store";

    private static final StoreConfig EMPTY = new StoreConfig(Map.of());

    private final Map<String, String> settings;

    private StoreConfig(Map<String, String> settings) {
        this.settings = settings;
    }

    public static StoreConfig empty() {
        return EMPTY;
    }

    /** These settings, copied; keys and values must not be {@code null}. */
    public static StoreConfig of(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            requireNonNull(key, "a setting's key");
            requireNonNull(value, () -> "the value of setting " + key);
        });
        return new StoreConfig(Map.copyOf(settings));
    }

    /** These settings with {@code key} set to {@code value}. */
    public StoreConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(key, value);
        return of(copy);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * The value of a setting the store cannot do without.
     *
     * @throws IllegalArgumentException naming the setting when it is missing or blank
     */
    public String require(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The store setting '" + key + "' is required but "
                    + (value == null ? "missing" : "blank") + "; settings given: " + sortedKeys());
        }
        return value;
    }

    /** Every setting, unmodifiable. */
    public Map<String, String> asMap() {
        return settings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreConfig config && settings.equals(config.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "StoreConfig" + sortedKeys();
    }

    private List<String> sortedKeys() {
        return settings.keySet().stream().sorted().toList();
    }
}
