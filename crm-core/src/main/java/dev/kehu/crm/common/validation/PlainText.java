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
 * Text a person could have typed: no control characters, C0 and C1 (tab and line breaks only where
 * {@link #multiline()}, the Unicode line and paragraph separators too), no bidirectional embeddings, overrides or
 * isolates that make text display differently from what it is (the marks U+200E, U+200F and U+061C are allowed), no
 * broken surrogate pairs, which no UTF-8 database can store. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {
    boolean multiline() default false;

    String message() default "{dev.kehu.crm.PlainText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
