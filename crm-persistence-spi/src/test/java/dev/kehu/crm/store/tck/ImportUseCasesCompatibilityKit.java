package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.migration.CustomerImportRow;
import dev.kehu.crm.migration.ImportReport;
import dev.kehu.crm.migration.RowOutcome;
import dev.kehu.crm.migration.RowOutcome.Status;
import dev.kehu.crm.outbox.DomainEvent;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import dev.kehu.crm.security.AccessDeniedException;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bulk import of customers with their contacts ({@code Kehu.imports()}, Y4) on the store under test: rows
 * stored exactly as the single-record use cases store them, duplicates and invalid rows reported and never written,
 * chunks written whole or not at all with one look-up and batched writes each, and concurrent imports of the same
 * numbers leaving each number once.
 */
public abstract class ImportUseCasesCompatibilityKit {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final PageRequest<CustomerSort> ALL_CUSTOMERS = PageRequest.first(1000, CustomerSort.NAME);
    private static final PageRequest<ContactSort> ALL_CONTACTS = PageRequest.first(1000, ContactSort.NAME);

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private WatchedStore watched;
    private final WriteMeeting writes = new WriteMeeting();
    private final AtomicLong ids = new AtomicLong();
    private Kehu kehu;
    private final Actor wang = Actor.of("wang.wei", "tenant-a", Role.SALES_REPRESENTATIVE);
    private final Actor elsewhere = Actor.of("wang.wei", "tenant-b", Role.SALES_REPRESENTATIVE);

    @BeforeEach
    void openKehu() {
        store = newStore();
        watched = new WatchedStore(store, writes);
        kehu = kehu(Kehu.builder());
    }

    @AfterEach
    void closeKehu() {
        kehu.close();
        store.close();
    }

    /**
     * A Kehu on the watched store, its clock standing still, so that records made apart compare equal; ids zero-padded,
     * so that they sort in the order they were made, as time-ordered ids do.
     */
    private Kehu kehu(Kehu.Builder builder) {
        return builder.store(watched).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .idGenerator(() -> id(ids.incrementAndGet())).build();
    }

    private static String id(long n) {
        return String.format("id-%06d", n);
    }

    private static CustomerDetails company(String name, String number) {
        String phone = String.format("021-6000 %04d", number.hashCode() & 0xfff);
        return CustomerDetails.company(name).number(number).phone(phone).build();
    }

    private static ContactDetails contact(String name, boolean primary) {
        return new ContactDetails.Builder().name(name).mobile("138 0013 8000").email(name.strip() + "@Example.CN")
                .primary(primary).build();
    }

