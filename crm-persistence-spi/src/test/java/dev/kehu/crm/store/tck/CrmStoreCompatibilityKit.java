package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.WAIT;
import static dev.kehu.crm.store.tck.KitSupport.assertStored;
import static dev.kehu.crm.store.tck.KitSupport.awaitOrFail;
import static dev.kehu.crm.store.tck.KitSupport.onAnotherThread;
import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.OTHER_TENANT;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.auditEntry;
import static dev.kehu.crm.store.tck.TestRecords.contact;
import static dev.kehu.crm.store.tck.TestRecords.customer;
import static dev.kehu.crm.store.tck.TestRecords.minimalContact;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static dev.kehu.crm.store.tck.TestRecords.phone;
import static dev.kehu.crm.store.tck.TestRecords.t0PlusMicros;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PageRequest.Direction;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactCategory;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.CustomerType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of Kehu stores: every behaviour of {@link CrmStore} and its ports that the rest of Kehu
 * relies on, as listed in the package documentation of {@code dev.kehu.crm.store}. A store proves it is correct
 * by passing it:
 * <pre>{@code
 * class MyCrmStoreCompatibilityTest extends CrmStoreCompatibilityKit {
 *     @Override
 *     protected CrmStore newStore() { return MyStores.fresh(); }
 * }
 * }</pre>
 * The records come from {@link TestRecords}; their instants have microseconds, the precision every store keeps.
 * The store must be thread-safe: some tests use several threads, and wait at most ten seconds for any of them.
 * Pair the kit with {@link CrmStorePropertiesKit}.
 */
public abstract class CrmStoreCompatibilityKit extends StorePerTest {
    @Nested
    @DisplayName("Customers keep every field and are found by each lookup")
    class CustomerRecords {
        @Test
        @DisplayName("a company customer with every field filled in is read back exactly as saved, with version 1")
        void fullCompanyRoundTrips() {
            Customer customer = customer(TENANT, "c-1", "北京华夏科技有限公司 🚀");

            Customer saved = store.customers().save(customer);

            assertThat(saved).isEqualTo(versioned(customer, 1));
            assertStored(store.customers().find(TENANT, customer.id()), saved);
        }

        @Test
        @DisplayName("an individual customer keeps its gender and every empty optional field stays empty")
        void individualWithEmptyOptionalsRoundTrips() {
            Customer individual = minimalCustomer(TENANT, "c-1", "张三").toBuilder()
                    .type(CustomerType.INDIVIDUAL).gender(Gender.MALE).build();

            store.customers().save(individual);

            Customer found = store.customers().find(TENANT, individual.id()).orElseThrow();
            assertStored(Optional.of(found), versioned(individual, 1));
            assertThat(found.number()).isNull();
            assertThat(found.notes()).isNull();
            assertThat(found.address()).isEqualTo(Address.EMPTY);
            assertThat(found.tags()).isEmpty();
            assertThat(found.organisation()).isEmpty();
        }

        @Test
        @DisplayName("quotes, backslashes, %, _, tabs, line breaks and SQL text are kept as they are")
        void awkwardTextRoundTrips() {
            Customer customer = customer(TENANT, "c-1", "O'Brien \"Ltd\" \\ 100% a_b '; DROP TABLE customer; --")
                    .toBuilder()
                    .notes("line 1\r\nline 2\n\ttabbed \\n not a break; ' \" ` % _ [x] {y} $1 ?")
                    .website("https://example.com/a?b=1&c=%20")
                    .tags(Set.of("a,b", "c'd", "e\\f", "100%"))
                    .build();

            store.customers().save(customer);

            assertStored(store.customers().find(TENANT, customer.id()), versioned(customer, 1));
        }

        @Test
        @DisplayName("each part of an address is kept or left empty on its own")
        void partialAddressRoundTrips() {
            Customer customer = minimalCustomer(TENANT, "c-1", "杭州客户").toBuilder()
                    .address(new Address(null, "浙江省", null, "310000", null)).build();

            store.customers().save(customer);

            assertThat(store.customers().find(TENANT, customer.id()).orElseThrow().address())
                    .isEqualTo(new Address(null, "浙江省", null, "310000", null));
        }

        @Test
        @DisplayName("instants are kept to the microsecond")
        void instantsKeepMicroseconds() {
            Customer customer = minimalCustomer(TENANT, "c-1", "Micro").toBuilder()
                    .createdAt(t0PlusMicros(1)).updatedAt(t0PlusMicros(999_999)).build();

            store.customers().save(customer);

            Customer found = store.customers().find(TENANT, customer.id()).orElseThrow();
            assertThat(found.createdAt()).isEqualTo("2024-02-29T08:15:30.123457Z");
            assertThat(found.updatedAt()).isEqualTo("2024-02-29T08:15:31.123455Z");
        }

        @Test
        @DisplayName("an update can fill in and clear every optional field, each save adding 1 to the version")
        void updatesReplaceEveryField() {
            Customer minimal = minimalCustomer(TENANT, "c-1", "华夏");
            Customer v1 = store.customers().save(minimal);
            Customer full = customer(TENANT, "c-1", "北京华夏科技").toBuilder().version(1).build();

            Customer v2 = store.customers().save(full);
            assertStored(store.customers().find(TENANT, minimal.id()), versioned(full, 2));

            Customer v3 = store.customers().save(versioned(minimal, 2));
            assertStored(store.customers().find(TENANT, minimal.id()), versioned(minimal, 3));
            assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1L, 2L, 3L);
        }

        @Test
        @DisplayName("nothing is found for an id that was never saved")
        void unknownIdIsNotFound() {
            store.customers().save(customer(TENANT, "c-1", "Alpha"));

            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
        }

        @Test
        @DisplayName("findByNumber compares the number exactly and finds closed customers too")
        void findByNumberIsExact() {
            Customer inactive = store.customers().save(
                    numbered(TENANT, "c-1", "KH-001").deactivate(T0));

            assertThat(store.customers().findByNumber(TENANT, "KH-001")).contains(inactive);
            assertThat(store.customers().findByNumber(TENANT, "kh-001")).isEmpty();
            assertThat(store.customers().findByNumber(TENANT, "KH-00")).isEmpty();
            assertThat(store.customers().findByNumber(TENANT, "KH-001 ")).isEmpty();
        }

        @Test
        @DisplayName("findByPhone finds the active customers whose phone or fax is the number")
        void findByPhoneMatchesPhoneOrFaxOfActiveCustomers() {
            PhoneNumber number = phone("+8613800138000");
            Customer byPhone = minimalCustomer(TENANT, "c-1", "Phone").toBuilder().phone(number).build();
            Customer byFax = minimalCustomer(TENANT, "c-2", "Fax").toBuilder().fax(number).build();
            Customer other = minimalCustomer(TENANT, "c-3", "Other").toBuilder().phone(phone("+8613900139000")).build();
            Customer inactive = byPhone.toBuilder().id(new CustomerId("c-4")).build().deactivate(T0);
            Customer merged = byFax.toBuilder().id(new CustomerId("c-5")).build().mergeInto(byPhone.id(), T0);
            saveAll(byPhone, byFax, other, inactive, merged);

            assertThat(customerIds(store.customers().findByPhone(TENANT, number)))
                    .containsExactlyInAnyOrder("c-1", "c-2");
            assertThat(store.customers().findByPhone(TENANT, phone("+8613700137000"))).isEmpty();
        }

