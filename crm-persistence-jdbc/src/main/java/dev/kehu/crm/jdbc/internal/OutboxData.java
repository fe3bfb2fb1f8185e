package dev.kehu.crm.jdbc.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An outbox message's data as the text of one JSON object, {@code {"name":"value","emptied":null}}: the entries in
 * their order, a {@code null} value as JSON {@code null}. The store keeps it in one column rather than in child
 * rows, so that a message is one row: an append is a single insert whose key conflict decides everything, a save a
 * single update, and the relay's look-ups need no join under their {@code LIMIT}. JSON, because a host can read it
 * with its database's JSON functions; written here, because a flat object of texts does not need a library.
 *
 * <p>Besides what JSON requires ({@code "}, {@code \} and control characters), unpaired surrogates are escaped:
 * the drivers would replace them when encoding the text as UTF-8, and the value would not come back as it was.
 */
final class OutboxData {
    private OutboxData() {
    }

    static String write(Map<String, String> data) {
        StringBuilder out = new StringBuilder(16 + 32 * data.size()).append('{');
        for (Map.Entry<String, String> entry : data.entrySet()) {
            if (entry.getKey() == null) throw new IllegalArgumentException("outbox data needs a name for every value");
            if (out.length() > 1) out.append(',');
            string(out, entry.getKey()).append(':');
            if (entry.getValue() == null) out.append("null");
            else string(out, entry.getValue());
        }
        return out.append('}').toString();
    }

    private static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c) && !isPaired(text, i))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(text.charAt(++i)); // the pair, whole
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Whether the surrogate at {@code i} is the first half of a pair (a low one is reached only unpaired). */
    private static boolean isPaired(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** The entries of a JSON object of texts and nulls, in their order; fails on anything else. */
    static Map<String, String> read(String text) {
        return new Reader(text).object();
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            Map<String, String> data = new LinkedHashMap<>();
            expect('{');
            if (!next('}')) {
                do {
                    String name = string();
                    expect(':');
                    String value = next('n') ? nullLiteral() : string();
                    if (data.containsKey(name)) throw malformed("the name " + name + " twice");
                    data.put(name, value);
                } while (next(','));
                expect('}');
            }
            skipSpace();
            if (at != text.length()) throw malformed("text after the object");
            return Collections.unmodifiableMap(data);
        }

        private String nullLiteral() {
            if (!text.startsWith("ull", at)) throw malformed("null expected");
            at += 3;
            return null;
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (at >= text.length()) throw malformed("an unterminated string");
                char c = text.charAt(at++);
                if (c == '"') return value.toString();
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) throw malformed("an unterminated escape");
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) throw malformed("a short \\u escape");
                        try {
                            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw malformed("a bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw malformed("the escape \\" + escaped);
                }
            }
        }

        /** Skips white space; consumes {@code c} if it comes next. */
        private boolean next(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!next(c)) throw malformed("'" + c + "' expected");
        }

        private void skipSpace() {
            while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) at++;
        }

        private IllegalStateException malformed(String what) {
            return new IllegalStateException("stored outbox data is not a JSON object of texts: " + what
                    + " at character " + at);
        }
    }
}
