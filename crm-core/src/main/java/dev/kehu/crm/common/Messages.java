package dev.kehu.crm.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Kehu's messages in Chinese (any {@code zh} locale) and English (every other locale), by the stable code of
 * an exception or violation; a host may use it to show a {@link KehuException#code()} in another language.
 */
public final class Messages {
    private static final String BUNDLE = "dev.kehu.crm.internal.messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... arguments) {
        String pattern = find(locale, key);
        if (pattern == null) return key;
        // A labelled argument (a stage, a status) shows its label in the message's language.
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof Labelled labelled ? labelled.label(locale) : arguments[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** The pattern for {@code key}, or {@code null} when there is none. */
    public static String find(Locale locale, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Labelled.isChinese(locale) ? Locale.CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
