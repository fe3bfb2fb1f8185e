package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.line;
import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.callcentre.Callers;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.OrgUnit;
import dev.kehu.crm.store.tck.TextArbitraries.Sample;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input through the customer, contact and call-centre use cases, on the store under test: every value is
 * either kept exactly as the rules tidy it or refused with a violation for each bad field, and a refusal leaves the
 * store as it was; SQL in any field is stored as text and executes nothing. The rules are in "Hostile input" of
 * docs/reliability.md.
 */
public abstract class CustomerInputPropertiesKit extends InputPropertiesSupport {
    private static final String NAME = "北京华夏科技有限公司";

    private Customer customer(String name) {
        return kehu().customers().create(rep(), CustomerDetails.company(name).phone("010-6512 3456").build());
    }

    private Customer storedCustomer(Customer c) {
        return store.customers().find(tenant, c.id()).orElseThrow();
    }

    private Contact storedContact(Contact c) {
        return store.contacts().find(tenant, c.id()).orElseThrow();
    }

    private static List<TextField<Customer>> customerFields() {
        return List.of(line("name", 200, true, Customer::name), note("notes", 4000, Customer::notes),
                line("address", 300, false, c -> c.address().street()), line("city", 100, false, c -> c.address().city()),
                line("province", 100, false, c -> c.address().province()),
                line("countryOrRegion", 100, false, c -> c.address().countryOrRegion()));
    }

    private static CustomerDetails.Builder fill(CustomerDetails.Builder details, Form form) {
        return details.name(form.text("name", NAME)).notes(form.text("notes")).address(form.text("address"))
                .city(form.text("city")).province(form.text("province")).countryOrRegion(form.text("countryOrRegion"));
    }

    private static List<TextField<Contact>> contactFields() {
        return List.of(line("name", 100, true, Contact::name), line("responsibility", 200, false, Contact::responsibility),
                line("salutation", 50, false, Contact::salutation), line("department", 100, false, Contact::department),
                line("position", 100, false, Contact::position), line("messenger", 100, false, Contact::messenger),
                line("homeAddress", 300, false, Contact::homeAddress), note("hobbies", 500, Contact::hobbies),
                note("notes", 4000, Contact::notes));
    }

    private static ContactDetails.Builder fill(ContactDetails.Builder details, Form form) {
        return details.name(form.text("name", "李娜")).responsibility(form.text("responsibility"))
                .salutation(form.text("salutation")).department(form.text("department")).position(form.text("position"))
                .messenger(form.text("messenger")).homeAddress(form.text("homeAddress")).hobbies(form.text("hobbies"))
                .notes(form.text("notes"));
    }

    @Override
    List<UseCase<?, ?>> useCases() {
        return List.of(
                new UseCase<Void, Customer>("customers.create", customerFields(), () -> null,
                        (none, form) -> kehu().customers().create(rep(), fill(CustomerDetails.company(NAME), form).build()),
                        this::storedCustomer),
                new UseCase<Customer, Customer>("customers.update", customerFields(), () -> customer(NAME),
                        (c, form) -> kehu().customers().update(rep(), c.id(), c.version(),
                                fill(CustomerDetails.of(c).toBuilder(), form).build()), this::storedCustomer),
                new UseCase<Customer, Customer>("customers.addDepartment",
                        List.of(line("name", OrgUnit.MAX_NAME_LENGTH, true,
                                c -> c.organisation().get(c.organisation().size() - 1).name())),
                        () -> customer(NAME), (c, form) -> kehu().customers().addDepartment(rep(), c.id(),
                                form.text("name"), null), this::storedCustomer),
                new UseCase<Customer, Contact>("contacts.create", contactFields(), () -> customer(NAME),
                        (c, form) -> kehu().contacts().create(rep(), fill(ContactDetails.of(c.id(), "李娜"), form).build()),
                        this::storedContact),
                new UseCase<Contact, Contact>("contacts.update", contactFields(),
                        () -> kehu().contacts().create(rep(), ContactDetails.of(customer(NAME).id(), "李娜").build()),
                        (k, form) -> kehu().contacts().update(rep(), k.id(), k.version(),
                                fill(ContactDetails.of(k).toBuilder(), form).build()), this::storedContact));
    }

