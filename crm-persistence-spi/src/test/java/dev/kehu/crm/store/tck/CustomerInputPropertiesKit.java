package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Hostile input through the use cases, on the store under test: every bad input is refused with a
 * violation for each bad field and leaves nothing behind; every valid one, however odd, is kept exactly.
 */
public abstract class CustomerInputPropertiesKit {
    private CrmStore store;
    private Kehu kehu;
    private Actor actor;
    private int tries;

    /** A new, empty store for one property; the kit closes it after the property. */
    protected abstract CrmStore newStore();

    @BeforeProperty
    final void open() {
        store = newStore();
        kehu = Kehu.builder().store(store).build();
    }

    @AfterProperty
    final void close() {
        if (kehu != null) kehu.close();
        if (store != null) store.close();
    }

    @BeforeTry
    final void newTenant() {
        actor = Actor.of("wang.wei", "input-" + ++tries, Role.SALES_REPRESENTATIVE);
    }

    /** One bad value for one field. */
    record Bad(String field, BiFunction<CustomerDetails.Builder, String, CustomerDetails.Builder> set, String value) {
        @Override
        public String toString() { return field + "=" + value; }
    }

    @Property(tries = 40)
    @Label("bad values in any fields are each reported, and nothing is written")
    void badInputWritesNothing(@ForAll("badValues") List<Bad> bad) {
        CustomerDetails.Builder details = CustomerDetails.company("北京华夏科技有限公司").phone("010-6512 3456");
        Map<String, Bad> byField = new LinkedHashMap<>();
        bad.forEach(b -> byField.put(b.field(), b));
        byField.values().forEach(b -> b.set().apply(details, b.value()));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> kehu.customers().create(actor, details.build()));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.violations()).extracting(Violation::path).containsAll(byField.keySet());
        assertThat(store.customers().page(actor.tenant(), CustomerQuery.all().includingClosed(),
                PageRequest.first(10, CustomerSort.NAME)).total()).isZero();
    }

    @Provide
    Arbitrary<List<Bad>> badValues() {
        Arbitrary<Bad> one = Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u3000\u3000", "x".repeat(201), "华夏\u0000科技", "华夏\u202e科技", "华夏\ud800")
                        .map(v -> new Bad("name", CustomerDetails.Builder::name, v)),
                Arbitraries.of("12345", "phone", "+1 000", "=cmd|' /C calc'!A0", "1".repeat(41))
                        .map(v -> new Bad("phone", CustomerDetails.Builder::phone, v)),
                Arbitraries.of("x@", "@x.cn", "a b@c.cn", "'; DROP TABLE kehu_customer; --")
                        .map(v -> new Bad("email", CustomerDetails.Builder::email, v)),
                Arbitraries.of("javascript:alert(1)", "not a site", "ftp://x.cn")
                        .map(v -> new Bad("website", CustomerDetails.Builder::website, v)),
                Arbitraries.of("SUPER", "vip", "潜在", " VIP")
                        .map(v -> new Bad("category", CustomerDetails.Builder::category, v)),
                Arbitraries.of("MINING", "it", "行业")
                        .map(v -> new Bad("industry", CustomerDetails.Builder::industry, v)),
                Arbitraries.of("no-such-customer", "客户1", "a b")
                        .map(v -> new Bad("parent", CustomerDetails.Builder::parent, v)),
                Arbitraries.integers().between(Integer.MIN_VALUE, -1)
                        .map(v -> new Bad("staffSize", (b, s) -> b.staffSize(Integer.valueOf(s)), v.toString())));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 40)
    @Label("valid but unusual text is stored exactly as given and nothing is executed")
    void oddTextIsKept(@ForAll("oddText") String text) {
        Customer created = kehu.customers().create(actor, CustomerDetails.company(text).notes(text).address(text)
                .tags(text.length() > 50 ? text.substring(0, 50) : text).build());
        kehu.contacts().create(actor, ContactDetails.of(created.id(), text.length() > 100 ? text.substring(0, 100) : text)
                .hobbies(text).build());

        Customer stored = kehu.customers().get(actor, created.id());
        assertThat(stored.name()).isEqualTo(text.strip());
        assertThat(stored.notes()).isEqualTo(text);
        assertThat(stored.address().street()).isEqualTo(text);
        assertThat(kehu.contacts().find(actor, ContactQuery.all(), PageRequest.first(10, ContactSort.NAME)).items())
                .singleElement().satisfies(c -> assertThat(c.hobbies()).isEqualTo(text));
        assertThat(store.customers().page(actor.tenant(), CustomerQuery.all(), PageRequest.first(10, CustomerSort.NAME))
                .total()).isEqualTo(1);
    }

    @Provide
    Arbitrary<String> oddText() {
        Arbitrary<String> fixed = Arbitraries.of("'; DROP TABLE kehu_customer; --", "Robert'); DELETE FROM kehu_contact;--",
                "100% _off_ \\ \\\\ !", "=cmd|' /C calc'!A0", "+SUM(1,2)", "@import", "O'Brien \"Ltd\" <b>",
                "花店🌸😀", "👨‍👩‍👧 家庭", "ＡＢＣ全角", "Ωmega Σigma", "İstanbul ß", "x".repeat(200));
        Arbitrary<String> mixed = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u9fa5')
                .ofMinLength(1).ofMaxLength(120).filter(s -> !s.isBlank() && Set.of(s.strip()).contains(s));
        return Arbitraries.oneOf(fixed, mixed);
    }
}
