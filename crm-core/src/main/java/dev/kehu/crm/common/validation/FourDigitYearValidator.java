package dev.kehu.crm.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

public final class FourDigitYearValidator implements ConstraintValidator<FourDigitYear, Temporal> {
    private static final Instant START = FourDigitYear.FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END = FourDigitYear.LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Override
    public boolean isValid(Temporal value, ConstraintValidatorContext context) {
        if (value instanceof LocalDate day) {
            return !day.isBefore(FourDigitYear.FIRST_DAY) && !day.isAfter(FourDigitYear.LAST_DAY);
        }
        if (value instanceof Instant instant) return !instant.isBefore(START) && instant.isBefore(END);
        return value == null;
    }
}
