package dev.kehu.crm.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The date ({@code LocalDate}) or instant ({@code Instant}, read in UTC) falls in a year from 1 to 9999: the range of
 * the SQL standard's dates, which every supported database stores exactly. Year 0, years before it and years of five
 * digits are refused, so that no store rounds, shifts or refuses a date half-way through a write. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = FourDigitYearValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface FourDigitYear {
    /** The first day kept. */
    LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    /** The last day kept. */
    LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    String message() default "{dev.kehu.crm.FourDigitYear.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
