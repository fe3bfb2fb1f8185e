package dev.kehu.crm.common;

import java.util.List;
import java.util.Locale;

/**
 * A use case was refused by a business rule (for example merging a customer into itself). The code names the
 * rule; the arguments fill in its message, so the message can be given again in another language.
 */
public final class BusinessRuleException extends KehuException {
    private final List<Object> arguments;

    public BusinessRuleException(String code, String message) {
        this(code, message, List.of());
    }

    private BusinessRuleException(String code, String message, List<Object> arguments) {
        super(code, message);
        this.arguments = arguments;
    }

    /** The refusal of rule {@code code}, with its message in {@code locale}. */
    public static BusinessRuleException of(String code, Locale locale, Object... arguments) {
        return new BusinessRuleException(code, Messages.get(locale, code, arguments), List.of(arguments));
    }

    /** What fills in the message of the rule, e.g. the record's id and status. */
    public List<Object> arguments() {
        return arguments;
    }

    /**
     * This refusal with its message in {@code locale}: the domain's rules refuse in a neutral language, and
     * the use case gives the message in the actor's. Unchanged when the rule has no message of its own.
     */
    public BusinessRuleException in(Locale locale) {
        if (Messages.find(locale, code()) == null) return this;
        BusinessRuleException localized = of(code(), locale, arguments.toArray());
        localized.setStackTrace(getStackTrace());
        return localized;
    }
}
