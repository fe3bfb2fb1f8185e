package dev.kehu.crm.store.tck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;

/**
 * Input as people type it, and as attackers and broken imports send it, for the property kits: text of many scripts,
 * and the hostile values of every kind (oversized text, control and direction characters, broken surrogate pairs,
 * SQL and CSV-formula payloads, absurd numbers and dates, wrong currencies and ids), each labelled with what the
 * input rules do with it (see "Hostile input" in docs/reliability.md).
 */
final class TextArbitraries {
    private TextArbitraries() {
    }

    /** Names: letters of several scripts, emoji, spaces, quotes, SQL and LIKE metacharacters; 1 to 200 chars. */
    static Arbitrary<String> names() {
        return text(" ").ofMinSize(1).ofMaxSize(12).map(parts -> String.join("", parts))
                .filter(name -> !name.isBlank() && name.length() <= 200);
    }

    /** Notes may also hold line breaks and tabs, or be empty. */
    static Arbitrary<String> notes() {
        return text("\n", "\r\n", "\t").ofMaxSize(30).map(parts -> String.join("", parts));
    }

    private static ListArbitrary<String> text(String... extraSeparators) {
        Arbitrary<String> words = Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withCharRange('\u4e00', '\u9fa5')
                .withChars('É', 'ü', 'Ж', 'ω')
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> awkward = Arbitraries.of("'; DROP TABLE customer; --", "'", "''", "\"", "\\", "\\\\",
                "%", "_", "%_", "\\%", "😀", "🚀", "👨‍👩‍👧", "北京华夏", "$1", "?", ":name", "/*", "*/", "--", ";", "`");
        Arbitrary<String> separators = Arbitraries.of(concat(" ", extraSeparators));
        return Arbitraries.frequencyOf(
                        Tuple.of(5, words),
                        Tuple.of(3, awkward),
                        Tuple.of(2, separators))
                .list();
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    // ---- Hostile input, labelled with what the rules do with it --------------------------------------------------

    /** What the input rules do with a value. */
    enum Verdict {
        /** Stored exactly as given (after the field's documented tidying). */
        KEPT,
        /** Kept in a field of several lines (notes), refused in a field of one line (tab, line breaks). */
        KEPT_IN_NOTES,
        /** Refused with a validation error naming the field; nothing is written. */
        REFUSED
    }

    /** One value for a field, what the rules do with it, and what kind of value it is (for the report). */
    record Sample<T>(T value, Verdict verdict, String kind) {
        static <T> Sample<T> kept(String kind, T value) {
            return new Sample<>(value, Verdict.KEPT, kind);
        }

        static <T> Sample<T> refused(String kind, T value) {
            return new Sample<>(value, Verdict.REFUSED, kind);
        }

        /** Whether a value other than text is accepted. */
        boolean accepted() {
            return verdict == Verdict.KEPT;
        }

        /** Whether this text is accepted by a field of at most {@code max} characters, of several lines or one. */
        boolean acceptedIn(int max, boolean multiline) {
            boolean kind = verdict == Verdict.KEPT || (verdict == Verdict.KEPT_IN_NOTES && multiline);
            return kind && ((String) value).length() <= max;
        }

        @Override
        public String toString() {
            return kind + " [" + verdict + "] " + shown(value);
        }
    }

    /** Text made visible for a report: controls, direction marks and surrogates escaped, long text abbreviated. */
    static String shown(Object value) {
        if (!(value instanceof String text)) return String.valueOf(value);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(text.length(), 60); i++) {
            char c = text.charAt(i);
            boolean plain = c >= ' ' && c < 0x7f || Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
            out.append(plain ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        out.append(text.length() > 60 ? "…\" (" + text.length() + " chars)" : "\"");
        return out.toString();
    }

    /** The named hostile texts every text field is tried with, whatever its length: kept ones first, then the broken. */
    static List<Sample<String>> namedTexts() {
        List<Sample<String>> all = new ArrayList<>();
        for (String sql : SQL) all.add(Sample.kept("SQL metacharacters", sql));
        for (String formula : FORMULAS) all.add(Sample.kept("CSV formula", formula));
        for (String odd : ODD) all.add(Sample.kept("unusual but valid", odd));
        for (String prefixed : FORMULAS_WITH_CONTROL_PREFIX) {
            all.add(new Sample<>(prefixed, Verdict.KEPT_IN_NOTES, "CSV formula behind a tab or line break"));
        }
        for (String broken : BROKEN) all.add(Sample.refused("control, direction or broken character", broken));
        return List.copyOf(all);
    }

    /** The named texts that no field keeps: control characters, direction overrides, broken surrogate pairs. */
    static List<String> brokenTexts() {
        return BROKEN;
    }

    /** SQL payloads aimed at Kehu's own tables, with each database's quoting tricks. */
    private static final List<String> SQL = List.of("'; DROP TABLE kehu_customer; --",
            "Robert'); DELETE FROM kehu_contact WHERE ('1'='1' /* `; TRUNCATE kehu_quote; ` */",
            "\\'; DROP TABLE kehu_outbox_message; -- \\ $$; DROP TABLE kehu_lead; $$ 100% _off_ \\% \\_ %%");
    /** What a spreadsheet would run if an export wrote it unescaped. */
    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A9)+HYPERLINK(\"http://evil.example\",\"点我\")");
    private static final List<String> FORMULAS_WITH_CONTROL_PREFIX = List.of("\t=cmd|' /C calc'!A0",
            "\r=1+1\r\n第二行\n\t缩进");
    /**
     * A byte-order mark in front; zero-width characters, emoji sequences, private use, combining marks, full width,
     * U+FFFD and HTML inside; right-to-left text with its direction marks.
     */
    private static final List<String> ODD = List.of("\uFEFF北京华夏",
            "华\u200B夏\u200C科\u200D技 👨‍👩‍👧 🚀 \uE000 e\u0301\u0301 ＡＢＣ İstanbul ß ﬁ \uFFFD <script>alert(1)</script>",
            "שלום\u200Fabc\u200E");
    /** Control characters (C0, DEL, C1), direction overrides and isolates, and broken surrogate pairs. */
    private static final List<String> BROKEN = List.of("华夏\u0000科技", "\u0007响铃", "a\u001bb", "a\u007fb", "a\u0085b",
            "a\u009bb", "\u202Egnp.exe", "a\u2066b\u2069", "\uD800", "\uDC00abc", "abc\uD83D", "\uDE00\uD83D");

    /** Text for a field of at most {@code max} characters: typical, named hostile, oversized and salted with bad characters. */
    static Arbitrary<Sample<String>> text(int max) {
        Arbitrary<String> base = typed(Math.min(max, 120));
        return Arbitraries.frequencyOf(
                Tuple.of(4, base.map(v -> Sample.kept("typed text", v))),
                Tuple.of(3, Arbitraries.of(namedTexts())),
                Tuple.of(1, full(max)),
                Tuple.of(2, oversized(max)),
                Tuple.of(2, salted(base, controls(), Verdict.REFUSED, "with a control character")),
                Tuple.of(1, salted(base, Arbitraries.of('\t', '\n', '\r', '\u2028'), Verdict.KEPT_IN_NOTES,
                        "with a tab or line break")),
                Tuple.of(1, salted(base, Arbitraries.chars().range('\u202A', '\u202E')
                        .injectDuplicates(0).map(c -> c), Verdict.REFUSED, "with a direction override")),
                Tuple.of(1, salted(base, Arbitraries.chars().range('\uD800', '\uDFFF'), Verdict.REFUSED,
                        "with a lone surrogate")),
                Tuple.of(1, salted(base, Arbitraries.of('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E'),
                        Verdict.KEPT, "with a zero-width or direction mark")));
    }

    /** Text as people type it: never blank, never starting or ending with white space. */
    private static Arbitrary<String> typed(int max) {
        return names().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= max);
    }

