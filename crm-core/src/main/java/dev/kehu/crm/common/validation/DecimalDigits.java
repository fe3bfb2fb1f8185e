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

/**
 * The number ({@code BigDecimal}) has at most {@link #integer()} digits before the decimal point and
 * {@link #fraction()} after it, trailing zeros aside, whatever its exponent: {@code 1E+3} is 1000, {@code 1E+400} is
 * refused. Jakarta's {@code @Digits} counts the integer digits in an {@code int} that an exponent near
 * {@code Integer.MAX_VALUE} overflows, so that it passes {@code 1E+2147483647}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = DecimalDigitsValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface DecimalDigits {
    int integer();

    int fraction();

    String message() default "{jakarta.validation.constraints.Digits.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
