package dev.kehu.crm.common.validation;

import dev.kehu.crm.internal.Text;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public final class HasTextValidator implements ConstraintValidator<HasText, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return !Text.isBlank(value);
    }
}