    /** Exactly as long as the field allows, in ASCII, in Chinese or in emoji (two chars each). */
    private static Arbitrary<Sample<String>> full(int max) {
        return Arbitraries.of("x", "华", "😀").map(unit -> {
            String text = unit.repeat(max / unit.length()) + (max % unit.length() == 0 ? "" : "x");
            return Sample.kept("exactly " + max + " chars", text);
        });
    }

    /** One char too many, far too many, and an absurd amount. */
    private static Arbitrary<Sample<String>> oversized(int max) {
        return Combinators.combine(Arbitraries.of("y", "华", "🚀"), Arbitraries.of(max + 2, max * 10, 1_000_000))
                .as((unit, length) -> Sample.refused("over " + max + " chars",
                        unit.repeat(Math.max(length / unit.length(), 1) + 1)));
    }

    /** {@code base} with one of {@code salt} at a code point boundary. */
    private static Arbitrary<Sample<String>> salted(Arbitrary<String> base, Arbitrary<Character> salt,
                                                    Verdict verdict, String kind) {
        return Combinators.combine(base, salt, Arbitraries.integers().between(0, 1000)).as((text, c, where) -> {
            int points = text.codePointCount(0, text.length());
            int at = text.offsetByCodePoints(0, where % (points + 1));
            return new Sample<>(text.substring(0, at) + c + text.substring(at), verdict, kind);
        });
    }