    /** One bad value for one field. */
    record Bad(String field, BiFunction<CustomerDetails.Builder, String, CustomerDetails.Builder> set, String value) {
        @Override
        public String toString() { return field + "=" + TextArbitraries.shown(value); }
    }

    @Property(tries = 40)
    @Label("bad values in any fields are each reported, and nothing is written")
    void badInputWritesNothing(@ForAll("badValues") List<Bad> bad) {
        CustomerDetails.Builder details = CustomerDetails.company(NAME).phone("010-6512 3456");
        Map<String, Bad> byField = new LinkedHashMap<>();
        bad.forEach(b -> byField.put(b.field(), b));
        byField.values().forEach(b -> b.set().apply(details, b.value()));

        assertRefused(() -> kehu().customers().create(rep(), details.build()), byField.keySet().toArray(String[]::new));
    }

    @Provide
    Arbitrary<List<Bad>> badValues() {
        Arbitrary<Bad> one = Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u3000\u3000", "\u200B\uFEFF", "x".repeat(201), "华夏\u0000科技", "华夏\u202e科技",
                                "华夏\ud800")
                        .map(v -> new Bad("name", CustomerDetails.Builder::name, v)),
                Arbitraries.of("12345", "phone", "+1 000", "=cmd|' /C calc'!A0", "1".repeat(41))
                        .map(v -> new Bad("phone", CustomerDetails.Builder::phone, v)),
                Arbitraries.of("x@", "@x.cn", "a b@c.cn", "'; DROP TABLE kehu_customer; --")
                        .map(v -> new Bad("email", CustomerDetails.Builder::email, v)),
                Arbitraries.of("javascript:alert(1)", "not a site", "ftp://x.cn")
                        .map(v -> new Bad("website", CustomerDetails.Builder::website, v)),
                Arbitraries.of("SUPER", "vip", "潜在", " VIP")
                        .map(v -> new Bad("category", CustomerDetails.Builder::category, v)),
                Arbitraries.of("MINING", "it", "行业", "IT\u0000")
                        .map(v -> new Bad("industry", CustomerDetails.Builder::industry, v)),
                Arbitraries.of("no-such-customer", "客户1", "a b", "'; DROP TABLE kehu_customer; --", "a\uD800")
                        .map(v -> new Bad("parent", CustomerDetails.Builder::parent, v)),
                Arbitraries.integers().between(Integer.MIN_VALUE, -1)
                        .map(v -> new Bad("staffSize", (b, s) -> b.staffSize(Integer.valueOf(s)), v.toString())));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 40)
    @Label("valid but unusual text is stored exactly as given and nothing is executed")
    void oddTextIsKept(@ForAll("oddText") String text) {
        Customer created = kehu().customers().create(rep(), CustomerDetails.company(text).notes(text).address(text)
                .tags(text.length() > 50 ? text.substring(0, 50) : text).build());
        kehu().contacts().create(rep(), ContactDetails.of(created.id(), text.length() > 100 ? text.substring(0, 100) : text)
                .hobbies(text).build());

        Customer stored = storedCustomer(created);
        assertThat(stored.name()).isEqualTo(text.strip());
        assertThat(stored.notes()).isEqualTo(text);
        assertThat(stored.address().street()).isEqualTo(text);
        assertThat(store.contacts().ofCustomer(tenant, created.id())).singleElement()
                .satisfies(c -> assertThat(c.hobbies()).isEqualTo(text));
        assertThat(store.customers().page(tenant, CustomerQuery.all(), PageRequest.first(10, CustomerSort.NAME)).total())
                .isEqualTo(1);
    }

    @Provide
    Arbitrary<String> oddText() {
        Arbitrary<String> fixed = Arbitraries.of("'; DROP TABLE kehu_customer; --", "Robert'); DELETE FROM kehu_contact;--",
                "100% _off_ \\ \\\\ !", "=cmd|' /C calc'!A0", "+SUM(1,2)", "@import", "O'Brien \"Ltd\" <b>",
                "花店🌸😀", "👨‍👩‍👧 家庭", "ＡＢＣ全角", "Ωmega Σigma", "İstanbul ß", "x".repeat(200));
        Arbitrary<String> mixed = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u9fa5')
                .ofMinLength(1).ofMaxLength(120).filter(s -> !s.isBlank() && s.strip().equals(s));
        return Arbitraries.oneOf(fixed, mixed);
    }

    // ---- Addresses and numbers that are tidied: e-mail, phone ---------------------------------------------------

    @Property(tries = 40, edgeCases = EdgeCasesMode.FIRST)
    @Label("an e-mail address is kept without surrounding blanks and in lower case, or refused naming the field")
    void emails(@ForAll("emails") Sample<String> email) {
        Customer c = customer(NAME);
        Runnable customer = () -> kehu().customers().update(rep(), c.id(), c.version(),
                CustomerDetails.of(c).toBuilder().email(email.value()).build());
        Runnable contact = () -> kehu().contacts().create(rep(), ContactDetails.of(c.id(), "李娜").email(email.value())
                .build());
        if (!email.accepted()) {
            assertRefused(customer, "email");
            assertRefused(contact, "email");
            return;
        }
        customer.run();
        contact.run();
        String kept = email.value().strip().toLowerCase(Locale.ROOT);
        assertThat(storedCustomer(c).email()).isEqualTo(kept);
        assertThat(store.contacts().ofCustomer(tenant, c.id())).singleElement()
                .satisfies(k -> assertThat(k.email()).isEqualTo(kept));
    }

    @Provide
    Arbitrary<Sample<String>> emails() {
        return Arbitraries.of(Sample.kept("e-mail", "Info@HuaXia.example.cn"), Sample.kept("trailing space", "wang@x.cn "),
                Sample.kept("padded with tab and ideographic space", "\twang@x.cn\u3000"),
                Sample.kept("apostrophe", "o'brien@x.cn"), Sample.kept("formula-like", "=cmd@x.cn"),
                Sample.refused("space inside", "a b@c.cn"), Sample.refused("no domain", "x@"),
                Sample.refused("no local part", "@x.cn"), Sample.refused("NUL", "wang@x.cn\u0000"),
                Sample.refused("direction override", "wang\u202e@x.cn"), Sample.refused("lone surrogate", "wang\uD800@x.cn"),
                Sample.refused("SQL", "'; DROP TABLE kehu_contact; --"),
                Sample.refused("too long", "w".repeat(250) + "@x.cn"));
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.FIRST)
    @Label("a phone number in any form is kept in E.164, a garbled one is refused naming the field")
    void phones(@ForAll("phones") String phone) {
        Customer c = customer(NAME);
        Runnable update = () -> kehu().customers().update(rep(), c.id(), c.version(),
                CustomerDetails.of(c).toBuilder().phone(phone).build());
        Optional<PhoneNumber> parsed = PhoneNumber.parse(phone, PhoneNumber.CHINA);
        if (phone.isBlank()) {
            update.run();
            assertThat(storedCustomer(c).phone()).isNull();
        } else if (parsed.isPresent()) {
            update.run();
            assertThat(storedCustomer(c).phone()).isEqualTo(parsed.get());
        } else {
            assertRefused(update, "phone");
        }
    }

    @Provide
    Arbitrary<String> phones() {
        return TextArbitraries.phoneTexts();
    }

    @Property(tries = 40)
    @Label("the call centre's look-up and the search box answer any text, finding only what matches, and never fail")
    void lookUps(@ForAll("phones") String phone, @ForAll("searches") Sample<String> search) {
        Customer c = customer(NAME);
        Callers callers = kehu().callCentre().findByPhone(rep(), phone);
        boolean same = PhoneNumber.parse(phone, PhoneNumber.CHINA).filter(p -> p.equals(c.phone())).isPresent();
        assertThat(callers.customers()).extracting(Customer::id).isEqualTo(same ? List.of(c.id()) : List.of());
        assertThat(kehu().customers().findByPhone(rep(), phone)).extracting(Customer::id)
                .isEqualTo(same ? List.of(c.id()) : List.of());

        assertThat(kehu().customers().search(rep(), search.value(), PageRequest.first(10, CustomerSort.NAME)).items())
                .allSatisfy(found -> assertThat(found.id()).isEqualTo(c.id()));
        assertThat(snapshot()).as("every repository still answers").isNotEmpty();
    }

    @Provide
    Arbitrary<Sample<String>> searches() {
        return TextArbitraries.text(200);
    }

    @Example
    @Label("the call centre and the search box answer every named hostile text and phone without failing")
    void namedLookUps() {
        Customer c = customer(NAME);
        for (Sample<String> text : TextArbitraries.namedTexts()) {
            assertThat(kehu().callCentre().findByPhone(rep(), text.value()).customers()).isEmpty();
            assertThat(kehu().customers().search(rep(), text.value(), PageRequest.first(10, CustomerSort.NAME)).items())
                    .allSatisfy(found -> assertThat(found.id()).isEqualTo(c.id()));
        }
        assertThat(snapshot()).as("every repository still answers").isNotEmpty();
    }

    // ---- Dates, ids and merging -------------------------------------------------------------------------------

    @Property(tries = 40, edgeCases = EdgeCasesMode.FIRST)
    @Label("a contact's birthday from 1900-01-01 to today is kept; any other day, year 0 and 10000 included, is refused")
    void birthdays(@ForAll("days") Sample<LocalDate> birthday) {
        Customer c = customer(NAME);
        Runnable create = () -> kehu().contacts().create(rep(), ContactDetails.of(c.id(), "李娜").birthday(birthday.value())
                .build());
        LocalDate day = birthday.value();
        if (birthday.accepted() && !day.isBefore(LocalDate.of(1900, 1, 1)) && !day.isAfter(TODAY)) {
            create.run();
            assertThat(store.contacts().ofCustomer(tenant, c.id())).singleElement()
                    .satisfies(k -> assertThat(k.birthday()).isEqualTo(day));
        } else {
            assertRefused(create, "birthday");
        }
    }

    @Provide
    Arbitrary<Sample<LocalDate>> days() {
        return Arbitraries.oneOf(TextArbitraries.days(), Arbitraries.of(Sample.kept("first", LocalDate.of(1900, 1, 1)),
                Sample.kept("today", TODAY)));
    }

    @Property(tries = 20, edgeCases = EdgeCasesMode.FIRST)
    @Label("an id that cannot be one, or names no customer, is refused naming the field, and nothing is written")
    void ids(@ForAll("ids") Sample<String> id) {
        Customer c = customer(NAME);
        assertRefused(() -> kehu().customers().create(rep(), CustomerDetails.company(NAME).parent(id.value()).build()),
                "parent");
        assertRefused(() -> kehu().contacts().create(rep(), ContactDetails.of(c.id(), "李娜").customer(id.value())
                .build()), "customer");
    }

    @Provide
    Arbitrary<Sample<String>> ids() {
        return TextArbitraries.idTexts();
    }

    @Example
    @Label("merging keeps the duplicate's hostile text exactly; merging into itself is refused and writes nothing")
    void merge() {
        List<String> texts = TextArbitraries.namedTexts().stream().filter(s -> s.acceptedIn(300, false))
                .map(Sample::value).toList();
        for (String text : texts) {
            Customer survivor = customer(NAME);
            Customer duplicate = kehu().customers().create(rep(), CustomerDetails.company(text).address(text).notes(text)
                    .build());
            kehu().customers().merge(rep(), duplicate.id(), survivor.id());
            Customer merged = storedCustomer(survivor);
            assertThat(merged.address().street()).isEqualTo(text);
            assertThat(merged.notes()).isEqualTo(text);
            assertThat(storedCustomer(duplicate).mergedInto()).isEqualTo(survivor.id());

            Customer other = customer(text);
            assertRefusedBy("customer.merge.self", () -> kehu().customers().merge(rep(), other.id(), other.id()));
        }
    }
}
