package dev.kehu.crm.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        return text == null || isPlain(text, multiline);
    }

    /** Whether {@code text} is plain in the sense of {@link PlainText}, for checks that are not annotations. */
    public static boolean isPlain(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c)) {
                if (!(multiline && (c == '\n' || c == '\r' || c == '\t'))) return false;
            } else if (isBidiControl(c) || (!multiline && (c == '\u2028' || c == '\u2029'))) {
                return false;
            }
        }
        return true;
    }

    // Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) can make text read differently than it is.
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