    private static Arbitrary<Character> controls() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.chars().range('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'), Arbitraries.chars().range('\u007F', '\u009F'));
    }

    // ---- Numbers, dates, currencies, ids -------------------------------------------------------------------------

    /**
     * Amounts for a field of at most 15 integer digits and {@code decimals} decimals that must be more than zero
     * ({@code positive}) or not negative: exponents tiny and huge, too many decimals, negatives.
     */
    static Arbitrary<Sample<BigDecimal>> amounts(int decimals, boolean positive) {
        Arbitrary<Sample<BigDecimal>> valid = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("999999999999999"))
                .ofScale(decimals).map(v -> Sample.kept("amount", v));
        List<Sample<BigDecimal>> named = new ArrayList<>(List.of(
                Sample.kept("exponent", new BigDecimal("1E+3")),
                Sample.kept("trailing zeros", new BigDecimal("12.5000000000")),
                Sample.kept("largest", new BigDecimal("999999999999999").add(BigDecimal.ONE.movePointLeft(decimals).negate()
                        .add(BigDecimal.ONE))),
                Sample.refused("16 integer digits", new BigDecimal("1000000000000000")),
                Sample.refused("huge exponent", new BigDecimal("1E+400")),
                Sample.refused("exponent overflowing an int", new BigDecimal("1E+2147483647")),
                Sample.refused("tiny exponent", new BigDecimal("1E-2147483647")),
                Sample.refused("one decimal too many", BigDecimal.ONE.movePointLeft(decimals + 1).add(BigDecimal.ONE)),
                Sample.refused("negative", new BigDecimal("-1")),
                Sample.refused("negative huge", new BigDecimal("-1E+2147483647"))));
        named.add(positive ? Sample.refused("zero", BigDecimal.ZERO) : Sample.kept("zero", BigDecimal.ZERO));
        return Arbitraries.oneOf(valid, Arbitraries.of(named));
    }

    /**
     * Amounts of a {@code Money} in CNY, which rounds itself to two decimals: up to 15 integer digits (kept), 16 and a
     * huge exponent (refused).
     */
    static Arbitrary<Sample<BigDecimal>> moneyAmounts() {
        return Arbitraries.oneOf(Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("999999999999999.99"))
                .ofScale(2).map(v -> Sample.kept("amount", v)), Arbitraries.of(Sample.kept("cent", new BigDecimal("0.01")),
                Sample.kept("largest", new BigDecimal("999999999999999.99")), Sample.kept("exponent", new BigDecimal("1E+3")),
                Sample.refused("16 integer digits", new BigDecimal("1000000000000000")),
                Sample.refused("huge exponent", new BigDecimal("1E+400"))));
    }

    /** The first and last day kept. */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** Days from the year 1 to 9999 (kept, calendar reforms included) and outside it (refused). */
    static Arbitrary<Sample<LocalDate>> days() {
        Arbitrary<Sample<LocalDate>> any = Arbitraries.longs().between(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay())
                .map(d -> Sample.kept("day", LocalDate.ofEpochDay(d)));
        return Arbitraries.oneOf(any, Arbitraries.of(namedDays()));
    }

    static List<Sample<LocalDate>> namedDays() {
        return List.of(Sample.kept("year 1", FIRST_DAY), Sample.kept("year 9999", LAST_DAY),
                Sample.kept("calendar reform", LocalDate.of(1582, 10, 10)), Sample.kept("leap day", LocalDate.of(2000, 2, 29)),
                Sample.kept("epoch", LocalDate.of(1970, 1, 1)), Sample.kept("before 1900", LocalDate.of(1899, 12, 31)),
                Sample.refused("year 0", LocalDate.of(0, 12, 31)), Sample.refused("before Christ", LocalDate.of(-44, 3, 15)),
                Sample.refused("year 10000", LocalDate.of(10000, 1, 1)), Sample.refused("LocalDate.MIN", LocalDate.MIN),
                Sample.refused("LocalDate.MAX", LocalDate.MAX));
    }

    /** Instants from the year 1 to 9999 in UTC (kept, to the microsecond) and outside it (refused). */
    static Arbitrary<Sample<Instant>> instants() {
        Instant first = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant last = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
        Arbitrary<Sample<Instant>> any = Arbitraries.longs().between(first.getEpochSecond(), last.getEpochSecond())
                .map(s -> Sample.kept("instant", Instant.ofEpochSecond(s, 123_456_000)));
        return Arbitraries.oneOf(any, Arbitraries.of(Sample.kept("first", first), Sample.kept("last", last),
                Sample.kept("epoch", Instant.EPOCH), Sample.refused("year 0", first.minusSeconds(1)),
                Sample.refused("year 10000", last.plusSeconds(1)), Sample.refused("Instant.MIN", Instant.MIN),
                Sample.refused("Instant.MAX", Instant.MAX)));
    }

    /** Currency codes: money of every number of decimals (kept), and unknown, mistyped or not money (refused). */
    static Arbitrary<Sample<String>> currencyCodes() {
        return Arbitraries.of(Sample.kept("currency", "CNY"), Sample.kept("currency", "USD"),
                Sample.kept("no decimals", "JPY"), Sample.kept("three decimals", "KWD"),
                Sample.kept("four decimals", "CLF"), Sample.refused("lower case", "cny"),
                Sample.refused("padded", " CNY"), Sample.refused("unknown", "ABC"), Sample.refused("no currency", "XXX"),
                Sample.refused("gold", "XAU"), Sample.refused("test code", "XTS"), Sample.refused("a name", "人民币"),
                Sample.refused("SQL", "'; DROP TABLE kehu_quote; --"), Sample.refused("control", "C\u0000Y"));
    }

    /** Ids given as text: 1–64 printable ASCII characters (kept), anything else (refused). */
    static Arbitrary<Sample<String>> idTexts() {
        return Arbitraries.of(Sample.kept("id", "!~"), Sample.kept("64 chars", "i".repeat(64)),
                Sample.refused("space", "a b"), Sample.refused("Chinese", "客户1"), Sample.refused("65 chars", "i".repeat(65)),
                Sample.refused("tab", "a\tb"), Sample.refused("NUL", "a\u0000"), Sample.refused("SQL",
                        "'; DROP TABLE kehu_customer; --"), Sample.refused("lone surrogate", "a\uD800"));
    }

    /** What a caller's number may look like on a phone line or in an import: well formed, garbled and hostile. */
    static Arbitrary<String> phoneTexts() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789 +-()./x#*").ofMaxLength(45);
        return Arbitraries.oneOf(digits, Arbitraries.of("010-6512 3456", "+86 10 6512 3456", "(010) 65123456",
                "008610 65123456", "+8613800138000", "", " ", "\u0000", "+86\u0000138", "١٣٨٠٠١٣٨٠٠٠", "１３８００１３８０００",
                "\uD800138", "'; DROP TABLE kehu_contact; --", "=cmd|' /C calc'!A0", "9".repeat(10_000),
                "+86 138 0013 8000\u202E", "tel:+8613800138000"), Arbitraries.of(BROKEN), Arbitraries.of(SQL));
    }
}