    /** {@code count} rows numbered {@code prefix}1, {@code prefix}2 …, each with a primary and another contact. */
    private static List<CustomerImportRow> rows(String prefix, String name, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> CustomerImportRow.of(company(name + i, prefix + i),
                contact(" 李娜" + i + " ", true), contact("张伟" + i, false))).toList();
    }

    private List<Customer> customersOf(Actor actor) {
        return store.customers().page(actor.tenant(), CustomerQuery.all().includingClosed(), ALL_CUSTOMERS).items();
    }

    private List<Contact> contactsOf(Actor actor) {
        return store.contacts().page(actor.tenant(), ContactQuery.all(), ALL_CONTACTS).items();
    }

    /** The audit entries of the records of the type among every id ever made, whether written or rolled back. */
    private List<AuditEntry> auditOf(Actor actor, String recordType) {
        List<String> made = LongStream.rangeClosed(1, ids.get()).mapToObj(ImportUseCasesCompatibilityKit::id).toList();
        return store.auditLog().forRecords(actor.tenant(), recordType, made);
    }

    private List<OutboxMessage> eventsOf(Actor actor) {
        return store.transactions().inTransaction(() -> store.outbox().list(actor.tenant(),
                new OutboxQuery(OutboxKind.EVENT, null, null, 1000)));
    }

    private static List<Status> statuses(ImportReport report) {
        return report.rows().stream().map(RowOutcome::status).toList();
    }

    @Test
    @DisplayName("a row is stored exactly as customers().create and contacts().create store it, with the same audit "
            + "entries and events; the customer is written once, at version 1")
    void storedAsSingleRecordsAre() {
        CustomerDetails huaxia = CustomerDetails.company("  北京华夏科技有限公司\u3000").number("KH-0001").industry("IT")
                .phone("010-6512 3456").fax("(010) 65123457").email("Info@HuaXia.example.cn").staffSize(350)
                .province("北京").city("北京市").website("https://huaxia.example.cn").valueRating("HIGH")
                .tags("重点客户", " 华北 ").notes("首批客户").build();
        ContactDetails li = new ContactDetails.Builder().name(" 李娜 ").position("技术总监").mobile("+86 138-0013-8000")
                .email("Li.Na@HuaXia.example.cn").birthday(LocalDate.of(1985, 3, 8)).primary(true).build();
        ContactDetails zhang = new ContactDetails.Builder().name("张伟").category("IMPORTANT").workPhone("+86 10 6512 3458")
                .gender("MALE").build();
        CustomerDetails wangFang = CustomerDetails.individual("王芳").gender("FEMALE").number("KH-0002")
                .phone("139 1234 5678").build();

        ImportReport report = kehu.imports().customers(wang,
                List.of(CustomerImportRow.of(huaxia, li, zhang), CustomerImportRow.of(wangFang)));

        // The same details through the single-record use cases, in another tenant.
        Customer one = kehu.customers().create(elsewhere, huaxia);
        kehu.contacts().create(elsewhere, li.toBuilder().customer(one.id().value()).build());
        kehu.contacts().create(elsewhere, zhang.toBuilder().customer(one.id().value()).build());
        kehu.customers().create(elsewhere, wangFang);

        assertThat(statuses(report)).containsExactly(Status.CREATED, Status.CREATED);
        for (String number : List.of("KH-0001", "KH-0002")) {
            Customer imported = store.customers().findByNumber(wang.tenant(), number).orElseThrow();
            Customer single = store.customers().findByNumber(elsewhere.tenant(), number).orElseThrow();
            assertThat(imported.version()).isEqualTo(1);
            assertThat(anonymous(imported)).usingRecursiveComparison().isEqualTo(anonymous(single));
            assertThat(store.contacts().ofCustomer(wang.tenant(), imported.id())).map(this::anonymous)
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(store.contacts().ofCustomer(elsewhere.tenant(), single.id()).stream()
                            .map(this::anonymous).toList());
        }
        assertThat(report.rows().get(0).contacts()).hasSize(2);
        assertThat(auditOf(wang, Customer.RECORD_TYPE)).map(this::anonymous)
                .containsExactlyElementsOf(auditOf(elsewhere, Customer.RECORD_TYPE).stream().map(this::anonymous).toList());
        assertThat(auditOf(wang, Contact.RECORD_TYPE)).map(this::anonymous)
                .containsExactlyElementsOf(auditOf(elsewhere, Contact.RECORD_TYPE).stream().map(this::anonymous).toList());
        assertThat(eventsOf(wang)).map(this::anonymous)
                .containsExactlyElementsOf(eventsOf(elsewhere).stream().map(this::anonymous).toList());
    }

    private Customer anonymous(Customer c) {
        return c.toBuilder().id(new CustomerId("x")).tenant(new TenantId("t")).version(0).build();
    }

    private Contact anonymous(Contact c) {
        return c.toBuilder().id(new ContactId("x")).tenant(new TenantId("t")).customer(new CustomerId("x")).build();
    }

    /** What an audit entry says, without the ids it names. */
    private List<Object> anonymous(AuditEntry e) {
        return List.of(e.action(), e.recordType(), e.actor(), e.at(), e.changes().stream()
                .map(c -> c.field().equals("customer") ? new FieldChange("customer", c.from(), "x") : c).toList());
    }

    /** What an event says, without the ids it names. */
    private List<Object> anonymous(OutboxMessage m) {
        Map<String, String> data = new LinkedHashMap<>(m.data());
        data.computeIfPresent("customer", (field, id) -> "x");
        return List.of(m.topic(), m.recordType(), m.actor(), m.createdAt(), m.status(), data);
    }

    @Test
    @DisplayName("a row whose number a stored customer or an earlier row holds is skipped and names the holder; a row "
            + "without a number is never a duplicate")
    void duplicatesAreSkipped() {
        Customer existing = kehu.customers().create(wang, CustomerDetails.company("已有客户").number("KH-0001").build());
        List<CustomerImportRow> rows = List.of(
                CustomerImportRow.of(company("重复的已有客户", "KH-0001"), contact("甲", true)),
                CustomerImportRow.of(company("新客户", "KH-0002"), contact("乙", true)),
                CustomerImportRow.of(company("同一块里的重复", "KH-0002"), contact("丙", true)),
                CustomerImportRow.of(CustomerDetails.company("无编号一").build()),
                CustomerImportRow.of(CustomerDetails.company("无编号二").build()),
                CustomerImportRow.of(company("下一块里的重复", "KH-0002"), contact("丁", true)));

        ImportReport report = kehu.imports().customers(wang, rows, 3);

        assertThat(statuses(report)).containsExactly(Status.DUPLICATE, Status.CREATED, Status.DUPLICATE, Status.CREATED,
                Status.CREATED, Status.DUPLICATE);
        CustomerId second = report.rows().get(1).customer();
        assertThat(report.rows()).extracting(RowOutcome::customer)
                .startsWith(existing.id(), second, second).endsWith(second);
        assertThat(report.duplicates()).allSatisfy(r -> assertThat(r.contacts()).isEmpty());
        assertThat(customersOf(wang)).extracting(Customer::name)
                .containsExactlyInAnyOrder("已有客户", "新客户", "无编号一", "无编号二");
        assertThat(contactsOf(wang)).extracting(Contact::name).containsExactly("乙");
        assertThat(auditOf(wang, Customer.RECORD_TYPE)).hasSize(4);
        assertThat(eventsOf(wang)).hasSize(5);
    }

    @Test
    @DisplayName("an invalid row is rejected with every violation, each path naming its part of the row, in the actor's "
            + "language; nothing of it is written, the valid rows are, and its number does not make a later row a duplicate")
    void invalidRowsAreRejected() {
        Actor english = wang.withLocale(Locale.ENGLISH);
        List<CustomerImportRow> rows = Arrays.asList(
                CustomerImportRow.of(company("华夏", "KH-0001"), contact("李娜", true)),
                CustomerImportRow.of(CustomerDetails.company(" ").number("KH-0002").phone("12345").build(),
                        contact("王丽", true)),
                CustomerImportRow.of(company("东方物流", "KH-0003"),
                        new ContactDetails.Builder().name("").mobile("123").build(),
                        contact("赵敏", true).toBuilder().customer("c-9").build(),
                        contact("钱进", true)),
                null,
                new CustomerImportRow(null, List.of()),
                CustomerImportRow.of(company("华夏物流", "KH-0001-B"), (ContactDetails) null),
                CustomerImportRow.of(company("另一个KH-0002", "KH-0002"), contact("孙悦", false)));

        ImportReport report = kehu.imports().customers(english, rows);

        assertThat(statuses(report)).containsExactly(Status.CREATED, Status.REJECTED, Status.REJECTED, Status.REJECTED,
                Status.REJECTED, Status.REJECTED, Status.CREATED);
        assertThat(report.rows().get(1).violations()).extracting(Violation::path)
                .containsExactlyInAnyOrder("customer.name", "customer.phone");
        assertThat(report.rows().get(1).violations()).filteredOn(v -> v.path().equals("customer.phone")).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("is not a valid phone number"));
        assertThat(report.rows().get(2).violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "contacts[0].name", "contacts[0].mobile", "contacts[1].customer", "contacts[2].primary");
        assertThat(report.rows().get(3).violations()).extracting(Violation::path).containsExactly("");
        assertThat(report.rows().get(4).violations()).extracting(Violation::path).containsExactly("customer");
        assertThat(report.rows().get(5).violations()).extracting(Violation::path).containsExactly("contacts[0]");
        assertThat(report.rejected()).allSatisfy(r -> {
            assertThat(r.customer()).isNull();
            assertThat(r.contacts()).isEmpty();
        });

        assertThat(customersOf(wang)).extracting(Customer::name).containsExactlyInAnyOrder("华夏", "另一个KH-0002");
        assertThat(contactsOf(wang)).extracting(Contact::name).containsExactlyInAnyOrder("李娜", "孙悦");
        assertThat(auditOf(wang, Customer.RECORD_TYPE)).hasSize(2);
        assertThat(auditOf(wang, Contact.RECORD_TYPE)).hasSize(2);
        assertThat(eventsOf(wang)).hasSize(4);
    }

    @Test
    @DisplayName("rows are written in chunks, each one transaction with one look-up of its numbers and one batch each "
            + "of customers and of contacts; nothing is saved or looked up row by row")
    void chunksAreBatched() {
        watched.reset();

        ImportReport report = kehu.imports().customers(wang, rows("N-", "客户", 250), 100);

        assertThat(report.created()).hasSize(250);
        assertThat(watched.transactionsBegun()).isEqualTo(3);
        assertThat(watched.customers.lookUps.get()).isEqualTo(3);
        assertThat(watched.customers.inserts.get()).isEqualTo(3);
        assertThat(watched.contacts.inserts.get()).isEqualTo(3);
        assertThat(watched.customers.rowByRow.get()).as("saves and look-ups by number").isZero();
        assertThat(watched.contacts.rowByRow.get()).as("saves").isZero();
        assertThat(customersOf(wang)).hasSize(250);
        assertThat(store.customers().findByNumber(wang.tenant(), "N-250")).get().extracting(Customer::name)
                .isEqualTo("客户250");
        assertThat(store.contacts().page(wang.tenant(), ContactQuery.all(), PageRequest.first(1, ContactSort.NAME))
                .total()).isEqualTo(500);
    }

    @Test
    @DisplayName("a chunk that fails part way leaves nothing of itself, no customer, contact, audit entry or event, and "
            + "the chunks committed before it stay")
    void failedChunkLeavesNothing() {
        IllegalStateException failure = new IllegalStateException("the database went away");
        watched.contacts.failAfterInsert(2, failure);

        assertThatThrownBy(() -> kehu.imports().customers(wang, rows("N-", "客户", 10), 4)).isSameAs(failure);

        assertThat(customersOf(wang)).extracting(Customer::number).containsExactlyInAnyOrder("N-1", "N-2", "N-3", "N-4");
        assertThat(contactsOf(wang)).hasSize(8);
        assertThat(auditOf(wang, Customer.RECORD_TYPE)).hasSize(4);
        assertThat(auditOf(wang, Contact.RECORD_TYPE)).hasSize(8);
        assertThat(eventsOf(wang)).hasSize(12);
    }

    @Test
    @DisplayName("a chunk refused for a number committed after its look-up is rolled back whole and imported again row "
            + "by row: nothing of the refused attempt stays, and each row is written once")
    void refusedChunkIsImportedRowByRow() {
        watched.customers.failAfterInsert(1, new DuplicateRecordException(Customer.RECORD_TYPE, "taken meanwhile"));
        watched.reset();

        ImportReport report = kehu.imports().customers(wang, rows("N-", "客户", 5), 5);

        assertThat(statuses(report)).containsOnly(Status.CREATED).hasSize(5);
        assertThat(watched.transactionsBegun()).as("the refused chunk, then each row").isEqualTo(6);
        assertThat(customersOf(wang)).extracting(Customer::id)
                .containsExactlyInAnyOrderElementsOf(report.rows().stream().map(RowOutcome::customer).toList());
        assertThat(contactsOf(wang)).hasSize(10);
        assertThat(auditOf(wang, Customer.RECORD_TYPE)).hasSize(5);
        assertThat(auditOf(wang, Contact.RECORD_TYPE)).hasSize(10);
        assertThat(eventsOf(wang)).hasSize(15);
    }

    @Test
    @DisplayName("two imports of overlapping numbers at once leave each number once: every such row is created by one "
            + "import and reported a duplicate of it by the other, and nothing of the other's attempt stays")
    void concurrentImports() throws InterruptedException {
        List<CustomerImportRow> first = rows("N-", "甲", 6);
        List<CustomerImportRow> second = IntStream.rangeClosed(4, 9).mapToObj(i -> CustomerImportRow.of(
                company("乙" + i, "N-" + i), contact("孙悦" + i, true))).toList();
        // Where the store lets both run at once, both have looked their numbers up before either writes.
        writes.meetBeforeFirstWrite(2);

        List<Object> outcomes = KitSupport.race(List.<Callable<ImportReport>>of(
                () -> kehu.imports().customers(wang, first), () -> kehu.imports().customers(wang, second)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ImportReport.class));
        ImportReport a = (ImportReport) outcomes.get(0);
        ImportReport b = (ImportReport) outcomes.get(1);
        for (int n = 1; n <= 9; n++) {
            Customer stored = store.customers().findByNumber(wang.tenant(), "N-" + n).orElseThrow();
            List<RowOutcome> rowsOfN = new ArrayList<>();
            if (n <= 6) rowsOfN.add(a.rows().get(n - 1));
            if (n >= 4) rowsOfN.add(b.rows().get(n - 4));
            assertThat(rowsOfN).as("N-" + n).filteredOn(r -> r.status() == Status.CREATED).singleElement()
                    .satisfies(r -> assertThat(r.customer()).isEqualTo(stored.id()));
            assertThat(rowsOfN).as("N-" + n).allSatisfy(r -> assertThat(r.customer()).isEqualTo(stored.id()));
        }
        assertThat(customersOf(wang)).hasSize(9);
        long contactsCreated = a.created().size() * 2L + b.created().size();
        assertThat(contactsOf(wang)).hasSize((int) contactsCreated)
                .allSatisfy(k -> assertThat(store.customers().find(wang.tenant(), k.customer())).isPresent());
        assertThat(auditOf(wang, Customer.RECORD_TYPE)).hasSize(9);
        assertThat(auditOf(wang, Contact.RECORD_TYPE)).hasSize((int) contactsCreated);
        assertThat(eventsOf(wang)).hasSize(9 + (int) contactsCreated);
    }

    @Test
    @DisplayName("with an event consumer, each event of the import is published once after its chunk commits")
    void eventsArePublished() {
        List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());
        try (Kehu consuming = kehu(Kehu.builder().domainEvents(published::add))) {
            consuming.imports().customers(wang, rows("N-", "客户", 15), 10);
        }
        assertThat(published).hasSize(45).extracting(DomainEvent::key).doesNotHaveDuplicates();
        assertThat(eventsOf(wang)).hasSize(45).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(m.attempts()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("an actor who may not create customers is refused before anything is read or written; a chunk size "
            + "outside 1 to 1000 is refused")
    void refusals() {
        AtomicReference<String> asked = new AtomicReference<>();
        try (Kehu guarded = kehu(Kehu.builder().accessPolicy((actor, action, type, owner) -> {
            asked.compareAndSet(null, action);
            return !action.equals("customer.create");
        }))) {
            watched.reset();
            assertThatThrownBy(() -> guarded.imports().customers(wang, rows("N-", "客户", 3)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(asked.get()).isEqualTo("customer.create");
        assertThat(watched.transactionsBegun()).isZero();
        assertThat(watched.customers.lookUps.get()).isZero();
        assertThat(customersOf(wang)).isEmpty();
        assertThatThrownBy(() -> kehu.imports().customers(wang, rows("N-", "客户", 3), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kehu.imports().customers(wang, rows("N-", "客户", 3), 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(customersOf(wang)).isEmpty();
    }

    /** The kit's store: transactions counted, customers and contacts watched. */
    private static final class WatchedStore extends CountingStore {
        final WatchedCustomers customers;
        final WatchedContacts contacts;

        WatchedStore(CrmStore store, WriteMeeting writes) {
            super(store);
            customers = new WatchedCustomers(store.customers(), writes);
            contacts = new WatchedContacts(store.contacts());
        }

        @Override public Customers customers() { return customers; }
        @Override public Contacts contacts() { return contacts; }

        @Override
        void reset() {
            super.reset();
            customers.lookUps.set(0);
            customers.inserts.set(0);
            customers.rowByRow.set(0);
            contacts.inserts.set(0);
            contacts.rowByRow.set(0);
        }
    }

    /** Makes the {@code nth} batch insert from now fail once it has written, as a store refusing part of it would. */
    private static final class Failure {
        private final AtomicInteger countdown = new AtomicInteger();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        void arm(int nth, RuntimeException e) {
            countdown.set(nth);
            failure.set(e);
        }

        void afterInsert() {
            if (failure.get() != null && countdown.decrementAndGet() == 0) throw failure.getAndSet(null);
        }
    }

    private static final class WatchedCustomers implements Customers {
        private final Customers delegate;
        private final WriteMeeting writes;
        private final Failure failure = new Failure();
        final AtomicInteger lookUps = new AtomicInteger();
        final AtomicInteger inserts = new AtomicInteger();
        final AtomicInteger rowByRow = new AtomicInteger();

        WatchedCustomers(Customers delegate, WriteMeeting writes) {
            this.delegate = delegate;
            this.writes = writes;
        }

        void failAfterInsert(int nth, RuntimeException e) {
            failure.arm(nth, e);
        }

        @Override
        public Map<String, CustomerId> idsByNumber(TenantId tenant, Collection<String> numbers) {
            lookUps.incrementAndGet();
            return delegate.idsByNumber(tenant, numbers);
        }

        @Override
        public List<Customer> insertAll(List<Customer> customers) {
            writes.beforeWrite();
            inserts.incrementAndGet();
            List<Customer> stored = delegate.insertAll(customers);
            failure.afterInsert();
            return stored;
        }

        @Override
        public Customer save(Customer customer) {
            rowByRow.incrementAndGet();
            return delegate.save(customer);
        }

        @Override
        public Optional<Customer> findByNumber(TenantId t, String number) {
            rowByRow.incrementAndGet();
            return delegate.findByNumber(t, number);
        }

        @Override public Optional<Customer> find(TenantId t, CustomerId id) { return delegate.find(t, id); }
        @Override public Map<CustomerId, Customer> findAll(TenantId t, Collection<CustomerId> ids) {
            return delegate.findAll(t, ids);
        }
        @Override public List<Customer> findByPhone(TenantId t, PhoneNumber p) { return delegate.findByPhone(t, p); }
        @Override public List<Customer> childrenOf(TenantId t, CustomerId parent) { return delegate.childrenOf(t, parent); }
        @Override public List<Customer> mergedInto(TenantId t, CustomerId survivor) { return delegate.mergedInto(t, survivor); }
        @Override public Page<Customer> page(TenantId t, CustomerQuery q, PageRequest<CustomerSort> r) {
            return delegate.page(t, q, r);
        }
    }

    private static final class WatchedContacts implements Contacts {
        private final Contacts delegate;
        private final Failure failure = new Failure();
        final AtomicInteger inserts = new AtomicInteger();
        final AtomicInteger rowByRow = new AtomicInteger();

        WatchedContacts(Contacts delegate) {
            this.delegate = delegate;
        }

        void failAfterInsert(int nth, RuntimeException e) {
            failure.arm(nth, e);
        }

        @Override
        public List<Contact> insertAll(List<Contact> contacts) {
            inserts.incrementAndGet();
            List<Contact> stored = delegate.insertAll(contacts);
            failure.afterInsert();
            return stored;
        }

        @Override
        public Contact save(Contact contact) {
            rowByRow.incrementAndGet();
            return delegate.save(contact);
        }

        @Override public Optional<Contact> find(TenantId t, ContactId id) { return delegate.find(t, id); }
        @Override public List<Contact> ofCustomer(TenantId t, CustomerId c) { return delegate.ofCustomer(t, c); }
        @Override public List<Contact> findByPhone(TenantId t, PhoneNumber p) { return delegate.findByPhone(t, p); }
        @Override public List<Contact> callersByPhone(TenantId t, PhoneNumber p) { return delegate.callersByPhone(t, p); }
        @Override public Page<Contact> page(TenantId t, ContactQuery q, PageRequest<ContactSort> r) {
            return delegate.page(t, q, r);
        }
        @Override public List<Contact> birthdaysIn(TenantId t, BirthdayWindow w, ContactId after, int limit) {
            return delegate.birthdaysIn(t, w, after, limit);
        }
    }
}
