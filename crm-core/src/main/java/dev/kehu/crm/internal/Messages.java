package dev.kehu.crm.internal;

import dev.kehu.crm.common.Labelled;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Kehu's own messages in Chinese (any {@code zh} locale) and English (every other locale). */
public final class Messages {
    private static final String BUNDLE = "dev.kehu.crm.internal.messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... arguments) {
        String pattern = find(locale, key);
        if (pattern == null) return key;
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** The pattern for {@code key}, or {@code null} when there is none. */
    static String find(Locale locale, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Labelled.isChinese(locale) ? Locale.CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
