package dev.kehu.crm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
    @Test
    @DisplayName("a required setting that is missing or blank is refused by name, with the settings that were given")
    void requireNamesTheMissingSetting() {
        StoreConfig config = StoreConfig.of(Map.of("jdbc.user", "kehu", "jdbc.url", " "));

        assertThat(config.require("jdbc.user")).isEqualTo("kehu");
        assertThatThrownBy(() -> config.require("jdbc.password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'jdbc.password'", "missing", "[jdbc.url, jdbc.user]");
        assertThatThrownBy(() -> config.require("jdbc.url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'jdbc.url'", "blank");
    }

    @Test
    @DisplayName("settings are copied, so changing the map afterwards changes nothing, and with() returns a new config")
    void settingsAreImmutable() {
        Map<String, String> settings = new HashMap<>(Map.of("a", "1"));
        StoreConfig config = StoreConfig.of(settings);
        settings.put("a", "2");

        StoreConfig changed = config.with("a", "3");

        assertThat(config.get("a")).contains("1");
        assertThat(changed.get("a")).contains("3");
        assertThat(config.get("b")).isEmpty();
    }

    @Test
    @DisplayName("its text shows which settings there are but never their values, which may be passwords")
    void toStringHidesValues() {
        StoreConfig config = StoreConfig.of(Map.of("jdbc.password", "s3cret", "kehu.store", "jdbc"));

        assertThat(config).hasToString("StoreConfig[jdbc.password, kehu.store]");
    }
}
