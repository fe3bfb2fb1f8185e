package dev.kehu.crm.examples.bench;

import java.util.Map;

/** A JSON object of text values, written by hand as a hand-written baseline would. */
public final class Json {
    private Json() {
    }

    public static String object(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (json.length() > 1) json.append(',');
            string(json, entry.getKey()).append(':');
            string(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
            else json.append(c);
        }
        return json.append('"');
    }
}
