package dev.kehu.crm.common;

import java.util.List;
import java.util.stream.Collectors;

/** An input was rejected; lists every violation at once. Nothing was written. */
public final class InvalidInputException extends KehuException {
    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("input.invalid", describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.path() + ": " + v.message())
                .collect(Collectors.joining("; ", "Invalid input (" + violations.size() + "): ", ""));
    }
}
