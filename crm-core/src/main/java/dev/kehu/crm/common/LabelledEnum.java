package dev.kehu.crm.common;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A fixed enumeration of the requirements whose labels live in the {@code labels} bundle beside this
 * interface, under {@code SimpleClassName.CONSTANT}.
 */
public interface LabelledEnum extends Labelled {
    String name();

    @Override
    default String label(Locale locale) {
        Class<?> type = ((Enum<?>) this).getDeclaringClass();
        ResourceBundle bundle = ResourceBundle.getBundle("dev.kehu.crm.common.labels",
                Labelled.isChinese(locale) ? Locale.CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = type.getSimpleName() + "." + name();
        return bundle.containsKey(key) ? bundle.getString(key) : name();
    }
}
