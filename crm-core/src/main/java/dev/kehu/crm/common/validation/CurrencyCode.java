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
 * The text is an ISO 4217 currency code that {@link java.util.Currency} knows, in upper case ({@code CNY},
 * {@code USD}): three letters alone are not enough, since {@code Currency.getInstance("ABC")} would throw. Codes
 * without minor units are refused: they name precious metals, funds, test or "no currency" ({@code XAU}, {@code XDR},
 * {@code XTS}, {@code XXX}), not money. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = CurrencyCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface CurrencyCode {
    String message() default "{dev.kehu.crm.CurrencyCode.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