        @Test
        @DisplayName("childrenOf lists the direct children of a customer, whatever their status")
        void childrenOfListsDirectChildren() {
            Customer parent = minimalCustomer(TENANT, "c-1", "Parent");
            Customer child = minimalCustomer(TENANT, "c-2", "Child").toBuilder().parent(parent.id()).build();
            Customer closedChild = minimalCustomer(TENANT, "c-3", "Closed").toBuilder().parent(parent.id()).build()
                    .deactivate(T0);
            Customer grandchild = minimalCustomer(TENANT, "c-4", "Grandchild").toBuilder().parent(child.id()).build();
            saveAll(parent, child, closedChild, grandchild, minimalCustomer(TENANT, "c-5", "Unrelated"));

            assertThat(customerIds(store.customers().childrenOf(TENANT, parent.id())))
                    .containsExactlyInAnyOrder("c-2", "c-3");
            assertThat(store.customers().childrenOf(TENANT, grandchild.id())).isEmpty();
        }

        @Test
        @DisplayName("mergedInto lists the customers merged directly into a survivor")
        void mergedIntoListsDirectMerges() {
            Customer survivor = minimalCustomer(TENANT, "c-1", "Survivor");
            Customer first = minimalCustomer(TENANT, "c-2", "First").mergeInto(survivor.id(), T0);
            Customer second = minimalCustomer(TENANT, "c-3", "Second").mergeInto(survivor.id(), T0);
            Customer ofFirst = minimalCustomer(TENANT, "c-4", "Of first").mergeInto(first.id(), T0);
            saveAll(survivor, first, second, ofFirst);

            List<Customer> merged = store.customers().mergedInto(TENANT, survivor.id());

            assertThat(customerIds(merged)).containsExactlyInAnyOrder("c-2", "c-3");
            assertThat(merged).allSatisfy(c -> assertThat(c.mergedInto()).isEqualTo(survivor.id()));
        }
    }

    @Nested
    @DisplayName("Contacts keep every field and are found by each lookup")
    class ContactRecords {
        @Test
        @DisplayName("a contact with every field filled in is read back exactly as saved, with version 1")
        void fullContactRoundTrips() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Contact contact = contact(TENANT, "k-1", customer.id(), "王丽 🌸");

            Contact saved = store.contacts().save(contact);

            assertThat(saved).isEqualTo(versioned(contact, 1));
            assertStored(store.contacts().find(TENANT, contact.id()), saved);
        }

        @Test
        @DisplayName("a contact with every optional field empty keeps them empty")
        void minimalContactRoundTrips() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Contact contact = minimalContact(TENANT, "k-1", customer.id(), "Li");

            store.contacts().save(contact);

            Contact found = store.contacts().find(TENANT, contact.id()).orElseThrow();
            assertStored(Optional.of(found), versioned(contact, 1));
            assertThat(found.phones()).isEmpty();
            assertThat(found.birthday()).isNull();
            assertThat(found.primary()).isFalse();
        }

        @Test
        @DisplayName("an update can fill in and clear every optional field, each save adding 1 to the version")
        void updatesReplaceEveryField() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Contact minimal = minimalContact(TENANT, "k-1", customer.id(), "Li");
            store.contacts().save(minimal);
            Contact full = contact(TENANT, "k-1", customer.id(), "王丽").toBuilder()
                    .birthday(LocalDate.of(1999, 12, 31)).category(ContactCategory.MINOR).version(1).build();

            store.contacts().save(full);
            assertStored(store.contacts().find(TENANT, minimal.id()), versioned(full, 2));

            store.contacts().save(versioned(minimal, 2));
            assertStored(store.contacts().find(TENANT, minimal.id()), versioned(minimal, 3));
        }

        @Test
        @DisplayName("nothing is found for an id that was never saved")
        void unknownIdIsNotFound() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            store.contacts().save(contact(TENANT, "k-1", customer.id(), "王丽"));

            assertThat(store.contacts().find(TENANT, new ContactId("k-2"))).isEmpty();
        }

        @Test
        @DisplayName("ofCustomer lists that customer's contacts, the primary one first, then by mnemonic and id")
        void ofCustomerOrdersPrimaryFirst() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Customer other = store.customers().save(customer(TENANT, "c-2", "Other"));
            CustomerId id = customer.id();
            saveAll(minimalContact(TENANT, "k-4", id, "Bo"),
                    minimalContact(TENANT, "k-1", id, "Zhang").toBuilder().primary(true).build(),
                    minimalContact(TENANT, "k-3", id, "An"),
                    minimalContact(TENANT, "k-2", id, "BO"),
                    minimalContact(TENANT, "k-5", other.id(), "Aaron"));

            assertThat(contactIds(store.contacts().ofCustomer(TENANT, id)))
                    .containsExactly("k-1", "k-3", "k-2", "k-4");
            assertThat(store.contacts().ofCustomer(TENANT, new CustomerId("c-9"))).isEmpty();
        }

        @Test
        @DisplayName("findByPhone finds contacts by work phone, mobile, home phone or fax")
        void findByPhoneMatchesEveryPhone() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            PhoneNumber number = phone("+8613800138000");
            Contact none = minimalContact(TENANT, "k-5", customer.id(), "None").toBuilder()
                    .workPhone(phone("+862150500001")).mobile(phone("+8613900139000"))
                    .homePhone(phone("+862150500002")).fax(phone("+862150500003")).build();
            saveAll(none.toBuilder().id(new ContactId("k-1")).workPhone(number).build(),
                    none.toBuilder().id(new ContactId("k-2")).mobile(number).build(),
                    none.toBuilder().id(new ContactId("k-3")).homePhone(number).build(),
                    none.toBuilder().id(new ContactId("k-4")).fax(number).build(),
                    none);

            assertThat(contactIds(store.contacts().findByPhone(TENANT, number)))
                    .containsExactlyInAnyOrder("k-1", "k-2", "k-3", "k-4");
            assertThat(store.contacts().findByPhone(TENANT, phone("+8613700137000"))).isEmpty();
        }

        @Test
        @DisplayName("callersByPhone finds the contacts of active customers by any of their numbers, not those of "
                + "inactive or merged customers")
        void callersAreContactsOfActiveCustomers() {
            Customer active = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Customer inactive = store.customers().save(minimalCustomer(TENANT, "c-2", "东方").deactivate(T0));
            Customer merged = store.customers().save(minimalCustomer(TENANT, "c-3", "华夏科技").mergeInto(active.id(), T0));
            PhoneNumber number = phone("+8613800138000");
            Contact other = minimalContact(TENANT, "k-9", active.id(), "Other").toBuilder()
                    .mobile(phone("+8613900139000")).build();
            List<Contact> callers = List.of(
                    store.contacts().save(other.toBuilder().id(new ContactId("k-1")).workPhone(number).build()),
                    store.contacts().save(other.toBuilder().id(new ContactId("k-2")).fax(number).build()),
                    store.contacts().save(contact(TENANT, "k-3", active.id(), "王丽").toBuilder().mobile(number)
                            .primary(false).build()));
            saveAll(other,
                    other.toBuilder().id(new ContactId("k-4")).customer(inactive.id()).homePhone(number).build(),
                    other.toBuilder().id(new ContactId("k-5")).customer(merged.id()).mobile(number).build());

            assertThat(store.contacts().callersByPhone(TENANT, number)).containsExactlyInAnyOrderElementsOf(callers);
            assertThat(store.contacts().callersByPhone(TENANT, phone("+8613700137000"))).isEmpty();
            assertThat(store.contacts().callersByPhone(OTHER_TENANT, number)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Pages have the requested size and records come in the requested order, ties by id")
    class PagingAndSorting {
        @Test
        @DisplayName("each page holds the requested number of records, the last one the rest, each with the total")
        void pagesSplitTheMatches() {
            List<String> names = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf");
            IntStream.range(0, names.size())
                    .forEach(i -> store.customers().save(minimalCustomer(TENANT, "p-" + (i + 1), names.get(i))));
            PageRequest<CustomerSort> first = PageRequest.first(3, CustomerSort.NAME);

            Page<Customer> page0 = store.customers().page(TENANT, CustomerQuery.all(), first);
            Page<Customer> page1 = store.customers().page(TENANT, CustomerQuery.all(), first.next());
            Page<Customer> page2 = store.customers().page(TENANT, CustomerQuery.all(), first.next().next());

            assertThat(customerIds(page0.items())).containsExactly("p-1", "p-2", "p-3");
            assertThat(customerIds(page1.items())).containsExactly("p-4", "p-5", "p-6");
            assertThat(customerIds(page2.items())).containsExactly("p-7");
            assertThat(List.of(page0, page1, page2)).allSatisfy(page -> {
                assertThat(page.total()).isEqualTo(7);
                assertThat(page.size()).isEqualTo(3);
            });
            assertThat(List.of(page0.page(), page1.page(), page2.page())).containsExactly(0, 1, 2);
            assertThat(List.of(page0.hasNext(), page1.hasNext(), page2.hasNext())).containsExactly(true, true, false);
        }

        @Test
        @DisplayName("a page past the end is empty and still reports the total")
        void pagePastTheEndIsEmpty() {
            saveAll(minimalCustomer(TENANT, "p-1", "Alpha"), minimalCustomer(TENANT, "p-2", "Bravo"));

            Page<Customer> page = store.customers().page(TENANT, CustomerQuery.all(),
                    new PageRequest<>(5, 2, CustomerSort.NAME, Direction.ASCENDING));

            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.page()).isEqualTo(5);
        }

        @Test
        @DisplayName("an empty store gives an empty first page with total 0")
        void emptyStoreGivesEmptyPage() {
            Page<Customer> page = firstPage(TENANT, CustomerQuery.all(), 10);

            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isZero();
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        @DisplayName("the total counts the matching records only")
        void totalCountsMatchesOnly() {
            saveAll(minimalCustomer(TENANT, "p-1", "Alpha"), minimalCustomer(TENANT, "p-2", "Bravo"),
                    minimalCustomer(TENANT, "p-3", "Charlie").deactivate(T0), minimalCustomer(TENANT, "p-4", "Delta"));

            Page<Customer> page = firstPage(TENANT, CustomerQuery.all(), 2);

            assertThat(customerIds(page.items())).containsExactly("p-1", "p-2");
            assertThat(page.total()).isEqualTo(3);
        }

        @Test
        @DisplayName("pages of one walk through customers of equal name in id order, none twice and none left out")
        void singleRecordPagesWalkThroughTies() {
            saveAll(minimalCustomer(TENANT, "p-3", "Same"), minimalCustomer(TENANT, "p-1", "SAME"),
                    minimalCustomer(TENANT, "p-4", "same"), minimalCustomer(TENANT, "p-2", "Same!"));
            List<String> seen = new ArrayList<>();
            PageRequest<CustomerSort> request = PageRequest.first(1, CustomerSort.NAME);
            for (int i = 0; i < 4; i++, request = request.next()) {
                seen.addAll(customerIds(store.customers().page(TENANT, CustomerQuery.all(), request).items()));
            }

            assertThat(seen).containsExactly("p-1", "p-2", "p-3", "p-4");
        }

        @Test
        @DisplayName("by name: customers are ordered by mnemonic, ties by id, and descending is the exact reverse")
        void customersByName() {
            saveSortFixture();

            assertCustomerOrder(CustomerSort.NAME, "s-5", "s-1", "s-3", "s-2", "s-4");
        }

        @Test
        @DisplayName("by number: binary text order, customers without a number last, and first when descending")
        void customersByNumber() {
            saveSortFixture();

            assertCustomerOrder(CustomerSort.NUMBER, "s-3", "s-1", "s-4", "s-2", "s-5");
        }

        @Test
        @DisplayName("by creation time: to the microsecond, ties by id, and descending is the exact reverse")
        void customersByCreationTime() {
            saveSortFixture();

            assertCustomerOrder(CustomerSort.CREATED_AT, "s-2", "s-4", "s-1", "s-3", "s-5");
        }

        @Test
        @DisplayName("by update time: ties by id, and descending is the exact reverse")
        void customersByUpdateTime() {
            saveSortFixture();

            assertCustomerOrder(CustomerSort.UPDATED_AT, "s-3", "s-5", "s-4", "s-1", "s-2");
        }

        @Test
        @DisplayName("contacts by name: ordered by mnemonic, ties by id, and descending is the exact reverse")
        void contactsByName() {
            saveContactSortFixture();

            assertContactOrder(ContactSort.NAME, "k-4", "k-1", "k-3", "k-2");
        }

        @Test
        @DisplayName("contacts by creation time: to the microsecond, ties by id, and descending is the exact reverse")
        void contactsByCreationTime() {
            saveContactSortFixture();

            assertContactOrder(ContactSort.CREATED_AT, "k-3", "k-2", "k-1", "k-4");
        }

        @Test
        @DisplayName("contact pages hold the requested number of contacts, each with the total")
        void contactPagesSplitTheMatches() {
            CustomerId customer = store.customers().save(minimalCustomer(TENANT, "c-1", "Owner")).id();
            List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo").forEach(name ->
                    store.contacts().save(minimalContact(TENANT, "k-" + name.charAt(0), customer, name)));
            PageRequest<ContactSort> first = PageRequest.first(2, ContactSort.NAME);

            Page<Contact> page0 = store.contacts().page(TENANT, ContactQuery.all(), first);
            Page<Contact> page2 = store.contacts().page(TENANT, ContactQuery.all(), first.next().next());

            assertThat(contactIds(page0.items())).containsExactly("k-A", "k-B");
            assertThat(contactIds(page2.items())).containsExactly("k-E");
            assertThat(List.of(page0.total(), page2.total())).containsExactly(5L, 5L);
        }

        // Each sort field orders these five differently; every one of them has a tie.
        private void saveSortFixture() {
            saveAll(sortable("s-1", "ALPHA", "B9", t0PlusMicros(2), T0.plusSeconds(5)),
                    sortable("s-2", "北京", null, T0, T0.plusSeconds(5)),
                    sortable("s-3", "Alpha", "B10", t0PlusMicros(2), T0.plusSeconds(1)),
                    sortable("s-4", "Zeta", "a1", t0PlusMicros(1), T0.plusSeconds(3)),
                    sortable("s-5", "9 Lives", null, t0PlusMicros(3), T0.plusSeconds(1)));
        }

        private Customer sortable(String id, String name, String number, Instant created,
                                  Instant updated) {
            return minimalCustomer(TENANT, id, name).toBuilder().number(number).createdAt(created).updatedAt(updated)
                    .build();
        }

        private void assertCustomerOrder(CustomerSort sort, String... ascendingIds) {
            for (Direction direction : Direction.values()) {
                List<String> expected = new ArrayList<>(List.of(ascendingIds));
                if (direction == Direction.DESCENDING) Collections.reverse(expected);
                Page<Customer> page = store.customers().page(TENANT, CustomerQuery.all(),
                        new PageRequest<>(0, 10, sort, direction));
                assertThat(customerIds(page.items())).as("%s %s", sort, direction).containsExactlyElementsOf(expected);
            }
        }

        private void saveContactSortFixture() {
            CustomerId customer = store.customers().save(minimalCustomer(TENANT, "c-1", "Owner")).id();
            saveAll(minimalContact(TENANT, "k-1", customer, "Bo").toBuilder().createdAt(t0PlusMicros(2)).build(),
                    minimalContact(TENANT, "k-2", customer, "周").toBuilder().createdAt(t0PlusMicros(1)).build(),
                    minimalContact(TENANT, "k-3", customer, "BO").toBuilder().createdAt(T0).build(),
                    minimalContact(TENANT, "k-4", customer, "Al").toBuilder().createdAt(t0PlusMicros(2)).build());
        }

        private void assertContactOrder(ContactSort sort, String... ascendingIds) {
            for (Direction direction : Direction.values()) {
                List<String> expected = new ArrayList<>(List.of(ascendingIds));
                if (direction == Direction.DESCENDING) Collections.reverse(expected);
                Page<Contact> page = store.contacts().page(TENANT, ContactQuery.all(),
                        new PageRequest<>(0, 10, sort, direction));
                assertThat(contactIds(page.items())).as("%s %s", sort, direction).containsExactlyElementsOf(expected);
            }
        }
    }

    @Nested
    @DisplayName("Searches match exactly as CustomerQuery and ContactQuery say")
    class Search {
        @Test
        @DisplayName("text finds customers whose name contains it, whatever the letter case")
        void textMatchesNameContainingIt() {
            saveAll(minimalCustomer(TENANT, "c-1", "ACME Trading"), minimalCustomer(TENANT, "c-2", "Acme Supplies"),
                    minimalCustomer(TENANT, "c-3", "北京华夏科技"), minimalCustomer(TENANT, "c-4", "Beta"));

            assertThat(searchCustomers(CustomerQuery.text("acme"))).containsExactlyInAnyOrder("c-1", "c-2");
            assertThat(searchCustomers(CustomerQuery.text("TRAD"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.text("华夏"))).containsExactly("c-3");
            assertThat(searchCustomers(CustomerQuery.text("gamma"))).isEmpty();
        }

        @Test
        @DisplayName("text finds customers whose mnemonic starts with it: bjhx finds 北京华夏科技 (bjhxkj)")
        void textMatchesMnemonicPrefix() {
            saveAll(minimalCustomer(TENANT, "c-1", "北京华夏科技"), minimalCustomer(TENANT, "c-2", "上海华夏科技"));

            assertThat(searchCustomers(CustomerQuery.text("bjhx"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.text("BJHXKJ"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.text("hxkj"))).isEmpty();
        }

        @Test
        @DisplayName("text finds the customer whose number equals it, whatever the letter case, and no prefix of it")
        void textMatchesWholeNumber() {
            saveAll(minimalCustomer(TENANT, "c-1", "Alpha").toBuilder().number("KH-001").build(),
                    minimalCustomer(TENANT, "c-2", "Beta").toBuilder().number("KH-0011").build());

            assertThat(searchCustomers(CustomerQuery.text("KH-001"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.text("kh-001"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.text("KH-00"))).isEmpty();
        }

        @Test
        @DisplayName("%, _ and \\ in the text are literal characters, not wildcards or escapes")
        void wildcardsAreLiteral() {
            saveAll(minimalCustomer(TENANT, "w-1", "100% Cotton"), minimalCustomer(TENANT, "w-2", "1000 Cotton"),
                    minimalCustomer(TENANT, "w-3", "a_c Studio"), minimalCustomer(TENANT, "w-4", "abc Studio"),
                    minimalCustomer(TENANT, "w-5", "C:\\Data"), minimalCustomer(TENANT, "w-6", "C:Data"));

            assertThat(searchCustomers(CustomerQuery.text("100%"))).containsExactly("w-1");
            assertThat(searchCustomers(CustomerQuery.text("%"))).containsExactly("w-1");
            assertThat(searchCustomers(CustomerQuery.text("a_c"))).containsExactly("w-3");
            assertThat(searchCustomers(CustomerQuery.text("_"))).containsExactly("w-3");
            assertThat(searchCustomers(CustomerQuery.text("\\"))).containsExactly("w-5");
            assertThat(searchCustomers(CustomerQuery.text(":\\d"))).containsExactly("w-5");
        }

        @Test
        @DisplayName("a phone finds the customers whose phone or fax it is")
        void phoneMatchesPhoneOrFax() {
            PhoneNumber number = phone("+8613800138000");
            saveAll(minimalCustomer(TENANT, "c-1", "Phone").toBuilder().phone(number).build(),
                    minimalCustomer(TENANT, "c-2", "Fax").toBuilder().fax(number).build(),
                    minimalCustomer(TENANT, "c-3", "Other").toBuilder().phone(phone("+8613900139000")).build());

            assertThat(searchCustomers(new CustomerQuery(null, number, null, null, null, false)))
                    .containsExactlyInAnyOrder("c-1", "c-2");
        }

        @Test
        @DisplayName("an e-mail finds the customer with that address, whatever the letter case, and no part of it")
        void emailMatchesWholeAddressIgnoringCase() {
            saveAll(minimalCustomer(TENANT, "c-1", "Alpha").toBuilder().email("Info@HuaXia.example.cn").build(),
                    minimalCustomer(TENANT, "c-2", "Beta").toBuilder().email("sales@huaxia.example.cn").build());

            assertThat(searchCustomers(byEmail("info@huaxia.EXAMPLE.cn"))).containsExactly("c-1");
            assertThat(searchCustomers(byEmail("info@huaxia.example"))).isEmpty();
        }

        private CustomerQuery byEmail(String email) {
            return new CustomerQuery(null, null, email, null, null, false);
        }

        @Test
        @DisplayName("an owner finds that account manager's customers and a tag the customers with exactly that tag")
        void ownerAndTagFilter() {
            saveAll(minimalCustomer(TENANT, "c-1", "Alpha").toBuilder().owner(WANG).tags(Set.of("vip", "重点")).build(),
                    minimalCustomer(TENANT, "c-2", "Beta").toBuilder().owner(LI).tags(Set.of("vipx")).build(),
                    minimalCustomer(TENANT, "c-3", "Gamma").toBuilder().owner(LI).build());

            assertThat(searchCustomers(CustomerQuery.all().withOwner(WANG))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.all().withTag("vip"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.all().withTag("重点"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.all().withTag("vi"))).isEmpty();
        }

        @Test
        @DisplayName("every criterion given must match")
        void criteriaCombine() {
            saveAll(minimalCustomer(TENANT, "c-1", "ACME Trading").toBuilder().owner(WANG).build(),
                    minimalCustomer(TENANT, "c-2", "ACME Supplies").toBuilder().owner(LI).build(),
                    minimalCustomer(TENANT, "c-3", "Beta").toBuilder().owner(WANG).build());

            assertThat(searchCustomers(CustomerQuery.text("acme").withOwner(WANG))).containsExactly("c-1");
        }

        @Test
        @DisplayName("deactivated and merged customers are left out unless closed ones are included")
        void closedCustomersAreExcludedByDefault() {
            Customer active = minimalCustomer(TENANT, "c-1", "Huaxia");
            saveAll(active, minimalCustomer(TENANT, "c-2", "Huaxia old").deactivate(T0),
                    minimalCustomer(TENANT, "c-3", "Huaxia copy").mergeInto(active.id(), T0));

            assertThat(searchCustomers(CustomerQuery.text("huaxia"))).containsExactly("c-1");
            assertThat(searchCustomers(CustomerQuery.text("huaxia").includingClosed()))
                    .containsExactlyInAnyOrder("c-1", "c-2", "c-3");
        }

        @Test
        @DisplayName("contact text finds names containing it and mnemonics starting with it, % and _ literal")
        void contactText() {
            CustomerId customer = store.customers().save(minimalCustomer(TENANT, "c-1", "Owner")).id();
            saveAll(minimalContact(TENANT, "k-1", customer, "王丽"), minimalContact(TENANT, "k-2", customer, "Wang Li"),
                    minimalContact(TENANT, "k-3", customer, "50% Lee"),
                    minimalContact(TENANT, "k-4", customer, "500 Lee"),
                    minimalContact(TENANT, "k-5", customer, "a_b"), minimalContact(TENANT, "k-6", customer, "axb"));

            assertThat(searchContacts(new ContactQuery("丽", null, null))).containsExactly("k-1");
            assertThat(searchContacts(new ContactQuery("wl", null, null))).containsExactly("k-1");
            assertThat(searchContacts(new ContactQuery("LI", null, null))).containsExactly("k-2");
            assertThat(searchContacts(new ContactQuery("50%", null, null))).containsExactly("k-3");
            assertThat(searchContacts(new ContactQuery("a_b", null, null))).containsExactly("k-5");
        }

        @Test
        @DisplayName("contacts are found by customer and by e-mail, whatever its letter case")
        void contactCustomerAndEmail() {
            CustomerId first = store.customers().save(minimalCustomer(TENANT, "c-1", "First")).id();
            CustomerId second = store.customers().save(minimalCustomer(TENANT, "c-2", "Second")).id();
            saveAll(minimalContact(TENANT, "k-1", first, "Li").toBuilder().email("Li@Example.com").build(),
                    minimalContact(TENANT, "k-2", first, "Wang").toBuilder().email("wang@example.com").build(),
                    minimalContact(TENANT, "k-3", second, "Zhao").toBuilder().email("li@example.com.cn").build());

            assertThat(searchContacts(new ContactQuery(null, first, null))).containsExactlyInAnyOrder("k-1", "k-2");
            assertThat(searchContacts(new ContactQuery(null, null, "LI@example.COM"))).containsExactly("k-1");
            assertThat(searchContacts(new ContactQuery("wang", second, null))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Optimistic locking never lets a save overwrite a change it has not seen")
    class OptimisticLocking {
        @Test
        @DisplayName("a customer saved with a stale version is refused and the stored one is unchanged")
        void staleCustomerUpdateWritesNothing() {
            Customer v1 = store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha"));
            Customer v2 = store.customers().save(v1.toBuilder().notes("first change").build());

            assertThatThrownBy(() -> store.customers().save(v1.toBuilder().notes("second change").build()))
                    .isInstanceOf(StaleRecordException.class);

            assertStored(store.customers().find(TENANT, v1.id()), v2);
        }

        @Test
        @DisplayName("a contact saved with a stale version is refused and the stored one is unchanged")
        void staleContactUpdateWritesNothing() {
            CustomerId customer = store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha")).id();
            Contact v1 = store.contacts().save(minimalContact(TENANT, "k-1", customer, "Li"));
            Contact v2 = store.contacts().save(v1.toBuilder().notes("first change").build());

            assertThatThrownBy(() -> store.contacts().save(v1.toBuilder().notes("second change").build()))
                    .isInstanceOf(StaleRecordException.class);

            assertStored(store.contacts().find(TENANT, v1.id()), v2);
        }

        @Test
        @DisplayName("a second insert of a taken id is refused and the first record stays")
        void secondInsertOfAnIdFails() {
            CustomerId customer = store.customers().save(minimalCustomer(TENANT, "c-1", "First")).id();
            Contact contact = store.contacts().save(minimalContact(TENANT, "k-1", customer, "First"));

            assertThatThrownBy(() -> store.customers().save(minimalCustomer(TENANT, "c-1", "Second")))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.contacts().save(minimalContact(TENANT, "k-1", customer, "Second")))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(store.customers().find(TENANT, customer).orElseThrow().name()).isEqualTo("First");
            assertStored(store.contacts().find(TENANT, contact.id()), contact);
        }

        @Test
        @DisplayName("an update of a record that was never saved is refused and nothing is written")
        void updateOfMissingRecordFails() {
            Customer never = minimalCustomer(TENANT, "c-1", "Never").toBuilder().version(3).build();

            assertThatThrownBy(() -> store.customers().save(never)).isInstanceOf(StaleRecordException.class);

            assertThat(store.customers().find(TENANT, never.id())).isEmpty();
        }

        @Test
        @DisplayName("the refusal names the record type, the id and the version given")
        void staleExceptionNamesTheRecord() {
            Customer v1 = store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha"));
            store.customers().save(v1);

            assertThatThrownBy(() -> store.customers().save(v1))
                    .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                        assertThat(e.recordType()).isEqualTo(Customer.RECORD_TYPE);
                        assertThat(e.recordId()).isEqualTo("c-1");
                        assertThat(e.expectedVersion()).isEqualTo(1);
                    });
        }

        @Test
        @DisplayName("of several threads updating the same version at once, exactly one succeeds")
        void concurrentUpdatesOfOneVersion() throws InterruptedException {
            Customer v1 = store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha"));
            List<Callable<Customer>> updates = IntStream.range(0, 4).<Callable<Customer>>mapToObj(i ->
                    () -> store.customers().save(v1.toBuilder().notes("thread " + i).build())).toList();

            List<Object> outcomes = race(updates);

            List<Customer> winners = outcomes.stream()
                    .filter(Customer.class::isInstance).map(Customer.class::cast).toList();
            assertThat(winners).hasSize(1);
            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            assertStored(store.customers().find(TENANT, v1.id()), winners.get(0));
        }

        @Test
        @DisplayName("updates retried after a conflict are never lost")
        void retriedUpdatesAreNeverLost() throws InterruptedException {
            CustomerId id = store.customers()
                    .save(minimalCustomer(TENANT, "c-1", "Counter").toBuilder().staffSize(0).build()).id();
            Callable<Integer> fiveIncrements = () -> {
                int conflicts = 0;
                for (int done = 0; done < 5; ) {
                    Customer current = store.customers().find(TENANT, id).orElseThrow();
                    try {
                        store.customers().save(current.toBuilder().staffSize(current.staffSize() + 1).build());
                        done++;
                    } catch (StaleRecordException conflict) {
                        if (++conflicts > 1000) throw conflict;
                    }
                }
                return conflicts;
            };

            List<Object> outcomes = race(List.of(fiveIncrements, fiveIncrements, fiveIncrements, fiveIncrements));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Integer.class));
            Customer counter = store.customers().find(TENANT, id).orElseThrow();
            assertThat(counter.staffSize()).isEqualTo(20);
            assertThat(counter.version()).isEqualTo(21);
        }
    }

    @Nested
    @DisplayName("Transactions commit together or not at all")
    class TransactionBoundaries {
        @Test
        @DisplayName("a transaction returns the value of its work and commits what it wrote")
        void commitMakesWritesVisible() throws InterruptedException {
            Customer customer = customer(TENANT, "c-1", "华夏");

            Customer saved = store.transactions().inTransaction(() -> {
                Customer c = store.customers().save(customer);
                store.contacts().save(contact(TENANT, "k-1", c.id(), "王丽"));
                store.auditLog().append(auditEntry(TENANT, "a-1", "c-1", T0));
                return c;
            });

            assertThat(saved).isEqualTo(versioned(customer, 1));
            assertThat(onAnotherThread(() -> store.customers().find(TENANT, customer.id()))).contains(saved);
            assertThat(onAnotherThread(() -> store.contacts().find(TENANT, new ContactId("k-1")))).isPresent();
            assertThat(onAnotherThread(() -> store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1"))))
                    .hasSize(1);
        }

        @Test
        @DisplayName("useTransaction commits like inTransaction")
        void useTransactionCommits() {
            store.transactions().useTransaction(() -> store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha")));

            assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isPresent();
        }

        @Test
        @DisplayName("an exception rolls back every customer, contact and audit entry written, and reaches the caller")
        void exceptionRollsBackEverything() {
            Customer existing = store.customers().save(minimalCustomer(TENANT, "c-0", "Existing"));
            RuntimeException failure = new IllegalStateException("the use case fails after writing");

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.customers().save(existing.toBuilder().notes("changed").build());
                Customer created = store.customers().save(customer(TENANT, "c-1", "华夏"));
                store.contacts().save(contact(TENANT, "k-1", created.id(), "王丽"));
                store.auditLog().append(auditEntry(TENANT, "a-1", "c-1", T0));
                throw failure;
            })).isSameAs(failure);

            assertStored(store.customers().find(TENANT, existing.id()), existing);
            assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isEmpty();
            assertThat(store.customers().findByNumber(TENANT, "NO-c-1")).isEmpty();
            assertThat(store.contacts().find(TENANT, new ContactId("k-1"))).isEmpty();
            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1"))).isEmpty();
        }

        @Test
        @DisplayName("a store's own refusal escaping the transaction rolls back what was written before it")
        void refusalRollsBackEarlierWrites() {
            Customer v1 = store.customers().save(minimalCustomer(TENANT, "c-0", "Existing"));
            store.customers().save(v1);

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.customers().save(minimalCustomer(TENANT, "c-1", "Written first"));
                store.customers().save(v1);
            })).isInstanceOf(StaleRecordException.class);

            assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isEmpty();
        }

        @Test
        @DisplayName("after a rollback the same ids and number can be saved again")
        void rolledBackWritesLeaveNoTrace() {
            Customer customer = customer(TENANT, "c-1", "华夏");
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.customers().save(customer);
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);

            Customer saved = store.customers().save(customer);

            assertThat(saved.version()).isEqualTo(1);
            assertThat(store.customers().findByNumber(TENANT, customer.number())).contains(saved);
        }

        @Test
        @DisplayName("a transaction sees its own writes before it commits")
        void transactionSeesItsOwnWrites() {
            store.transactions().useTransaction(() -> {
                Customer v1 = store.customers().save(customer(TENANT, "c-1", "华夏"));
                Contact contact = store.contacts().save(contact(TENANT, "k-1", v1.id(), "王丽"));
                AuditEntry entry = auditEntry(TENANT, "a-1", "c-1", T0);
                store.auditLog().append(entry);

                assertThat(store.customers().find(TENANT, v1.id())).contains(v1);
                assertThat(store.customers().findByNumber(TENANT, v1.number())).contains(v1);
                assertThat(searchCustomers(CustomerQuery.text("华夏"))).containsExactly("c-1");
                assertThat(store.contacts().ofCustomer(TENANT, v1.id())).containsExactly(contact);
                assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1")))
                        .containsExactly(entry);
                Customer v2 = store.customers().save(v1.toBuilder().notes("changed in the same transaction").build());
                assertThat(store.customers().find(TENANT, v1.id())).contains(v2);
            });

            assertThat(store.customers().find(TENANT, new CustomerId("c-1")).orElseThrow().version()).isEqualTo(2);
        }

        @Test
        @DisplayName("a nested transaction joins the outer one: it sees the outer writes and is rolled back with it")
        void nestedTransactionJoinsTheOuterOne() {
            RuntimeException failure = new IllegalStateException("the outer transaction fails after the inner one");

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                Customer outer = store.customers().save(minimalCustomer(TENANT, "c-1", "Outer"));
                Customer inner = store.transactions().inTransaction(() -> {
                    assertThat(store.customers().find(TENANT, outer.id())).contains(outer);
                    return store.customers().save(minimalCustomer(TENANT, "c-2", "Inner"));
                });
                assertThat(store.customers().find(TENANT, inner.id())).contains(inner);
                throw failure;
            })).isSameAs(failure);

            assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isEmpty();
            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
        }

        @Test
        @DisplayName("another thread does not see a write before it is committed")
        void uncommittedWritesAreInvisibleToOtherThreads() throws Exception {
            Customer customer = minimalCustomer(TENANT, "c-1", "Uncommitted");
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch looked = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> writer = threads.submit(() -> store.transactions().useTransaction(() -> {
                    store.customers().save(customer);
                    written.countDown();
                    awaitOrFail(looked);
                }));
                assertThat(written.await(WAIT.toMillis(), MILLISECONDS)).as("the writer saved").isTrue();

                Future<Optional<Customer>> reader = threads.submit(() -> store.customers().find(TENANT, customer.id()));
                Optional<Customer> seenBeforeCommit = null;
                try {
                    seenBeforeCommit = reader.get(2, SECONDS);
                } catch (TimeoutException readerWaitsForTheCommit) {
                    // A store may make the reader wait for the commit instead; that isolates as well.
                }
                looked.countDown();
                writer.get(WAIT.toMillis(), MILLISECONDS);

                if (seenBeforeCommit != null) assertThat(seenBeforeCommit).isEmpty();
                assertThat(store.customers().find(TENANT, customer.id())).isPresent();
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("Records of one tenant are invisible to every other tenant")
    class TenantIsolation {
        @Test
        @DisplayName("no customer lookup of another tenant finds a customer")
        void customersAreInvisibleToOtherTenants() {
            Customer parent = customer(TENANT, "c-1", "华夏");
            Customer child = customer(TENANT, "c-2", "华夏上海").toBuilder().parent(parent.id()).build();
            Customer merged = customer(TENANT, "c-3", "华夏旧").mergeInto(parent.id(), T0);
            saveAll(parent, child, merged);

            assertThat(store.customers().find(OTHER_TENANT, parent.id())).isEmpty();
            assertThat(store.customers().findByNumber(OTHER_TENANT, parent.number())).isEmpty();
            assertThat(store.customers().findByPhone(OTHER_TENANT, parent.phone())).isEmpty();
            assertThat(store.customers().childrenOf(OTHER_TENANT, parent.id())).isEmpty();
            assertThat(store.customers().mergedInto(OTHER_TENANT, parent.id())).isEmpty();
            Page<Customer> page = firstPage(OTHER_TENANT, CustomerQuery.all().includingClosed(), 10);
            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isZero();
            assertThat(store.customers().find(TENANT, parent.id())).isPresent();
        }

        @Test
        @DisplayName("no contact lookup of another tenant finds a contact")
        void contactsAreInvisibleToOtherTenants() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Contact contact = store.contacts().save(contact(TENANT, "k-1", customer.id(), "王丽"));

            assertThat(store.contacts().find(OTHER_TENANT, contact.id())).isEmpty();
            assertThat(store.contacts().ofCustomer(OTHER_TENANT, customer.id())).isEmpty();
            assertThat(store.contacts().findByPhone(OTHER_TENANT, contact.mobile())).isEmpty();
            assertThat(store.contacts().callersByPhone(OTHER_TENANT, contact.mobile())).isEmpty();
            Page<Contact> page = store.contacts()
                    .page(OTHER_TENANT, ContactQuery.all(), PageRequest.first(10, ContactSort.NAME));
            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isZero();
            assertThat(store.contacts().find(TENANT, contact.id())).isPresent();
        }

        @Test
        @DisplayName("no audit entry of one tenant is listed for another")
        void auditEntriesAreInvisibleToOtherTenants() {
            store.auditLog().append(auditEntry(TENANT, "a-1", "c-1", T0));

            assertThat(store.auditLog().forRecords(OTHER_TENANT, Customer.RECORD_TYPE, List.of("c-1"))).isEmpty();
            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1"))).hasSize(1);
        }

        @Test
        @DisplayName("a record cannot be updated through another tenant")
        void recordsCannotBeUpdatedThroughAnotherTenant() {
            Customer customer = store.customers().save(customer(TENANT, "c-1", "华夏"));
            Contact contact = store.contacts().save(contact(TENANT, "k-1", customer.id(), "王丽"));

            assertThatThrownBy(() -> store.customers().save(customer.toBuilder().tenant(OTHER_TENANT).build()))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.contacts().save(contact.toBuilder().tenant(OTHER_TENANT).build()))
                    .isInstanceOf(StaleRecordException.class);

            assertStored(store.customers().find(TENANT, customer.id()), customer);
            assertStored(store.contacts().find(TENANT, contact.id()), contact);
            assertThat(store.customers().find(OTHER_TENANT, customer.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("The audit log gives back what was appended, oldest first")
    class AuditTrail {
        @Test
        @DisplayName("an entry is read back with every field and every change, empty values included")
        void entryRoundTrips() {
            AuditEntry entry = auditEntry(TENANT, "a-1", "c-1", T0);

            store.auditLog().append(entry);

            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1")))
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(entry);
        }

        @Test
        @DisplayName("entries come oldest first, entries of the same instant in the order they were appended")
        void entriesComeOldestFirst() {
            store.auditLog().append(auditEntry(TENANT, "a-4", "c-1", T0.plusSeconds(2)));
            store.auditLog().append(auditEntry(TENANT, "a-9", "c-1", t0PlusMicros(1)));
            store.auditLog().append(auditEntry(TENANT, "a-1", "c-2", t0PlusMicros(1)));
            store.auditLog().append(auditEntry(TENANT, "a-5", "c-1", T0));

            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1", "c-2")))
                    .extracting(AuditEntry::id)
                    .containsExactly("a-5", "a-9", "a-1", "a-4");
        }

        @Test
        @DisplayName("only entries about the given record type and ids are listed")
        void entriesAreFilteredByTypeAndIds() {
            store.auditLog().append(auditEntry(TENANT, "a-1", "c-1", T0));
            store.auditLog().append(auditEntry(TENANT, "a-2", "c-2", T0));
            store.auditLog().append(auditEntry(TENANT, "a-3", "c-3", T0));
            AuditEntry aboutContact = auditEntry(TENANT, "a-4", "c-1", T0);
            store.auditLog().append(new AuditEntry(aboutContact.id(), TENANT, WANG, T0, Contact.RECORD_TYPE, "c-1",
                    "contact.update", aboutContact.changes()));

            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1", "c-3")))
                    .extracting(AuditEntry::id)
                    .containsExactly("a-1", "a-3");
            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of())).isEmpty();
        }

        @Test
        @DisplayName("a long list of ids is accepted")
        void manyIdsAreAccepted() {
            store.auditLog().append(auditEntry(TENANT, "a-1", "c-2499", T0));
            List<String> ids = IntStream.range(0, 2500).mapToObj(i -> "c-" + i).toList();

            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, ids)).extracting(AuditEntry::id)
                    .containsExactly("a-1");
        }
    }

    @Nested
    @DisplayName("A customer number is unique in its tenant")
    class CustomerNumberUniqueness {
        @Test
        @DisplayName("a second customer with a taken number is refused and nothing is written")
        void takenNumberIsRefused() {
            store.customers().save(numbered(TENANT, "c-1", "KH-001"));

            assertThatThrownBy(() -> store.customers().save(numbered(TENANT, "c-2", "KH-001")))
                    .isInstanceOf(DuplicateRecordException.class);

            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
            assertThat(store.customers().findByNumber(TENANT, "KH-001").orElseThrow().id().value()).isEqualTo("c-1");
        }

        @Test
        @DisplayName("the same number is free in another tenant")
        void numbersAreUniquePerTenantOnly() {
            store.customers().save(numbered(TENANT, "c-1", "KH-001"));

            Customer other = store.customers().save(numbered(OTHER_TENANT, "c-2", "KH-001"));

            assertThat(store.customers().findByNumber(OTHER_TENANT, "KH-001")).contains(other);
        }

        @Test
        @DisplayName("changing a number to a taken one is refused and the customer keeps its number")
        void renumberingToATakenNumberIsRefused() {
            store.customers().save(numbered(TENANT, "c-1", "KH-001"));
            Customer second = store.customers().save(numbered(TENANT, "c-2", "KH-002"));

            assertThatThrownBy(() -> store.customers().save(second.toBuilder().number("KH-001").build()))
                    .isInstanceOf(DuplicateRecordException.class);

            assertStored(store.customers().find(TENANT, second.id()), second);
        }

        @Test
        @DisplayName("a deactivated or merged customer keeps its number taken")
        void closedCustomersKeepTheirNumbers() {
            Customer survivor = store.customers().save(numbered(TENANT, "c-1", "KH-001"));
            store.customers().save(numbered(TENANT, "c-2", "KH-002").deactivate(T0));
            store.customers().save(numbered(TENANT, "c-3", "KH-003").mergeInto(survivor.id(), T0));

            for (String number : List.of("KH-002", "KH-003")) {
                assertThatThrownBy(() -> store.customers().save(numbered(TENANT, "c-9", number)))
                        .isInstanceOf(DuplicateRecordException.class);
            }
        }

        @Test
        @DisplayName("customers without a number never clash")
        void customersWithoutNumbersDoNotClash() {
            saveAll(minimalCustomer(TENANT, "c-1", "First"), minimalCustomer(TENANT, "c-2", "Second"));

            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isPresent();
        }

        @Test
        @DisplayName("numbers that differ only in letter case are different numbers")
        void numbersAreCaseSensitive() {
            store.customers().save(numbered(TENANT, "c-1", "KH-A"));

            Customer lower = store.customers().save(numbered(TENANT, "c-2", "kh-a"));

            assertThat(store.customers().findByNumber(TENANT, "kh-a")).contains(lower);
        }

        @Test
        @DisplayName("a customer can be saved again with its own number, and a number it gave up is free again")
        void ownAndFreedNumbers() {
            Customer first = store.customers().save(numbered(TENANT, "c-1", "KH-001"));
            Customer renamed = store.customers().save(first.toBuilder().name("First renamed").build());
            store.customers().save(renamed.toBuilder().number("KH-002").build());

            Customer second = store.customers().save(numbered(TENANT, "c-2", "KH-001"));

            assertThat(store.customers().findByNumber(TENANT, "KH-001")).contains(second);
            assertThat(store.customers().findByNumber(TENANT, "KH-002").orElseThrow().version()).isEqualTo(3);
        }

        @Test
        @DisplayName("of several customers inserted at once with one number, exactly one is saved")
        void concurrentInsertsOfOneNumber() throws InterruptedException {
            List<Callable<Customer>> inserts = IntStream.range(0, 4).<Callable<Customer>>mapToObj(i ->
                    () -> store.customers().save(numbered(TENANT, "c-" + i, "KH-001")))
                    .toList();

            List<Object> outcomes = race(inserts);

            assertThat(outcomes).filteredOn(Customer.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(DuplicateRecordException.class::isInstance).hasSize(3);
            assertThat(firstPage(TENANT, CustomerQuery.all(), 10).total()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Batch writes store many new records at once, exactly as that many saves and appends would")
    class BatchWrites {
        @Test
        @DisplayName("insertAll stores customers with every field, tags and organisation included, at version 1, and "
                + "contacts likewise")
        void insertAllRoundTrips() {
            Customer full = customer(TENANT, "c-1", "华夏");
            Customer minimal = minimalCustomer(TENANT, "c-2", "Alpha");

            List<Customer> customers = store.customers().insertAll(List.of(full, minimal));
            List<Contact> contacts = store.contacts().insertAll(List.of(contact(TENANT, "k-1", full.id(), "王丽"),
                    minimalContact(TENANT, "k-2", full.id(), "李娜")));

            assertThat(customers).containsExactly(versioned(full, 1), versioned(minimal, 1));
            assertStored(store.customers().find(TENANT, full.id()), versioned(full, 1));
            assertStored(store.customers().find(TENANT, minimal.id()), versioned(minimal, 1));
            assertThat(contacts).extracting(Contact::version).containsExactly(1L, 1L);
            assertStored(store.contacts().find(TENANT, new ContactId("k-1")), contacts.get(0));
            assertStored(store.contacts().find(TENANT, new ContactId("k-2")), contacts.get(1));
            assertThat(store.customers().insertAll(List.of())).isEmpty();
            assertThat(store.contacts().insertAll(List.of())).isEmpty();
        }

        @Test
        @DisplayName("idsByNumber finds the holders of many numbers at once, exactly, closed customers too, in the tenant "
                + "only, among customers with and without a number")
        void idsByNumber() {
            Customer closed = store.customers().save(numbered(TENANT, "c-1", "KH-1"));
            store.customers().save(closed.deactivate(T0));
            saveAll(numbered(TENANT, "c-2", "KH-2"), numbered(OTHER_TENANT, "c-3", "KH-3"),
                    numbered(TENANT, "c-4", "kh-4"), minimalCustomer(TENANT, "c-5", "Without a number"));
            List<String> many = new ArrayList<>(IntStream.range(0, 1200).mapToObj(i -> "X-" + i).toList());
            many.addAll(List.of("KH-1", "KH-2", "KH-3", "KH-4"));

            assertThat(store.customers().idsByNumber(TENANT, many))
                    .isEqualTo(Map.of("KH-1", new CustomerId("c-1"), "KH-2", new CustomerId("c-2")));
            assertThat(store.customers().idsByNumber(TENANT, List.of())).isEmpty();
        }

        @Test
        @DisplayName("findAll reads many customers at once as find does, closed ones too, in the tenant only, over more ids "
                + "than one query takes")
        void findAll() {
            Customer closed = store.customers().save(numbered(TENANT, "c-1", "KH-1"));
            closed = store.customers().save(closed.deactivate(T0));
            Customer open = store.customers().save(customer(TENANT, "c-2", "北京华夏科技"));
            store.customers().save(numbered(OTHER_TENANT, "c-3", "KH-3"));
            List<CustomerId> many = IntStream.range(0, 1200).mapToObj(i -> new CustomerId("x-" + i))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            many.addAll(List.of(new CustomerId("c-1"), new CustomerId("c-2"), new CustomerId("c-3"), new CustomerId("c-2")));

            java.util.Map<CustomerId, Customer> found = store.customers().findAll(TENANT, many);

            assertThat(found).containsOnlyKeys(closed.id(), open.id());
            assertStored(java.util.Optional.of(found.get(closed.id())), closed);
            assertStored(java.util.Optional.of(found.get(open.id())), open);
            assertThat(store.customers().findAll(TENANT, List.of())).isEmpty();
        }

        @Test
        @DisplayName("a number taken by a stored customer or twice in the batch is refused, and nothing of the batch "
                + "stays once the refusal ends the transaction")
        void takenNumbersAreRefused() {
            store.customers().save(numbered(TENANT, "c-0", "KH-1"));

            for (List<Customer> batch : List.of(
                    List.of(numbered(TENANT, "c-1", "KH-9"), numbered(TENANT, "c-2", "KH-1")),
                    List.of(numbered(TENANT, "c-1", "KH-9"), numbered(TENANT, "c-2", "KH-9")))) {
                assertThatThrownBy(() -> store.transactions().useTransaction(() -> store.customers().insertAll(batch)))
                        .isInstanceOf(DuplicateRecordException.class);
                assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isEmpty();
                assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
            }
            assertThat(store.customers().insertAll(List.of(numbered(OTHER_TENANT, "c-1", "KH-1")))).hasSize(1);
        }

        @Test
        @DisplayName("a taken id is refused as stale, a record that is not new is refused, and nothing stays")
        void takenIdsAreRefused() {
            Customer stored = store.customers().save(minimalCustomer(TENANT, "c-1", "Alpha"));
            store.contacts().save(minimalContact(TENANT, "k-1", stored.id(), "王丽"));

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> store.customers().insertAll(
                    List.of(minimalCustomer(TENANT, "c-2", "Beta"), minimalCustomer(TENANT, "c-1", "Again")))))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> store.contacts().insertAll(
                    List.of(minimalContact(TENANT, "k-2", stored.id(), "李娜"), minimalContact(TENANT, "k-1", stored.id(), "又")))))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.customers().insertAll(List.of(stored)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.contacts().insertAll(List.of(versioned(minimalContact(TENANT, "k-3",
                    stored.id(), "赵敏"), 1)))).isInstanceOf(IllegalArgumentException.class);

            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
            assertStored(store.customers().find(TENANT, stored.id()), stored);
            assertThat(store.contacts().find(TENANT, new ContactId("k-2"))).isEmpty();
            assertThat(store.contacts().find(TENANT, new ContactId("k-3"))).isEmpty();
            assertThat(store.contacts().find(TENANT, new ContactId("k-1"))).get().extracting(Contact::name)
                    .isEqualTo("王丽");
        }

        @Test
        @DisplayName("two transactions inserting the same number meet on it: the later waits for the first, then is refused")
        void concurrentInsertsOfOneNumber() throws Exception {
            Object later = TwoTransactions.laterWaitsForTheFirst(store,
                    () -> store.customers().insertAll(List.of(numbered(TENANT, "c-1", "KH-1"))),
                    () -> store.customers().insertAll(List.of(numbered(TENANT, "c-2", "KH-2"),
                            numbered(TENANT, "c-3", "KH-1"))));

            assertThat(later).isInstanceOf(DuplicateRecordException.class);
            assertThat(firstPage(TENANT, CustomerQuery.all(), 10).items()).extracting(Customer::number)
                    .containsExactly("KH-1");
        }

        @Test
        @DisplayName("appendAll keeps the entries' order, at one instant too, with every change")
        void auditEntriesInBatches() {
            store.auditLog().append(auditEntry(TENANT, "a-0", "c-1", T0));
            List<AuditEntry> batch = List.of(auditEntry(TENANT, "a-9", "c-1", T0), auditEntry(TENANT, "a-2", "c-2", T0),
                    new AuditEntry("a-5", TENANT, WANG, T0, Customer.RECORD_TYPE, "c-1", "customer.create", List.of()));

            store.auditLog().appendAll(batch);
            store.auditLog().appendAll(List.of());

            assertThat(store.auditLog().forRecords(TENANT, Customer.RECORD_TYPE, List.of("c-1", "c-2")))
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(auditEntry(TENANT, "a-0", "c-1", T0), batch.get(0), batch.get(1), batch.get(2));
        }
    }

    /** A customer with every field filled in and this number. */
    private static Customer numbered(TenantId tenant, String id, String number) {
        return customer(tenant, id, "Customer " + id).toBuilder().number(number).build();
    }

    private Page<Customer> firstPage(TenantId tenant, CustomerQuery query, int size) {
        return store.customers().page(tenant, query, PageRequest.first(size, CustomerSort.NAME));
    }

    private void saveAll(Customer... customers) {
        for (Customer customer : customers) store.customers().save(customer);
    }

    private void saveAll(Contact... contacts) {
        for (Contact contact : contacts) store.contacts().save(contact);
    }

    private List<String> searchCustomers(CustomerQuery query) {
        return customerIds(store.customers().page(TENANT, query,
                new PageRequest<>(0, PageRequest.MAX_SIZE, CustomerSort.NAME, Direction.ASCENDING)).items());
    }

    private List<String> searchContacts(ContactQuery query) {
        return contactIds(store.contacts().page(TENANT, query,
                new PageRequest<>(0, PageRequest.MAX_SIZE, ContactSort.NAME, Direction.ASCENDING)).items());
    }

    private static List<String> customerIds(List<Customer> customers) {
        return customers.stream().map(c -> c.id().value()).toList();
    }

    private static List<String> contactIds(List<Contact> contacts) {
        return contacts.stream().map(c -> c.id().value()).toList();
    }

    private static Customer versioned(Customer customer, long version) {
        return customer.toBuilder().version(version).build();
    }

    private static Contact versioned(Contact contact, long version) {
        return contact.toBuilder().version(version).build();
    }
}
