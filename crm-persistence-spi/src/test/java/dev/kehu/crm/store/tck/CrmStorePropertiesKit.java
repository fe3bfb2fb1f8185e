package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PageRequest.Direction;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties every Kehu store has, checked on generated records with jqwik; extend it beside
 * {@link CrmStoreCompatibilityKit}:
 * <pre>{@code
 * class MyCrmStorePropertiesTest extends CrmStorePropertiesKit {
 *     @Override
 *     protected CrmStore newStore() { return MyStores.fresh(); }
 * }
 * }</pre>
 * Each property runs on one store, each try in a tenant of its own; try counts are kept small so that stores
 * on a real database run them in seconds.
 */
public abstract class CrmStorePropertiesKit extends StorePerProperty {
    @Property(tries = 50)
    @Label("any valid name and notes are kept exactly and the customer is found by any part of its name")
    void textRoundTripsAndIsFoundBySubstring(@ForAll("names") String name, @ForAll("notes") String notes,
                                             @ForAll @IntRange(max = 200) int from,
                                             @ForAll @IntRange(max = 200) int length) {
        Customer customer = TestRecords.customer(tenant, tenant + "-c", name).toBuilder().notes(notes).build();
        store.customers().save(customer);

        assertThat(store.customers().find(tenant, customer.id()))
                .hasValueSatisfying(found -> {
                    assertThat(found.name()).isEqualTo(name);
                    assertThat(found.notes()).isEqualTo(notes);
                });
        String part = codePointSubstring(name, from, length);
        Page<Customer> found = store.customers()
                .page(tenant, CustomerQuery.text(part), PageRequest.first(10, CustomerSort.NAME));
        assertThat(found.items()).as("customers found by \"%s\"", part)
                .extracting(Customer::id).containsExactly(customer.id());
    }

    @Property(tries = 40)
    @Label("paging through every page with any page size and order lists each matching customer exactly once")
    void pagingListsEachMatchOnce(@ForAll("customerSpecs") List<Spec> specs,
                                  @ForAll @IntRange(min = 1, max = 7) int pageSize, @ForAll CustomerSort sort,
                                  @ForAll Direction direction, @ForAll boolean includeClosed) {
        List<Customer> customers = IntStream.range(0, specs.size())
                .mapToObj(i -> specs.get(i).customer(tenant, tenant + "-c" + i))
                .toList();
        store.transactions().useTransaction(() -> customers.forEach(store.customers()::save));
        CustomerQuery query = includeClosed ? CustomerQuery.all().includingClosed() : CustomerQuery.all();
        Set<String> expected = customers.stream()
                .filter(query::matches).map(c -> c.id().value()).collect(Collectors.toSet());

        List<String> listed = new ArrayList<>();
        PageRequest<CustomerSort> request = new PageRequest<>(0, pageSize, sort, direction);
        for (int pages = 0; pages <= expected.size() / pageSize; pages++, request = request.next()) {
            Page<Customer> page = store.customers().page(tenant, query, request);
            assertThat(page.total()).as("total").isEqualTo(expected.size());
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            page.items().forEach(c -> listed.add(c.id().value()));
        }

        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    /** What varies between generated customers; few distinct values, so that every order has ties. */
    record Spec(String name, boolean numbered, int createdSeconds, int updatedSeconds, boolean active) {
        Customer customer(TenantId tenant, String id) {
            Customer customer = TestRecords.minimalCustomer(tenant, id, name).toBuilder()
                    .number(numbered ? "N-" + id : null)
                    .createdAt(TestRecords.T0.plusSeconds(createdSeconds))
                    .updatedAt(TestRecords.T0.plusSeconds(updatedSeconds))
                    .build();
            return active ? customer : customer.deactivate(customer.updatedAt());
        }
    }

    @Provide
    Arbitrary<List<Spec>> customerSpecs() {
        return Combinators.combine(
                        Arbitraries.of("华夏", "Huaxia", "HUAXIA", "Acme", "北京"),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false)))
                .as(Spec::new)
                .list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> names() {
        return TextArbitraries.names();
    }

    @Provide
    Arbitrary<String> notes() {
        return TextArbitraries.notes();
    }

    /** Part of {@code text}, never splitting a character outside the Basic Multilingual Plane. */
    private static String codePointSubstring(String text, int from, int length) {
        int[] codePoints = text.codePoints().toArray();
        int start = from % codePoints.length;
        int end = Math.min(codePoints.length, start + 1 + length % codePoints.length);
        return new String(codePoints, start, end - start);
    }
}
