package dev.kehu.crm.jdbc.internal;

import java.util.Locale;

/**
 * The search keys Kehu stores beside a value and the {@code LIKE} patterns that search them. Keys are made in
 * Java, exactly as the reference {@code matches} methods of the queries make them, so every database agrees
 * with them whatever its locale and its {@code LOWER()}. Patterns escape {@code %}, {@code _} and the escape
 * character {@value #ESCAPE}, so the searched text is literal; the SQL says {@code ESCAPE '!'}, which means the
 * same on every database (a backslash would not, in MariaDB's string literals).
 */
final class SearchKeys {
    static final char ESCAPE = '!';

    private SearchKeys() {
    }

    /** The lower-case key of {@code value}, or {@code null}. */
    static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** A pattern matching text that contains {@code text}. */
    static String contains(String text) {
        return "%" + literal(text) + "%";
    }

    /** A pattern matching text that starts with {@code text}. */
    static String startsWith(String text) {
        return literal(text) + "%";
    }

    private static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) out.append(ESCAPE);
            out.append(c);
        }
        return out.toString();
    }
}
