package dev.kehu.crm.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

public final class DecimalDigitsValidator implements ConstraintValidator<DecimalDigits, BigDecimal> {
    private int integer;
    private int fraction;

    @Override
    public void initialize(DecimalDigits annotation) {
        integer = annotation.integer();
        fraction = annotation.fraction();
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        if (value == null || value.signum() == 0) return true;
        BigDecimal stripped = value.stripTrailingZeros();
        // In long arithmetic: precision − scale overflows an int for exponents near Integer.MAX_VALUE.
        long integerDigits = (long) stripped.precision() - stripped.scale();
        long fractionDigits = Math.max(stripped.scale(), 0L);
        return integerDigits <= integer && fractionDigits <= fraction;
    }
}
