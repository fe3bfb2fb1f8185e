package dev.kehu.crm.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public final class HasTextValidator implements ConstraintValidator<HasText, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return hasText(value);
    }

    /**
     * Whether {@code text} has something a reader can see: not only white space (the no-break and ideographic spaces
     * included) and invisible format characters such as zero-width spaces and joiners or a byte-order mark. The one
     * rule of blankness for the input checks and the domain, so that none accepts what another refuses.
     */
    public static boolean hasText(CharSequence text) {
        return text != null && text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT);
    }
}
