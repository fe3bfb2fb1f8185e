package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.callcentre.Callers;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.customer.CustomerId;
import java.time.ZoneId;
import java.util.Optional;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.CustomerStatus;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.customer.OrgUnit;
import dev.kehu.crm.security.AccessDeniedException;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The customer and contact use cases, run through {@link Kehu} on the store under test: what a host sees,
 * including that a refused or failed use case leaves nothing behind in that store.
 */
public abstract class CustomerUseCasesCompatibilityKit {
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    private static final PageRequest<CustomerSort> FIRST_PAGE = PageRequest.first(50, CustomerSort.NAME);

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private final WriteMeeting writes = new WriteMeeting();
    private FailingContacts contacts;
    private Kehu kehu;
    private final Actor wang = Actor.of("wang.wei", "tenant-a", Role.SALES_REPRESENTATIVE);
    private final Actor zhao = Actor.of("zhao.min", "tenant-a", Role.SALES_REPRESENTATIVE);
    private final Actor english = wang.withLocale(Locale.ENGLISH);
    private final Actor otherTenant = Actor.of("wang.wei", "tenant-b", Role.SALES_REPRESENTATIVE);

    @BeforeEach
    void openKehu() {
        store = newStore();
        contacts = new FailingContacts(store.contacts(), writes);
        AtomicLong ids = new AtomicLong();
        AtomicLong ticks = new AtomicLong();
        // Each reading of the clock is one second later, so audit entries have distinct, ordered times.
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return START.plusSeconds(ticks.getAndIncrement()); }
        };
        kehu = Kehu.builder().store(new WrappedStore(store, new MeetingCustomers(store.customers(), writes), contacts))
                .clock(clock)
                .idGenerator(() -> "id-" + ids.incrementAndGet()).build();
    }

    @AfterEach
    void closeKehu() {
        kehu.close();
        store.close();
    }

    private Customer huaxia() {
        return kehu.customers().create(wang, CustomerDetails.company("北京华夏科技有限公司").number("KH-0001")
                .industry("IT").phone("010-6512 3456").email("Info@HuaXia.example.cn").staffSize(350)
                .city("北京市").tags("重点客户").build());
    }

    private Contact contact(Customer customer, String name, boolean primary, String mobile) {
        return kehu.contacts().create(wang, ContactDetails.of(customer.id(), name).primary(primary).mobile(mobile).build());
    }

    private long customerCount() {
        return store.customers().page(wang.tenant(), CustomerQuery.all().includingClosed(), FIRST_PAGE).total();
    }

    private List<AuditEntry> audit(String type, String id) {
        return store.auditLog().forRecords(wang.tenant(), type, List.of(id));
    }

    /** The parents above the customer, nearest first, as stored; stops after a few steps, so a cycle shows. */
    private List<CustomerId> parentsOf(CustomerId id) {
        List<CustomerId> parents = new ArrayList<>();
        CustomerId current = id;
        while (parents.size() < 5) {
            current = store.customers().find(wang.tenant(), current).map(Customer::parent).orElse(null);
            if (current == null) break;
            parents.add(current);
        }
        return parents;
    }

    @Nested
    @DisplayName("creating a customer")
    class Creating {
        @Test
        @DisplayName("stores it owned by the actor, with its mnemonic, E.164 phone and lower-case e-mail, and audits it")
        void createsAndAudits() {
            Customer created = huaxia();
            Customer stored = store.customers().find(wang.tenant(), created.id()).orElseThrow();
            assertThat(stored).isEqualTo(created);
            assertThat(stored.mnemonic()).isEqualTo("bjhxkjyxgs");
            assertThat(stored.phone().e164()).isEqualTo("+861065123456");
            assertThat(stored.email()).isEqualTo("info@huaxia.example.cn");
            assertThat(stored.owner()).isEqualTo(wang.user());
            assertThat(stored.version()).isEqualTo(1);
            List<AuditEntry> entries = audit(Customer.RECORD_TYPE, created.id().value());
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("customer.create");
                assertThat(e.actor()).isEqualTo(wang.user());
                assertThat(e.changes()).contains(new FieldChange("name", null, "北京华夏科技有限公司"),
                        new FieldChange("phone", null, "+861065123456"));
            });
        }

        @Test
        @DisplayName("bad input is refused with every violation listed, and nothing is written")
        void badInput() {
            CustomerDetails bad = CustomerDetails.company("").phone("12345").email("x@").staffSize(-1)
                    .industry("MINING").category("SUPER").parent("no-such-customer").build();
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> kehu.customers().create(english, bad));
            assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                    "name", "phone", "email", "staffSize", "industry", "category", "parent");
            assertThat(e.violations()).filteredOn(v -> v.path().equals("phone")).singleElement()
                    .satisfies(v -> assertThat(v.message()).isEqualTo("is not a valid phone number"));
            assertThat(customerCount()).isZero();
            assertThat(store.auditLog().forRecords(wang.tenant(), Customer.RECORD_TYPE, List.of("id-1", "id-2"))).isEmpty();
        }

        @Test
        @DisplayName("messages are in Chinese for a Chinese-speaking actor")
        void chineseMessages() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> kehu.customers().create(wang, CustomerDetails.company("华夏").phone("12345").build()));
            assertThat(e.violations()).extracting(Violation::message).containsExactly("不是有效的电话号码");
        }

        @Test
        @DisplayName("a customer number already used in the tenant is refused; another tenant may use it")
        void numberTaken() {
            huaxia();
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> kehu.customers()
                    .create(wang, CustomerDetails.company("另一家").number("KH-0001").build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("number");
            assertThat(kehu.customers().create(otherTenant, CustomerDetails.company("另一家").number("KH-0001").build())
                    .number()).isEqualTo("KH-0001");
        }

        @Test
        @DisplayName("a company has no gender and an individual no staff size")
        void typeSpecificFields() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> kehu.customers()
                    .create(wang, CustomerDetails.individual("王芳").staffSize(3).build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("staffSize");
            e = catchThrowableOfType(InvalidInputException.class, () -> kehu.customers()
                    .create(wang, CustomerDetails.company("华夏").gender("FEMALE").build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("gender");
        }

        @Test
        @DisplayName("the access policy sees each record's owner, so a host can keep customers to their managers")
        void ownerAwarePolicy() {
            Customer c = huaxia();
            Contact li = contact(c, "李娜", true, "138 0013 8000");
            Kehu ownOnly = Kehu.builder().store(store)
                    .accessPolicy((actor, action, type, owner) -> owner == null || owner.equals(actor.user())).build();
            assertThat(ownOnly.customers().get(wang, c.id()).id()).isEqualTo(c.id());
            assertThatThrownBy(() -> ownOnly.customers().get(zhao, c.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ownOnly.customers().changeOwner(zhao, c.id(), zhao.user()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ownOnly.contacts().get(zhao, li.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ownOnly.contacts().makePrimary(zhao, li.id())).isInstanceOf(AccessDeniedException.class);
            ownOnly.close();
            assertThat(kehu.customers().get(wang, c.id()).owner()).isEqualTo(wang.user());
        }

        @Test
        @DisplayName("an actor the access policy refuses creates nothing")
        void accessDenied() {
            Kehu strict = Kehu.builder().store(store).accessPolicy((actor, action, type, owner) -> false).build();
            assertThatThrownBy(() -> strict.customers().create(wang, CustomerDetails.company("华夏").build()))
                    .isInstanceOf(AccessDeniedException.class);
            strict.close();
            assertThat(customerCount()).isZero();
        }
    }

    @Nested
    @DisplayName("changing a customer")
    class Changing {
        @Test
        @DisplayName("an update records which fields changed from what to what")
        void updateAudited() {
            Customer c = huaxia();
            Customer updated = kehu.customers().update(zhao, c.id(), c.version(),
                    CustomerDetails.of(c).toBuilder().phone("+86 10 8888 6666").staffSize(400).build());
            assertThat(updated.version()).isEqualTo(2);
            AuditEntry last = audit(Customer.RECORD_TYPE, c.id().value()).get(1);
            assertThat(last.actor()).isEqualTo(zhao.user());
            assertThat(last.changes()).containsExactlyInAnyOrder(new FieldChange("staffSize", "350", "400"),
                    new FieldChange("phone", "+861065123456", "+861088886666"));
        }

        @Test
        @DisplayName("an update made from a stale version is refused and writes nothing")
        void staleUpdate() {
            Customer c = huaxia();
            kehu.customers().update(zhao, c.id(), c.version(), CustomerDetails.of(c).toBuilder().city("天津市").build());
            assertThatThrownBy(() -> kehu.customers().update(wang, c.id(), c.version(),
                    CustomerDetails.of(c).toBuilder().city("上海市").build()))
                    .isInstanceOf(StaleRecordException.class);
            assertThat(kehu.customers().get(wang, c.id()).address().city()).isEqualTo("天津市");
            assertThat(audit(Customer.RECORD_TYPE, c.id().value())).hasSize(2);
        }

        @Test
        @DisplayName("a parent that would make the customer its own ancestor is refused")
        void parentCycle() {
            Customer created = kehu.customers().create(wang, CustomerDetails.company("华夏集团").build());
            Customer sub = kehu.customers().create(wang, CustomerDetails.company("华夏科技").parent(created.id()).build());
            Customer leaf = kehu.customers().create(wang, CustomerDetails.company("华夏软件").parent(sub.id()).build());
            Customer group = kehu.customers().get(wang, created.id()); // attaching children advanced its version
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> kehu.customers()
                    .update(wang, group.id(), group.version(), CustomerDetails.of(group).toBuilder().parent(leaf.id()).build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("parent");
            assertThat(kehu.customers().get(wang, group.id()).parent()).isNull();
        }

        @Test
        @DisplayName("two people making two customers each other's parent at once never create a cycle")
        void concurrentParents() throws InterruptedException {
            Customer a = kehu.customers().create(wang, CustomerDetails.company("华夏集团").build());
            Customer b = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            writes.meetBeforeFirstWrite(2); // where the store lets both run at once, both check for a cycle first
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Customer>> results = List.of(
                    pool.submit(() -> kehu.customers().update(wang, a.id(), a.version(),
                            CustomerDetails.of(a).toBuilder().parent(b.id()).build())),
                    pool.submit(() -> kehu.customers().update(zhao, b.id(), b.version(),
                            CustomerDetails.of(b).toBuilder().parent(a.id()).build())));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            int succeeded = 0;
            for (Future<Customer> result : results) {
                try {
                    result.get();
                    succeeded++;
                } catch (ExecutionException e) {
                    // stale, or refused as a cycle where the second one saw the first
                    assertThat(e.getCause()).satisfiesAnyOf(
                            cause -> assertThat(cause).isInstanceOf(StaleRecordException.class),
                            cause -> assertThat(cause).isInstanceOfSatisfying(InvalidInputException.class,
                                    i -> assertThat(i.violations()).extracting(Violation::path).containsExactly("parent")));
                }
            }
            assertThat(parentsOf(a.id())).doesNotContain(a.id());
            assertThat(parentsOf(b.id())).doesNotContain(b.id());
            assertThat(succeeded).isLessThanOrEqualTo(1);
        }

        @Test
        @DisplayName("a customer always has an account manager")
        void ownerRequired() {
            Customer c = huaxia();
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> kehu.customers().changeOwner(wang, c.id(), null));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("owner");
            assertThat(kehu.customers().get(wang, c.id()).owner()).isEqualTo(wang.user());
        }

        @Test
        @DisplayName("a change of account manager is audited")
        void changeOwner() {
            Customer c = huaxia();
            Customer changed = kehu.customers().changeOwner(zhao, c.id(), new UserId("zhao.min"));
            assertThat(changed.owner()).isEqualTo(new UserId("zhao.min"));
            assertThat(audit(Customer.RECORD_TYPE, c.id().value()).get(1).changes())
                    .containsExactly(new FieldChange("owner", "wang.wei", "zhao.min"));
        }

        @Test
        @DisplayName("a deactivated customer leaves searches and accepts no more changes")
        void deactivate() {
            Customer c = huaxia();
            kehu.customers().deactivate(wang, c.id());
            assertThat(kehu.customers().search(wang, "bjhx", FIRST_PAGE).items()).isEmpty();
            assertThat(kehu.customers().find(wang, CustomerQuery.text("bjhx").includingClosed(), FIRST_PAGE).items())
                    .extracting(Customer::status).containsExactly(CustomerStatus.INACTIVE);
            assertThatThrownBy(() -> kehu.customers().changeOwner(wang, c.id(), new UserId("x")))
                    .isInstanceOf(BusinessRuleException.class);
        }

        @Test
        @DisplayName("departments and positions form the customer's organisation, and contacts sit in them")
        void organisation() {
            Customer c = huaxia();
            c = kehu.customers().addDepartment(wang, c.id(), "技术部", null);
            OrgUnit tech = c.organisation().get(0);
            c = kehu.customers().addPosition(wang, c.id(), tech.id(), "技术总监");
            OrgUnit cto = c.organisation().get(1);
            Contact li = kehu.contacts().create(wang, ContactDetails.of(c.id(), "李娜").orgUnit(cto.id()).build());
            assertThat(kehu.customers().get(wang, c.id()).organisation()).containsExactly(tech, cto);
            assertThat(li.orgUnit()).isEqualTo(cto.id());
            Customer finalC = c;
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () ->
                    kehu.contacts().create(wang, ContactDetails.of(finalC.id(), "王五").orgUnit("no-such-unit").build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("orgUnit");
        }
    }

    @Nested
    @DisplayName("contacts")
    class ContactsOfCustomers {
        @Test
        @DisplayName("making another contact primary demotes the old one in the same transaction")
        void onePrimary() {
            Customer c = huaxia();
            Contact li = contact(c, "李娜", true, "138 0013 8000");
            Contact zhang = contact(c, "张强", true, "139 1012 3456");
            assertThat(kehu.contacts().ofCustomer(wang, c.id())).filteredOn(Contact::primary)
                    .extracting(Contact::name).containsExactly("张强");
            kehu.contacts().makePrimary(wang, li.id());
            assertThat(kehu.contacts().ofCustomer(wang, c.id())).filteredOn(Contact::primary)
                    .extracting(Contact::id).containsExactly(li.id());
            assertThat(kehu.contacts().history(wang, zhang.id())).extracting(AuditEntry::action)
                    .containsExactly("contact.create", "contact.demote");
        }

        @Test
        @DisplayName("when saving the new primary fails, the old one is not demoted either")
        void primaryAtomic() {
            Customer c = huaxia();
            Contact li = contact(c, "李娜", true, "138 0013 8000");
            contacts.failOnSaveOf("张强");
            assertThatThrownBy(() -> contact(c, "张强", true, "139 1012 3456")).isInstanceOf(IllegalStateException.class);
            assertThat(kehu.contacts().ofCustomer(wang, c.id())).containsExactly(kehu.contacts().get(wang, li.id()));
            assertThat(kehu.contacts().get(wang, li.id()).primary()).isTrue();
        }

        @Test
        @DisplayName("two people naming different primary contacts at once never leave two primaries")
        void concurrentPrimaries() throws InterruptedException {
            Customer c = huaxia();
            Contact li = contact(c, "李娜", false, "138 0013 8000");
            Contact zhang = contact(c, "张强", false, "139 1012 3456");
            contacts.meetBeforeListing(2); // where the store lets both run at once, both read before either writes
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Contact>> results = List.of(
                    pool.submit(() -> kehu.contacts().makePrimary(wang, li.id())),
                    pool.submit(() -> kehu.contacts().makePrimary(zhao, zhang.id())));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            for (Future<Contact> result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StaleRecordException.class);
                }
            }
            assertThat(kehu.contacts().ofCustomer(wang, c.id())).filteredOn(Contact::primary).hasSize(1);
        }

        @Test
        @DisplayName("a contact of a customer that does not exist is refused")
        void unknownCustomer() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> kehu.contacts()
                    .create(wang, ContactDetails.of(new CustomerId("nobody"), "李娜")
                            .birthday(LocalDate.of(1800, 1, 1)).build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder("customer", "birthday");
        }

        @Test
        @DisplayName("a contact stays with its customer when updated")
        void customerFixed() {
            Customer c = huaxia();
            Customer other = kehu.customers().create(wang, CustomerDetails.company("上海浦东").build());
            Contact li = contact(c, "李娜", false, "138 0013 8000");
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> kehu.contacts()
                    .update(wang, li.id(), li.version(), ContactDetails.of(li).toBuilder().customer(other.id().value()).build()));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("customer");
        }
    }

    @Nested
    @DisplayName("finding customers")
    class Finding {
        @Test
        @DisplayName("the search box finds by pinyin initials, name, number, any written phone form and e-mail")
        void searchBox() {
            Customer c = huaxia();
            kehu.customers().create(wang, CustomerDetails.company("上海浦东发展贸易有限公司").phone("021-5888 6666").build());
            assertThat(kehu.customers().search(wang, "bj\u0000hx\u0007", FIRST_PAGE).items()).isNotEmpty();
            for (String text : List.of("bjhx", "华夏", "KH-0001", "kh-0001", "(010) 65123456", "+86 10 6512 3456",
                    "INFO@huaxia.example.cn")) {
                assertThat(kehu.customers().search(wang, text, FIRST_PAGE).items()).as(text)
                        .extracting(Customer::id).containsExactly(c.id());
            }
        }

        @Test
        @DisplayName("a caller is found by any written form of the number, as customer and as contact")
        void screenPop() {
            Customer c = huaxia();
            Contact li = contact(c, "李娜", true, "138 0013 8000");
            Callers byCustomerPhone = kehu.callCentre().findByPhone(wang, "+86-10-65123456");
            assertThat(byCustomerPhone.customers()).extracting(Customer::id).containsExactly(c.id());
            Callers byMobile = kehu.callCentre().findByPhone(wang, "0086 138-0013-8000");
            assertThat(byMobile.contacts()).extracting(Contact::id).containsExactly(li.id());
            assertThat(kehu.callCentre().findByPhone(wang, "not a number").isEmpty()).isTrue();
            assertThat(kehu.callCentre().findByPhone(otherTenant, "010 6512 3456").isEmpty()).isTrue();
            kehu.customers().deactivate(wang, c.id());
            assertThat(kehu.callCentre().findByPhone(wang, "138 0013 8000").isEmpty()).isTrue();
        }

        @Test
        @DisplayName("another tenant's customers are invisible")
        void tenants() {
            Customer c = huaxia();
            assertThat(kehu.customers().find(otherTenant, c.id())).isEmpty();
            assertThat(kehu.customers().search(otherTenant, "bjhx", FIRST_PAGE).total()).isZero();
        }
    }

    @Nested
    @DisplayName("merging duplicate customers")
    class Merging {
        @Test
        @DisplayName("contacts, children and history move to the survivor, which fills its empty fields")
        void merges() {
            Customer survivor = huaxia();
            contact(survivor, "李娜", true, "138 0013 8000");
            Customer duplicate = kehu.customers().create(zhao, CustomerDetails.company("华夏科技")
                    .website("www.huaxia.example.cn").tags("北京").build());
            Contact sun = contact(duplicate, "孙悦", true, "158 0101 2323");
            Customer child = kehu.customers().create(zhao, CustomerDetails.company("华夏科技上海分公司")
                    .parent(duplicate.id()).build());

            Customer merged = kehu.customers().merge(zhao, duplicate.id(), survivor.id());

            assertThat(merged.website()).isEqualTo("www.huaxia.example.cn");
            assertThat(merged.tags()).containsExactlyInAnyOrder("重点客户", "北京");
            assertThat(merged.phone()).isEqualTo(survivor.phone());
            assertThat(kehu.contacts().ofCustomer(wang, survivor.id())).extracting(Contact::name, Contact::primary)
                    .containsExactlyInAnyOrder(tuple("李娜", true),
                            tuple("孙悦", false));
            assertThat(kehu.contacts().ofCustomer(wang, duplicate.id())).isEmpty();
            assertThat(kehu.customers().get(wang, child.id()).parent()).isEqualTo(survivor.id());
            Customer gone = kehu.customers().get(wang, duplicate.id());
            assertThat(gone.status()).isEqualTo(CustomerStatus.MERGED);
            assertThat(gone.mergedInto()).isEqualTo(survivor.id());
            assertThat(kehu.customers().history(wang, survivor.id())).extracting(AuditEntry::recordId)
                    .contains(duplicate.id().value(), survivor.id().value());
            assertThat(kehu.contacts().history(wang, sun.id())).extracting(AuditEntry::action)
                    .containsExactly("contact.create", "contact.move");
        }

        @Test
        @DisplayName("a merge that fails part-way leaves both customers, their contacts and the audit trail as they were")
        void atomic() {
            Customer survivor = huaxia();
            Customer created = kehu.customers().create(zhao, CustomerDetails.company("华夏科技").build());
            contact(created, "孙悦", true, "158 0101 2323");
            contact(created, "周婷", false, "150 1234 5678");
            Customer duplicate = kehu.customers().get(wang, created.id()); // a new primary contact advanced its version
            int auditBefore = kehu.customers().history(wang, survivor.id()).size()
                    + kehu.customers().history(wang, duplicate.id()).size();
            contacts.failOnSaveOf("周婷");

            assertThatThrownBy(() -> kehu.customers().merge(zhao, duplicate.id(), survivor.id()))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(kehu.customers().get(wang, duplicate.id())).isEqualTo(duplicate);
            assertThat(kehu.customers().get(wang, survivor.id())).isEqualTo(survivor);
            assertThat(kehu.contacts().ofCustomer(wang, duplicate.id())).extracting(Contact::name)
                    .containsExactlyInAnyOrder("孙悦", "周婷");
            assertThat(kehu.contacts().ofCustomer(wang, survivor.id())).isEmpty();
            assertThat(kehu.customers().history(wang, survivor.id()).size()
                    + kehu.customers().history(wang, duplicate.id()).size()).isEqualTo(auditBefore);
        }

        @Test
        @DisplayName("a contact added while its customer is merged away ends up with the survivor or is refused")
        void contactAddedDuringMerge() throws InterruptedException, ExecutionException {
            Customer survivor = huaxia();
            Customer duplicate = kehu.customers().create(zhao, CustomerDetails.company("华夏科技").build());
            // Both read the duplicate as active before either writes; then the merge commits first, so a contact
            // that does not conflict with it would be written to a customer already merged away.
            writes.meetBeforeFirstWrite(2);
            CountDownLatch merged = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Customer> merge = pool.submit(() -> {
                try {
                    return kehu.customers().merge(wang, duplicate.id(), survivor.id());
                } finally {
                    merged.countDown();
                }
            });
            Future<Contact> added = pool.submit(() -> {
                writes.holdThisThreadAfterMeetingUntil(merged);
                return kehu.contacts().create(zhao, ContactDetails.of(duplicate.id(), "孙悦").mobile("158 0101 2323").build());
            });
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(merge.get().id()).isEqualTo(survivor.id());
            try {
                Contact contact = added.get();
                assertThat(kehu.contacts().get(wang, contact.id()).customer()).isEqualTo(survivor.id());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(StaleRecordException.class, InvalidInputException.class,
                        BusinessRuleException.class);
            }
            assertThat(kehu.contacts().ofCustomer(wang, duplicate.id())).isEmpty();
        }

        @Test
        @DisplayName("a survivor below the duplicate takes its place in the tree, and no cycle appears")
        void survivorBelowDuplicate() {
            Customer group = kehu.customers().create(wang, CustomerDetails.company("华夏集团").build());
            Customer duplicate = kehu.customers().create(wang, CustomerDetails.company("华夏").parent(group.id()).build());
            Customer middle = kehu.customers().create(wang, CustomerDetails.company("华夏科技").parent(duplicate.id()).build());
            Customer survivor = kehu.customers().create(wang, CustomerDetails.company("华夏软件").parent(middle.id()).build());
            Customer sibling = kehu.customers().create(wang, CustomerDetails.company("华夏物流").parent(duplicate.id()).build());

            Customer merged = kehu.customers().merge(wang, duplicate.id(), survivor.id());

            assertThat(merged.parent()).isEqualTo(middle.id());
            assertThat(kehu.customers().get(wang, middle.id()).parent()).isEqualTo(group.id());
            assertThat(kehu.customers().get(wang, sibling.id()).parent()).isEqualTo(survivor.id());
            // the survivor's own form saves unchanged: its parent is neither merged nor a cycle
            assertThat(kehu.customers().update(wang, survivor.id(), merged.version(), CustomerDetails.of(merged))
                    .parent()).isEqualTo(middle.id());
        }

        @Test
        @DisplayName("a customer cannot be merged into itself or into a merged customer")
        void refused() {
            Customer a = huaxia();
            Customer b = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            assertThatThrownBy(() -> kehu.customers().merge(wang, a.id(), a.id())).isInstanceOf(BusinessRuleException.class);
            kehu.customers().merge(wang, b.id(), a.id());
            Customer c = kehu.customers().create(wang, CustomerDetails.company("华夏软件").build());
            assertThatThrownBy(() -> kehu.customers().merge(wang, c.id(), b.id())).isInstanceOf(BusinessRuleException.class);
        }
    }

    /**
     * The store under test with wrapped Customers and Contacts ports: contacts that can be told to fail, to prove
     * rollback, and writes that can be made to wait for each other, to prove concurrent use cases conflict.
     */
    private static final class WrappedStore extends ForwardingCrmStore {
        private final Customers customers;
        private final Contacts contacts;

        WrappedStore(CrmStore store, Customers customers, Contacts contacts) {
            super(store);
            this.customers = customers;
            this.contacts = contacts;
        }

        @Override public Customers customers() { return customers; }
        @Override public Contacts contacts() { return contacts; }
    }

    private record MeetingCustomers(Customers delegate, WriteMeeting writes) implements Customers {
        @Override
        public Customer save(Customer customer) {
            writes.beforeWrite();
            return delegate.save(customer);
        }

        @Override public Optional<Customer> find(TenantId t, CustomerId id) { return delegate.find(t, id); }
        @Override public Optional<Customer> findByNumber(TenantId t, String number) { return delegate.findByNumber(t, number); }
        @Override public List<Customer> findByPhone(TenantId t, PhoneNumber p) { return delegate.findByPhone(t, p); }
        @Override public List<Customer> childrenOf(TenantId t, CustomerId parent) { return delegate.childrenOf(t, parent); }
        @Override public List<Customer> mergedInto(TenantId t, CustomerId survivor) { return delegate.mergedInto(t, survivor); }
        @Override public Page<Customer> page(TenantId t, CustomerQuery q, PageRequest<CustomerSort> r) {
            return delegate.page(t, q, r);
        }
    }

    private static final class FailingContacts implements Contacts {
        private final Contacts delegate;
        private final WriteMeeting writes;
        private final AtomicBoolean armed = new AtomicBoolean();
        private volatile String failingName;
        private volatile CyclicBarrier meeting;

        FailingContacts(Contacts delegate, WriteMeeting writes) {
            this.delegate = delegate;
            this.writes = writes;
        }

        void failOnSaveOf(String name) {
            failingName = name;
            armed.set(true);
        }

        @Override
        public Contact save(Contact contact) {
            if (armed.get() && contact.name().equals(failingName)) {
                throw new IllegalStateException("injected failure saving " + contact.name());
            }
            writes.beforeWrite();
            return delegate.save(contact);
        }

        @Override public Optional<Contact> find(TenantId t, ContactId id) { return delegate.find(t, id); }
        @Override public List<Contact> birthdaysIn(TenantId t, BirthdayWindow w, ContactId after, int limit) {
            return delegate.birthdaysIn(t, w, after, limit);
        }
        /** The next {@code parties} listings wait for each other, for at most two seconds. */
        void meetBeforeListing(int parties) {
            meeting = new CyclicBarrier(parties);
        }

        @Override
        public List<Contact> ofCustomer(TenantId t, CustomerId c) {
            CyclicBarrier barrier = meeting;
            if (barrier != null) {
                try {
                    // A store that runs one transaction at a time keeps the other party out: go on alone.
                    barrier.await(2, TimeUnit.SECONDS);
                    meeting = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException | TimeoutException e) {
                    meeting = null;
                }
            }
            return delegate.ofCustomer(t, c);
        }
        @Override public List<Contact> findByPhone(TenantId t, PhoneNumber p) { return delegate.findByPhone(t, p); }
        @Override public List<Contact> callersByPhone(TenantId t, PhoneNumber p) { return delegate.callersByPhone(t, p); }
        @Override public Page<Contact> page(TenantId t, ContactQuery q,
                                                                PageRequest<ContactSort> r) { return delegate.page(t, q, r); }
    }
}
