package dev.kehu.crm.internal;

import java.util.Locale;

/** How the services tidy text input before it is stored. */
public final class Text {
    private Text() {
    }

    /** {@code null} for absent or blank text, the text unchanged otherwise. */
    public static String blankToNull(String text) {
        return isBlank(text) ? null : text;
    }

    /**
     * Blank in the sense of {@code @HasText}: absent, or only white space, the no-break and ideographic
     * spaces included, so that no rule accepts as text what the input checks refuse.
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
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
