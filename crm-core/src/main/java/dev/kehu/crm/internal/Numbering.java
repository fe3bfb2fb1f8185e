package dev.kehu.crm.internal;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.validation.PlainTextValidator;
import dev.kehu.crm.security.Actor;
import java.util.Optional;
import java.util.function.Function;

/**
 * The numbers people quote for contracts and orders: 1 to {@value #MAX_LENGTH} characters of plain text (see
 * {@link PlainTextValidator}; surrounding blanks are dropped), unique per tenant. A
 * use case checks a new number before it writes anything, so a refusal leaves no trace (the store's unique key
 * still stops a concurrent taker).
 */
public final class Numbering {
    /** The longest number every store keeps. */
    public static final int MAX_LENGTH = 200;

    private Numbering() {
    }

    /**
     * {@code number} without surrounding blanks, once it is free.
     *
     * @param prefix   the prefix of the refusals' codes: {@code <prefix>.number.invalid}, {@code <prefix>.number.taken}
     * @param byNumber finds the record that has a number in the actor's tenant
     */
    public static String free(Actor actor, String prefix, String number, Function<String, Optional<?>> byNumber) {
        String value = Text.blankToNull(number);
        if (value == null || value.strip().length() > MAX_LENGTH || !PlainTextValidator.isPlain(value, false)) {
            throw BusinessRuleException.of(prefix + ".number.invalid", actor.locale(), String.valueOf(number), MAX_LENGTH);
        }
        value = value.strip();
        if (byNumber.apply(value).isPresent()) {
            throw BusinessRuleException.of(prefix + ".number.taken", actor.locale(), value);
        }
        return value;
    }
}
