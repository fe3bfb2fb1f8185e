package dev.kehu.crm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchKeysTest {
    @Test
    @DisplayName("%, _ and the escape character ! are escaped; everything else, backslashes included, is kept")
    void patternsAreLiteral() {
        assertThat(SearchKeys.contains("100%_!\\x")).isEqualTo("%100!%!_!!\\x%");
        assertThat(SearchKeys.startsWith("a_b")).isEqualTo("a!_b%");
    }

    @Test
    @DisplayName("keys are lower case as Java's Locale.ROOT makes them, final sigma and dotted I included")
    void keysAreJavaLowerCase() {
        assertThat(SearchKeys.lowerCase("ΟΔΟΣ İ ABC")).isEqualTo("οδος i\u0307 abc");
        assertThat(SearchKeys.lowerCase(null)).isNull();
    }
}
