package dev.kehu.crm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxDataTest {
    @Test
    @DisplayName("data is written as one JSON object, in entry order, null as null and \"\" as an empty string")
    void writesJsonInOrder() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("subject", "华夏 \"ERP\"");
        data.put("emptied", null);
        data.put("blank", "");
        data.put("a", "line\nbreak\\tab\t\u0001");

        String text = OutboxData.write(data);

        assertThat(text).isEqualTo(
                "{\"subject\":\"华夏 \\\"ERP\\\"\",\"emptied\":null,\"blank\":\"\",\"a\":\"line\\nbreak\\\\tab\\t\\u0001\"}");
        assertThat(OutboxData.read(text)).containsExactlyEntriesOf(data);
        assertThat(OutboxData.write(Map.of())).isEqualTo("{}");
        assertThat(OutboxData.read("{}")).isEmpty();
    }

    @Test
    @DisplayName("pairs of surrogates stay as they are; an unpaired one is escaped, so no driver replaces it")
    void unpairedSurrogatesAreEscaped() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("emoji", "🚀");
        data.put("cut", "ab\uD83D");
        data.put("\uDE80", "low first");

        String text = OutboxData.write(data);

        assertThat(text).isEqualTo("{\"emoji\":\"🚀\",\"cut\":\"ab\\ud83d\",\"\\ude80\":\"low first\"}");
        assertThat(OutboxData.read(text)).containsExactlyEntriesOf(data);
    }

    @Test
    @DisplayName("what other JSON writers add is read too: white space, \\/ and the other escapes")
    void readsOrdinaryJson() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "x/y\b\f\r中");
        expected.put("b", null);

        assertThat(OutboxData.read(" { \"a\" : \"x\\/y\\b\\f\\r\\u4E2D\" ,\n \"b\" : null } "))
                .containsExactlyEntriesOf(expected);
    }

    @Test
    @DisplayName("stored text that is not a JSON object of texts fails, naming the place")
    void malformedTextFails() {
        for (String text : new String[] {"", "[]", "{\"a\":1}", "{\"a\":\"x\"", "{\"a\":\"x\"} x", "{\"a\":nul}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"\\", "{\"a\"}"}) {
            assertThatThrownBy(() -> OutboxData.read(text)).as(text).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at character");
        }
    }

    @Test
    @DisplayName("a value without a name is refused: JSON has no place for it")
    void nullNameIsRefused() {
        Map<String, String> data = new HashMap<>();
        data.put(null, "x");

        assertThatThrownBy(() -> OutboxData.write(data)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    @Label("any names and values, null values included, come back in their order")
    void anyDataRoundTrips(@ForAll @Size(max = 6) Map<String, String> drawn, @ForAll boolean emptyFirst) {
        Map<String, String> data = new LinkedHashMap<>();
        drawn.forEach((name, value) -> data.put(name, emptyFirst && data.isEmpty() ? null : value));

        assertThat(OutboxData.read(OutboxData.write(data))).containsExactlyEntriesOf(data);
    }
}
