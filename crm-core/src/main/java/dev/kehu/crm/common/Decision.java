package dev.kehu.crm.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The answer of a rule: allowed, or refused with a stable code and the values its message needs. */
public record Decision(String refusal, List<Object> arguments) {
    private static final Decision ALLOW = new Decision(null, List.of());

    public Decision {
        arguments = List.copyOf(arguments);
    }

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision refuse(String code, Object... arguments) {
        return new Decision(code, List.of(arguments));
    }

    public boolean allowed() {
        return refusal == null;
    }

    /** This decision if it refuses, otherwise the next one's. */
    public Decision and(Supplier<Decision> next) {
        return allowed() ? next.get() : this;
    }

    /** Throws a {@link BusinessRuleException} with the message in {@code locale} when this is a refusal. */
    public void orThrow(Locale locale) {
        if (!allowed()) {
            throw BusinessRuleException.of(refusal, locale, arguments.toArray());
        }
    }
}
