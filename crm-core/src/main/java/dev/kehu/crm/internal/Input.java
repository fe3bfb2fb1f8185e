package dev.kehu.crm.internal;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.validation.CurrencyCode;
import dev.kehu.crm.common.validation.DecimalDigits;
import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Function;

/**
 * The kinds of value that use cases take one by one, as parameters, rather than in a details record. Each kind has
 * the constraints of the details records' fields of that kind, declared once here and checked by the same validator
 * ({@link InputValidator#check(InputValidator.Problems, String, Input, Object)}), so that a note given to a stage
 * move obeys the same rules as the notes of a form.
 */
public enum Input {
    /** A name, title, party, number or other text of one line: at most 200 characters of plain text. */
    LINE(value -> new Line((String) value)),
    /** A note, reason, description or outcome: at most 4000 characters of plain text; line breaks and tabs allowed. */
    NOTE(value -> new Note((String) value)),
    /** The terms of a contract or the body of an article: at most 100,000 characters, as {@link #NOTE} otherwise. */
    DOCUMENT(value -> new Document((String) value)),
    /** A day: in the years 1 to 9999. */
    DAY(value -> new Day((LocalDate) value)),
    /** An instant: in the years 1 to 9999, in UTC. */
    INSTANT(value -> new Moment((Instant) value)),
    /** An amount of money: at most 15 integer digits, in a currency of money (not XAU, XTS, XXX…). */
    MONEY(value -> new Amount(((Money) value).amount(), ((Money) value).currency().getCurrencyCode())),
    /** A currency: one of money (not XAU, XTS, XXX…). */
    CURRENCY(value -> new CurrencyValue(((Currency) value).getCurrencyCode())),
    /** An identifier given as text: 1–64 printable ASCII characters. */
    ID(value -> new Id((String) value));

    /** The longest text of one line. */
    public static final int LINE_LENGTH = 200;
    /** The longest note. */
    public static final int NOTE_LENGTH = 4000;
    /** The longest document. */
    public static final int DOCUMENT_LENGTH = 100_000;

    private final Function<Object, Object> holder;

    Input(Function<Object, Object> holder) {
        this.holder = holder;
    }

    /** {@code value} in a record whose components carry this kind's constraints; {@code null} passes every one. */
    Object hold(Object value) {
        return value == null ? null : holder.apply(value);
    }

    record Line(@Size(max = LINE_LENGTH) @PlainText String value) {
    }

    record Note(@Size(max = NOTE_LENGTH) @PlainText(multiline = true) String value) {
    }

    record Document(@Size(max = DOCUMENT_LENGTH) @PlainText(multiline = true) String value) {
    }

    record Day(@FourDigitYear LocalDate value) {
    }

    record Moment(@FourDigitYear Instant value) {
    }

    record Amount(@DecimalDigits(integer = 15, fraction = 4) BigDecimal amount, @CurrencyCode String currency) {
    }

    record CurrencyValue(@CurrencyCode String value) {
    }

    record Id(@Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String value) {
    }
}
