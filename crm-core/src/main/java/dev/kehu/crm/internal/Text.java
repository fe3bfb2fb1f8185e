package dev.kehu.crm.internal;

import dev.kehu.crm.common.validation.HasTextValidator;
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
     * Blank in the sense of {@code @HasText}: absent, or nothing a reader can see (see
     * {@link HasTextValidator#hasText}), so that no rule accepts as text what the input checks refuse.
     */
    public static boolean isBlank(CharSequence text) {
        return !HasTextValidator.hasText(text);
    }

    /**
     * {@code null} for absent or blank text, the text without surrounding white space otherwise: for addresses
     * (e-mail, website), where a space a form or an import left around them never means anything.
     */
    public static String stripToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }

    /**
     * What people typed into a search box, without what no stored value contains and some databases refuse in a
     * query: control characters and broken surrogate pairs. {@code null} stays {@code null}.
     */
    public static String searchable(String text) {
        return text == null ? null : text.replaceAll("\\p{Cc}|\\p{Cs}", "");
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
