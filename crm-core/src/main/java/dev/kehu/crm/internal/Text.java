package dev.kehu.crm.internal;

import java.util.Locale;

/** How the services tidy text input before it is stored. */
public final class Text {
    private Text() {
    }

    /** {@code null} for absent or blank text, the text unchanged otherwise. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A value as audit text, {@code null} for none. */
    public static String of(Object value) {
        return value == null ? null : value.toString();
    }

    /** E-mail addresses are compared without case, so they are kept in lower case. */
    public static String email(String text) {
        return blankToNull(text) == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
