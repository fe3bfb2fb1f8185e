package dev.kehu.crm.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.internal.InputValidator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/** The checks of quote input: every bad value is a violation on its own path, never a crash. */
class QuoteDetailsPropertiesTest {
    private static final InputValidator VALIDATOR = new InputValidator();
    private static final int LINES = 3;

    @AfterContainer
    static void close() {
        VALIDATOR.close();
    }

    private static QuoteLineDetails validLine() {
        return new QuoteLineDetails("KH-100 服务器", new BigDecimal("3"), new BigDecimal("1999.00"), new BigDecimal("15"));
    }

    private static QuoteDetails.Builder valid() {
        QuoteDetails.Builder builder = QuoteDetails.of(QuoteFixtures.CUSTOMER, QuoteFixtures.DAY, QuoteFixtures.CNY)
                .opportunity("o-7").notes("含税价\n有效期30天");
        for (int i = 0; i < LINES; i++) builder.line(validLine());
        return builder;
    }

    private static List<Violation> violations(QuoteDetails details, Locale locale) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> VALIDATOR.check(details, locale).throwIfAny());
        return e == null ? List.of() : e.violations();
    }

    /** The distinct paths with a violation: one bad value may break several constraints of its field. */
    private static Set<String> paths(QuoteDetails details) {
        return violations(details, Locale.ENGLISH).stream().map(Violation::path).collect(Collectors.toCollection(TreeSet::new));
    }

    private static QuoteDetails withLine(int index, QuoteLineDetails line) {
        List<QuoteLineDetails> lines = new ArrayList<>(valid().build().lines());
        lines.set(index, line);
        return valid().lines(lines).build();
    }

    // ---- examples

    @Example
    @Label("well-formed details have no violation, with or without the optional values")
    void validDetails() {
        assertThat(paths(valid().build())).isEmpty();
        assertThat(paths(valid().opportunity(null).notes(null).lines(List.of()).build())).isEmpty();
        assertThat(valid().opportunity(" ").notes("").build()).satisfies(d -> {
            assertThat(d.opportunity()).as("a blank opportunity is none").isNull();
            assertThat(d.notes()).isNull();
        });
        assertThat(paths(withLine(0, new QuoteLineDetails("免费培训", BigDecimal.ONE, BigDecimal.ZERO, null)))).isEmpty();
        assertThat(paths(withLine(0, new QuoteLineDetails("全额折扣", new BigDecimal("0.0001"),
                new BigDecimal("999999999999999.9999"), new BigDecimal("100.00"))))).isEmpty();
    }

    @Example
    @Label("a bad value in a line is reported with the index of its line")
    void linePaths() {
        List<QuoteLineDetails> lines = List.of(validLine(),
                new QuoteLineDetails(" ", new BigDecimal("-1"), new BigDecimal("-0.01"), new BigDecimal("101")));

        assertThat(paths(valid().lines(lines).build()))
                .containsExactly("lines[1].discountPercent", "lines[1].product", "lines[1].quantity", "lines[1].unitPrice");
    }

    @Example
    @Label("huge and absurdly precise numbers are violations, not crashes")
    void hugeNumbers() {
        BigDecimal sixteenDigits = new BigDecimal("1000000000000000");
        BigDecimal astronomical = new BigDecimal("1E+999999999");
        BigDecimal tiny = new BigDecimal("1E-999999999");

        assertThat(paths(withLine(0, new QuoteLineDetails("P", sixteenDigits, BigDecimal.ONE, null))))
                .containsExactly("lines[0].quantity");
        assertThat(paths(withLine(1, new QuoteLineDetails("P", BigDecimal.ONE, astronomical, null))))
                .containsExactly("lines[1].unitPrice");
        assertThat(paths(withLine(2, new QuoteLineDetails("P", tiny, BigDecimal.ONE, tiny))))
                .containsExactly("lines[2].discountPercent", "lines[2].quantity");
        assertThat(paths(withLine(0, new QuoteLineDetails("P", BigDecimal.ONE, new BigDecimal("0.00001"), null))))
                .containsExactly("lines[0].unitPrice");
    }

    @Example
    @Label("missing values are violations: customer, date, currency, a line's quantity and price, a whole line")
    void missingValues() {
        List<QuoteLineDetails> lines = Arrays.asList(new QuoteLineDetails(null, null, null, null), null);

        assertThat(paths(valid().customer(null).date(null).currency(null).lines(lines).build())).containsExactly(
                "currency", "customer", "date", "lines[0].product", "lines[0].quantity", "lines[0].unitPrice",
                "lines[1].<list element>");
    }

    @Example
    @Label("ids that cannot be identifiers are rejected, not passed on")
    void badIds() {
        assertThat(paths(valid().customer("客户 1").opportunity("o 7").build())).containsExactly("customer", "opportunity");
        assertThat(paths(valid().customer("").build())).containsExactly("customer");
        assertThat(paths(valid().opportunity("x".repeat(65)).build())).containsExactly("opportunity");
    }

    @Example
    @Label("notes may span lines but may not hide control characters, and a product name is one line")
    void text() {
        assertThat(paths(valid().notes("含税\u0000").build())).containsExactly("notes");
        assertThat(paths(withLine(0, new QuoteLineDetails("KH-100\n服务器", BigDecimal.ONE, BigDecimal.ONE, null))))
                .containsExactly("lines[0].product");
    }

    @Example
    @Label("an unknown currency is one violation, with the value as given")
    void currencyViolation() {
        assertThat(violations(valid().currency("RMB").build(), Locale.ENGLISH)).singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("currency"))
                .satisfies(v -> assertThat(v.rejectedValue()).isEqualTo("RMB"));
    }

    // ---- properties

    @Property(tries = 200)
    @Label("any quantity of zero or less is a violation of that line's quantity only")
    void nonPositiveQuantity(@ForAll("notPositive") BigDecimal quantity, @ForAll @IntRange(max = LINES - 1) int index) {
        QuoteLineDetails line = new QuoteLineDetails("P", quantity, BigDecimal.TEN, BigDecimal.ZERO);

        assertThat(paths(withLine(index, line))).containsExactly("lines[" + index + "].quantity");
    }

    @Provide
    Arbitrary<BigDecimal> notPositive() {
        return Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(new BigDecimal("-1E+30"), new BigDecimal("-0.0001")).ofScale(4),
                Arbitraries.bigDecimals().lessOrEqual(new BigDecimal("-0.1")).ofScale(1));
    }

    @Property(tries = 200)
    @Label("any negative unit price is a violation of that line's price only")
    void negativePrice(@ForAll("negative") BigDecimal price, @ForAll @IntRange(max = LINES - 1) int index) {
        QuoteLineDetails line = new QuoteLineDetails("P", BigDecimal.ONE, price, null);

        assertThat(paths(withLine(index, line))).containsExactly("lines[" + index + "].unitPrice");
    }

    @Provide
    Arbitrary<BigDecimal> negative() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1E+20"), new BigDecimal("-0.0001")).ofScale(4);
    }

    @Property(tries = 300)
    @Label("any discount below 0 or above 100 is a violation of that line's discount only")
    void discountOutOfRange(@ForAll("outOfRange") BigDecimal discount, @ForAll @IntRange(max = LINES - 1) int index) {
        QuoteLineDetails line = new QuoteLineDetails("P", BigDecimal.ONE, BigDecimal.ONE, discount);

        assertThat(paths(withLine(index, line))).containsExactly("lines[" + index + "].discountPercent");
    }

    @Provide
    Arbitrary<BigDecimal> outOfRange() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1E+6"), new BigDecimal("-0.01")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("100.01"), new BigDecimal("1E+20")).ofScale(2),
                Arbitraries.of(new BigDecimal("-0.000001"), new BigDecimal("100.000001"), new BigDecimal("1E+400")));
    }

    @Property(tries = 300)
    @Label("any discount from 0 to 100 in hundredths is accepted")
    void discountInRange(@ForAll("inRange") BigDecimal discount) {
        assertThat(paths(withLine(0, new QuoteLineDetails("P", BigDecimal.ONE, BigDecimal.ONE, discount)))).isEmpty();
    }

    @Provide
    Arbitrary<BigDecimal> inRange() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
    }

    @Property(tries = 300)
    @Label("any text that is not a known ISO 4217 code in upper case is a violation of the currency only")
    void unknownCurrency(@ForAll("notCurrencies") String currency) {
        assertThat(paths(valid().currency(currency).build())).containsExactly("currency");
    }

    @Provide
    Arbitrary<String> notCurrencies() {
        Set<String> known = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .collect(Collectors.toSet());
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "RMB", "cny", "Cny", " CNY", "CNY ", "CN", "CNYY", "元", "¥", "ＣＮＹ"),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(3),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(8))
                .filter(code -> !known.contains(code));
    }

    @Property(tries = 100)
    @Label("every currency of money the platform knows is accepted; gold, funds, test and no-currency codes are not")
    void knownCurrency(@ForAll("currencies") Currency currency) {
        Set<String> paths = paths(valid().currency(currency.getCurrencyCode()).build());
        if (currency.getDefaultFractionDigits() >= 0) assertThat(paths).isEmpty();
        else assertThat(paths).containsExactly("currency");
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(Currency.getAvailableCurrencies());
    }
}
