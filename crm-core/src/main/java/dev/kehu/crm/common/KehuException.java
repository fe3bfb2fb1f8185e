package dev.kehu.crm.common;

/** Base of every exception Kehu throws for a business outcome; unchecked by design. */
public class KehuException extends RuntimeException {
    private final String code;

    public KehuException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable machine-readable code such as {@code customer.not-found}, independent of the message language. */
    public String code() {
        return code;
    }
}
