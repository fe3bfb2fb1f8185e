package dev.kehu.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.quote.QuoteLineDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

class InputValidatorPropertiesTest {
    private static final InputValidator VALIDATOR = new InputValidator();

    @AfterContainer
    static void close() {
        VALIDATOR.close();
    }

    private static CustomerDetails.Builder valid() {
        return CustomerDetails.company("北京华夏科技有限公司").email("info@huaxia.example.cn")
                .website("https://www.huaxia.example.cn").staffSize(120).category("VIP").notes("重点客户\n二期项目");
    }

    private static List<Violation> violations(Object command, Locale locale) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> VALIDATOR.check(command, locale).throwIfAny());
        return e == null ? List.of() : e.violations();
    }

    private static List<String> paths(CustomerDetails details) {
        return violations(details, Locale.ENGLISH).stream().map(Violation::path).toList();
    }

    @Example
    @Label("well-formed details have no violation")
    void validDetails() {
        assertThat(paths(valid().build())).isEmpty();
    }

    @Property(tries = 200)
    @Label("any name of printable text, SQL metacharacters and emoji included, is accepted as it is")
    void printableNamesAreValid(@ForAll("printableNames") String name) {
        assertThat(paths(valid().name(name).build())).isEmpty();
    }

    @Provide
    Arbitrary<String> printableNames() {
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(200)
                .filter(s -> !s.isBlank());
        Arbitrary<String> hostile = Arbitraries.of("'; DROP TABLE customer; --", "Robert\"); DELETE FROM contact;--",
                "100% _off_ \\ \\\\", "=cmd|' /C calc'!A0", "O'Brien & Sons <b>", "花店🌸😀", "👨‍👩‍👧 family");
        return Arbitraries.oneOf(chinese, ascii, hostile);
    }

    @Property(tries = 100)
    @Label("a blank name is rejected")
    void blankNames(@ForAll("blanks") String name) {
        assertThat(paths(valid().name(name).build())).containsExactly("name");
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\u3000', '\u2003').ofMaxLength(10)
                .injectNull(0.1);
    }

    @Property(tries = 50)
    @Label("a name longer than 200 characters is rejected")
    void longNames(@ForAll @IntRange(min = 201, max = 5000) int length) {
        assertThat(paths(valid().name("华".repeat(length)).build())).containsExactly("name");
    }

    @Property(tries = 200)
    @Label("a control character, a direction override or a broken surrogate anywhere in a name is rejected")
    void hiddenCharacters(@ForAll("hidden") char hidden, @ForAll @IntRange(max = 5) int position) {
        String name = "华夏科技";
        int at = Math.min(position, name.length());
        assertThat(paths(valid().name(name.substring(0, at) + hidden + name.substring(at)).build()))
                .containsExactly("name");
    }

    @Provide
    Arbitrary<Character> hidden() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'),
                Arbitraries.chars().range('\u202a', '\u202e'), Arbitraries.chars().range('\u2066', '\u2069'),
                Arbitraries.chars().range('\ud800', '\udfff'));
    }

    @Example
    @Label("line breaks and tabs are allowed in notes but not in a name")
    void lineBreaks() {
        assertThat(paths(valid().notes("第一行\n第二行\r\n\t缩进").build())).isEmpty();
        assertThat(paths(valid().name("华夏\n科技").build())).containsExactly("name");
    }

    @Property(tries = 100)
    @Label("a malformed e-mail address is rejected")
    void badEmails(@ForAll("badEmails") String email) {
        assertThat(paths(valid().email(email).build())).containsExactly("email");
    }

    @Provide
    Arbitrary<String> badEmails() {
        return Arbitraries.of("plainaddress", "@no-local.cn", "two@@at.cn", "no-domain@", "spaces in@mail.cn",
                "nodot@localhost", "a@b", "中文@", "x@y.", "<script>@x.cn");
    }

    @Property(tries = 100)
    @Label("a malformed website is rejected")
    void badWebsites(@ForAll("badWebsites") String website) {
        assertThat(paths(valid().website(website).build())).containsExactly("website");
    }

    @Provide
    Arbitrary<String> badWebsites() {
        return Arbitraries.of("not a url", "javascript:alert(1)", "ftp://files.example.cn", "http://", "www",
                "http://exa mple.com", "https://.cn", "file:///etc/passwd");
    }

    @Property(tries = 100)
    @Label("a negative staff size is rejected")
    void negativeStaff(@ForAll @IntRange(min = Integer.MIN_VALUE, max = -1) int staff) {
        assertThat(paths(valid().staffSize(staff).build())).containsExactly("staffSize");
    }

    @Property(tries = 200)
    @Label("a code that is not one of its enumeration's constants is rejected for every coded field")
    void unknownCodes(@ForAll("unknownCodes") String code, @ForAll("codedFields") CodedField field) {
        assertThat(paths(field.with(valid(), code).build())).containsExactly(field.path);
    }

    record CodedField(String path, BiFunction<CustomerDetails.Builder, String, CustomerDetails.Builder> setter) {
        CustomerDetails.Builder with(CustomerDetails.Builder builder, String code) {
            return setter.apply(builder, code);
        }

        @Override
        public String toString() { return path; }
    }

    @Provide
    Arbitrary<CodedField> codedFields() {
        return Arbitraries.of(
                new CodedField("type", CustomerDetails.Builder::type),
                new CodedField("valueRating", CustomerDetails.Builder::valueRating),
                new CodedField("creditRating", CustomerDetails.Builder::creditRating),
                new CodedField("category", CustomerDetails.Builder::category),
                new CodedField("relationship", CustomerDetails.Builder::relationship),
                new CodedField("lifecycleStage", CustomerDetails.Builder::lifecycleStage),
                new CodedField("gender", CustomerDetails.Builder::gender));
    }

    @Provide
    Arbitrary<String> unknownCodes() {
        return Arbitraries.oneOf(Arbitraries.of("vip", "高", "HIGHEST", "1", " VIP", "DROP TABLE"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).filter(s -> !s.matches(
                        "COMPANY|INDIVIDUAL|HIGH|MEDIUM|LOW|POTENTIAL|ORDINARY|VIP|AGENT|PARTNER|INACTIVE|CLOSE|GOOD|FAIR|POOR"
                                + "|PRE_SALES|CONTRACT_EXECUTION|AFTER_SALES|CONTRACT_EXPIRED|MALE|FEMALE|UNSPECIFIED")));
    }

    @Example
    @Label("every violation of one input is reported at once, with its path and rejected value")
    void allAtOnce() {
        CustomerDetails details = valid().name(" ").email("nope").staffSize(-3).category("SUPER").tags("ok", "").build();
        List<Violation> found = violations(details, Locale.ENGLISH);
        assertThat(found).extracting(Violation::path)
                .containsExactlyInAnyOrder("name", "email", "staffSize", "category", "tags[1].<list element>");
        assertThat(found).filteredOn(v -> v.path().equals("staffSize")).singleElement()
                .satisfies(v -> assertThat(v.rejectedValue()).isEqualTo(-3));
    }

    @Example
    @Label("messages are in Chinese for a Chinese-speaking actor and in English otherwise")
    void languages() {
        CustomerDetails details = valid().category("SUPER").staffSize(-1).build();
        assertThat(violations(details, Locale.SIMPLIFIED_CHINESE)).extracting(Violation::message)
                .containsExactlyInAnyOrder("必须是以下之一：POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE", "不能为负数");
        assertThat(violations(details, Locale.ENGLISH)).extracting(Violation::message)
                .containsExactlyInAnyOrder("must be one of: POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE",
                        "must not be negative");
    }

    @Example
    @Label("size limits name their bounds in the message")
    void sizeMessage() {
        assertThat(violations(valid().name("x".repeat(201)).build(), Locale.ENGLISH)).extracting(Violation::message)
                .containsExactly("length must be between 0 and 200");
    }

    @Example
    @Label("contact details are checked the same way")
    void contactDetails() {
        ContactDetails details = ContactDetails.of(new CustomerId("c1"), "").email("bad").category("BOSS").build();
        assertThat(violations(details, Locale.ENGLISH)).extracting(Violation::path)
                .containsExactlyInAnyOrder("name", "email", "category");
    }

    @Example
    @Label("an id that cannot be an identifier is rejected, not passed on")
    void badIds() {
        assertThat(paths(valid().parent("客户 1").build())).containsExactly("parent");
        ContactDetails contact = ContactDetails.of(new CustomerId("c1"), "王伟").customer("c 1").orgUnit("x".repeat(65)).build();
        assertThat(violations(contact, Locale.ENGLISH)).extracting(Violation::path)
                .containsExactlyInAnyOrder("customer", "orgUnit");
    }

    @Example
    @Label("a website or e-mail hiding a control or direction character is rejected")
    void hiddenInLinks() {
        assertThat(paths(valid().website("a.com/\u0000").email("x\u202e@mail.cn").build()))
                .containsExactlyInAnyOrder("website", "email");
    }

    @Example
    @Label("empty strings from a form mean 'not given', so defaults apply instead of errors")
    void emptyStrings() {
        CustomerDetails details = valid().number("").valueRating("").category("").parent("").phone("").build();
        assertThat(paths(details)).isEmpty();
        assertThat(details.number()).isNull();
        assertThat(details.category()).isNull();
    }

    @Example
    @Label("a name of no-break spaces is blank")
    void noBreakSpaces() {
        assertThat(paths(valid().name("\u00a0\u202f").build())).containsExactly("name");
    }

    @Example
    @Label("a name of invisible characters only is blank; one with a line separator is not plain")
    void invisibleNames() {
        assertThat(paths(valid().name("\u200B\uFEFF\u200D").build())).containsExactly("name");
        assertThat(paths(valid().name("华夏\u2028科技").notes("第一行\u2028第二行").build())).containsExactly("name");
    }

    @Example
    @Label("an e-mail address and a website lose the blanks around them before they are checked")
    void paddedAddresses() {
        CustomerDetails details = valid().email(" Info@HuaXia.example.cn\t").website("\u3000www.huaxia.example.cn ").build();
        assertThat(paths(details)).isEmpty();
        assertThat(details.email()).isEqualTo("Info@HuaXia.example.cn");
        assertThat(details.website()).isEqualTo("www.huaxia.example.cn");
    }

    @Example
    @Label("numbers are checked by their value whatever their exponent, and trailing zeros do not count")
    void exponents() {
        QuoteLineDetails line = new QuoteLineDetails("服务器", new BigDecimal("1E+2147483647"), new BigDecimal("1E-2147483647"),
                new BigDecimal("12.5000000000"));
        assertThat(violations(line, Locale.ENGLISH)).extracting(Violation::path).containsExactlyInAnyOrder("quantity",
                "unitPrice");
        assertThat(violations(new QuoteLineDetails("服务器", new BigDecimal("1E+3"), new BigDecimal("12.5000000000"), null),
                Locale.ENGLISH)).isEmpty();
    }

    @Example
    @Label("days outside the years 1 to 9999 and currencies that are not money are refused")
    void daysAndCurrencies() {
        OpportunityDetails details = OpportunityDetails.of(new CustomerId("c1"), "ERP").discoveredOn(LocalDate.of(0, 12, 31))
                .expectedSigningDate(LocalDate.of(10000, 1, 1)).expected(BigDecimal.ONE, "XXX").build();
        assertThat(violations(details, Locale.ENGLISH)).extracting(Violation::path)
                .containsExactlyInAnyOrder("discoveredOn", "expectedSigningDate", "currency");
        OpportunityDetails edges = OpportunityDetails.of(new CustomerId("c1"), "ERP").discoveredOn(LocalDate.of(1, 1, 1))
                .expectedSigningDate(LocalDate.of(9999, 12, 31)).expected(BigDecimal.ONE, "CLF").build();
        assertThat(violations(edges, Locale.ENGLISH)).isEmpty();
    }

    @Example
    @Label("a parameter is checked by the rules of its kind, with the violation at its name")
    void parameters() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> VALIDATOR
                .check(Locale.ENGLISH, "note", Input.NOTE, "第一行\n\u0000").check("day", Input.DAY, LocalDate.MAX)
                .check("when", Input.INSTANT, Instant.MIN).check("title", Input.LINE, "a\tb").throwIfAny());
        assertThat(e.violations()).extracting(Violation::path).containsExactly("note", "day", "when", "title");
        VALIDATOR.check(Locale.ENGLISH, "note", Input.NOTE, "第一行\n\t第二行").check("title", Input.LINE, null)
                .check("id", Input.ID, "c-1").throwIfAny();
    }

    @Example
    @Label("a missing input is one violation, not a crash")
    void missingInput() {
        assertThat(violations(null, Locale.ENGLISH)).extracting(Violation::path).containsExactly("");
    }
}
