package dev.kehu.crm.internal;

import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.Labelled;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks commands with Jakarta Validation and collects, with the checks a service adds itself, every
 * violation into one {@link InvalidInputException}.
 */
public final class InputValidator implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Map<Locale, Validator> validators = new ConcurrentHashMap<>();

    public InputValidator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new LocalizedMessageInterpolator(Locale.ROOT))
                .buildValidatorFactory();
    }

    /** A fresh list of problems with {@code command}, to which a service may add its own. */
    public Problems check(Object command, Locale locale) {
        Problems problems = new Problems(locale, this);
        if (command == null) {
            problems.add("", "input.required", null);
            return problems;
        }
        sorted(validator(locale).validate(command)).forEach(v -> problems.violations.add(
                new Violation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue())));
        return problems;
    }

    /**
     * Adds to {@code problems} every rule of {@code kind} that {@code value}, a parameter of a use case, breaks, at
     * {@code path}; {@code null} breaks none. Returns {@code problems}, to check more or throw.
     */
    public Problems check(Problems problems, String path, Input kind, Object value) {
        Object held = kind.hold(value);
        if (held != null) {
            sorted(validator(problems.locale()).validate(held)).forEach(v -> problems.violations.add(
                    new Violation(path, v.getMessage(), value)));
        }
        return problems;
    }

    /** A fresh, empty list of problems, for checks that need stored data. */
    public Problems problems(Locale locale) {
        return new Problems(locale, this);
    }

    /**
     * A fresh list of problems with one parameter of a use case (see {@link #check(Problems, String, Input, Object)});
     * {@link Problems#check(String, Input, Object)} adds the next.
     */
    public Problems check(Locale locale, String path, Input kind, Object value) {
        return check(new Problems(locale, this), path, kind, value);
    }

    private Validator validator(Locale locale) {
        // Messages exist in Chinese and English only, so two validators serve every locale.
        Locale language = Labelled.isChinese(locale) ? Locale.CHINESE : Locale.ENGLISH;
        return validators.computeIfAbsent(language, l -> factory.usingContext()
                .messageInterpolator(new LocalizedMessageInterpolator(l)).getValidator());
    }

    private static List<ConstraintViolation<Object>> sorted(Set<ConstraintViolation<Object>> found) {
        return found.stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Violations gathered for one input; {@link #throwIfAny()} ends the check. */
    public static final class Problems {
        private final Locale locale;
        private final InputValidator validator;
        private final List<Violation> violations = new ArrayList<>();

        Problems(Locale locale) {
            this(locale, null);
        }

        Problems(Locale locale, InputValidator validator) {
            this.locale = locale;
            this.validator = validator;
        }

        public Locale locale() {
            return locale;
        }

        /** Adds a violation whose message is {@code messageKey} in the caller's locale. */
        public Problems add(String path, String messageKey, Object rejectedValue, Object... arguments) {
            violations.add(new Violation(path, Messages.get(locale, messageKey, arguments), rejectedValue));
            return this;
        }

        /** Adds every rule of {@code kind} that {@code value}, a parameter of a use case, breaks, at {@code path}. */
        public Problems check(String path, Input kind, Object value) {
            if (validator == null) throw new IllegalStateException("these problems were not made by a validator");
            return validator.check(this, path, kind, value);
        }

        public boolean has(String path) {
            return violations.stream().anyMatch(v -> v.path().equals(path));
        }

        /** Whether {@code path} or anything inside it ({@code path.field}, {@code path[i]}) has a violation. */
        public boolean hasUnder(String path) {
            return violations.stream().anyMatch(v -> v.path().equals(path) || v.path().startsWith(path + ".")
                    || v.path().startsWith(path + "["));
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) throw new InvalidInputException(violations);
        }
    }
}
