package dev.kehu.crm.common;

/** The common rule for every identifier's text: 1–64 printable ASCII characters. */
public final class Identifiers {
    public static final int MAX_LENGTH = 64;
    /** The same rule as a regular expression, for Jakarta's {@code @Pattern} on inputs. */
    public static final String PATTERN = "[!-~]{1,64}";

    private Identifiers() {
    }

    public static String check(String value, String what) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(what + " must be 1–" + MAX_LENGTH
                    + " printable ASCII characters without spaces, got: " + value);
        }
        return value;
    }
}
