package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

/**
 * One reason an input was rejected.
 *
 * @param path          the field path, e.g. {@code email} or {@code tags[2]}
 * @param message       the message in the caller's locale
 * @param rejectedValue the value as given (may be {@code null})
 */
public record Violation(String path, String message, Object rejectedValue) {
    public Violation {
        requireNonNull(path, "path");
        requireNonNull(message, "message");
    }
}
