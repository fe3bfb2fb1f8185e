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
        Problems problems = new Problems(locale);
        if (command == null) {
            problems.add("", "input.required", null);
            return problems;
        }
        // Messages exist in Chinese and English only, so two validators serve every locale.
        Locale language = Labelled.isChinese(locale) ? Locale.CHINESE : Locale.ENGLISH;
        Validator validator = validators.computeIfAbsent(language, l -> factory.usingContext()
                .messageInterpolator(new LocalizedMessageInterpolator(l)).getValidator());
        Set<ConstraintViolation<Object>> found = validator.validate(command);
        found.stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> problems.violations.add(
                        new Violation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue())));
        return problems;
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Violations gathered for one input; {@link #throwIfAny()} ends the check. */
    public static final class Problems {
        private final Locale locale;
        private final List<Violation> violations = new ArrayList<>();

        Problems(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }

        /** Adds a violation whose message is {@code messageKey} in the caller's locale. */
        public Problems add(String path, String messageKey, Object rejectedValue, Object... arguments) {
            violations.add(new Violation(path, Messages.get(locale, messageKey, arguments), rejectedValue));
            return this;
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
