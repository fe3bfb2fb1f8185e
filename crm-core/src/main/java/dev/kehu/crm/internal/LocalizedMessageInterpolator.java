package dev.kehu.crm.internal;

import dev.kehu.crm.common.Messages;
import jakarta.validation.MessageInterpolator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves {@code {key}} from Kehu's message bundle, then {@code {attribute}} from the constraint.
 * Kehu ships its own messages so that they are the same whichever Jakarta Validation implementation
 * is present, and needs no expression language at run time.
 */
final class LocalizedMessageInterpolator implements MessageInterpolator {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    // Jakarta Validation passes the JVM's default locale unless the interpolator is bound to the caller's.
    private final Locale locale;

    LocalizedMessageInterpolator(Locale locale) {
        this.locale = locale;
    }

    @Override
    public String interpolate(String template, Context context, Locale ignored) {
        return interpolate(template, context);
    }

    @Override
    public String interpolate(String template, Context context) {
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        String resolved = replace(template, key -> Messages.find(locale, key));
        return replace(resolved, key -> attributes.containsKey(key) ? render(attributes.get(key)) : null);
    }

    private static String replace(String text, Function<String, String> lookup) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = lookup.apply(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String render(Object value) {
        if (value instanceof Class<?> type && type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
