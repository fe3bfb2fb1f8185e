package dev.kehu.crm.common;

import java.util.Locale;

/** A value with labels in Chinese and English (Q3). */
public interface Labelled {
    /** The label for {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    String label(Locale locale);

    static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
