package dev.kehu.crm.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;

/**
 * A phone number in E.164 form ({@code +8613800138000}), so that every written form of one number
 * compares equal: {@code 138 0013 8000}, {@code +86-138-0013-8000} and {@code 008613800138000} are the
 * same caller.
 */
public record PhoneNumber(String e164) {
    /** The default region when a number is written without a country code. */
    public static final String CHINA = "CN";

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /**
     * Reads a number as people write it. Numbers without a country code belong to {@code defaultRegion}
     * (an ISO 3166 code such as {@code CN}). Empty when the text is not a valid number.
     */
    public static Optional<PhoneNumber> parse(String text, String defaultRegion) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(text, defaultRegion);
            if (!util.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(util.format(parsed, PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code region} is an ISO 3166 region whose numbering plan is known. */
    public static boolean isSupportedRegion(String region) {
        return region != null && PhoneNumberUtil.getInstance().getSupportedRegions().contains(region);
    }

    /** The number as people of its own country write it, e.g. {@code 010 6512 3456} or {@code 138 0013 8000}. */
    public String national() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, CHINA), PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    @Override
    public String toString() { return e164; }
}
