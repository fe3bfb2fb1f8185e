package dev.kehu.crm.jdbc;

import static dev.kehu.crm.jdbc.CrashChild.POOL;
import static dev.kehu.crm.jdbc.CrashChild.REPS;
import static dev.kehu.crm.jdbc.CrashChild.TODAY;
import static dev.kehu.crm.jdbc.CrashChild.UNIT;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.minimalContact;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static dev.kehu.crm.store.tck.TestRecords.minimalOpportunity;
import static dev.kehu.crm.store.tck.TestRecords.minimalSalesOrder;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.jdbc.CrashChild.Workload;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery, on each database: a child JVM runs a long piece of work through {@code Kehu} and is killed with
 * SIGKILL once it has reported part of it committed; a second child runs the same work again on the same database
 * and finishes it. Nothing the first one committed is lost, nothing is done twice, and everything gets done.
 * The sizes are small, and the kill comes after about a quarter of the work, so that the whole class takes a couple
 * of minutes on two cores; the tests check that the kill came with part, not all, of the work committed.
 */
abstract class CrashRecoveryContractTest {
    /** Where the child JVMs' logs and the delivered-message files go (and H2's database files). */
    static final Path WORK = Path.of("target", "crash-recovery").toAbsolutePath();

    private static final int CUSTOMERS = 240;
    private static final int BIRTHDAY_CONTACTS = 450;
    private static final int PURCHASING_CUSTOMERS = 300;
    private static final int OPPORTUNITIES = 300;
    private static final int MESSAGES = 600;
    /**
     * The relay reads due messages this many at a time and claims them one by one, so one at most is in flight when
     * it dies; a relay that claimed a whole batch at once could leave this many.
     */
    private static final int RELAY_BATCH = 100;

    /** The JDBC URL of an empty database of this test's own, which the test and its child JVMs take turns on. */
    protected abstract String emptyDatabase();

    @Test
    @DisplayName("a bulk creation of customers and contacts killed half-way, then run again, stores each once, with one"
            + " creation audit entry and one event each, and keeps every record it reported committed")
    void bulkCreation() throws Exception {
        Run run = new Run(Workload.CUSTOMERS, CUSTOMERS);
        List<String> all = CustomerCreation.input(CUSTOMERS).stream().flatMap(row -> Stream.concat(
                Stream.of("customer " + row.number()),
                row.contacts().stream().map(contact -> "contact " + row.number() + " " + contact.name()))).toList();

        Set<String> reported = run.killAfter(all.size() / 4);
        List<String> atKill = run.withStore(CrashRecoveryContractTest::createdRecords);
        assertThat(atKill).as("what the killed run had committed").containsAll(reported).hasSizeLessThan(all.size());
        run.restart();

        run.check(store -> {
            List<String> stored = createdRecords(store);
            assertThat(stored).as("customers and contacts, each once").hasSameSizeAs(all)
                    .containsExactlyInAnyOrderElementsOf(all);
            List<Customer> customers = customers(store);
            List<String> customerIds = customers.stream().map(c -> c.id().value()).toList();
            List<String> contactIds = customers.stream().flatMap(c -> store.contacts().ofCustomer(TENANT, c.id()).stream())
                    .map(c -> c.id().value()).toList();
            assertThat(actions(store, Customer.RECORD_TYPE, customerIds, "customer.create")).as("creation audit entries")
                    .containsExactlyInAnyOrderElementsOf(customerIds);
            assertThat(actions(store, Contact.RECORD_TYPE, contactIds, "contact.create")).as("creation audit entries")
                    .containsExactlyInAnyOrderElementsOf(contactIds);
            List<OutboxMessage> messages = outbox(store);
            assertThat(recordIds(messages, OutboxKind.EVENT, "customer.create")).as("creation events")
                    .containsExactlyInAnyOrderElementsOf(customerIds);
            assertThat(recordIds(messages, OutboxKind.EVENT, "contact.create")).as("creation events")
                    .containsExactlyInAnyOrderElementsOf(contactIds);
            assertThat(messages).as("messages left undelivered").allMatch(m -> m.status() == OutboxStatus.DELIVERED);
        });
    }

    @Test
    @DisplayName("a care run killed half-way, then run again, stores each due reminder once with one notification"
            + " each, all delivered, and keeps every reminder it had notified")
    void careRun() throws Exception {
        Run run = new Run(Workload.CARE, 0);
        Map<String, LocalDate> due = run.withStore(CrashRecoveryContractTest::remindersDue);

        // Half-way through a page's notifications, which go out only once the page has committed.
        Set<String> reported = run.killAfter(due.size() / 4 / CrashChild.CARE_PAGE * CrashChild.CARE_PAGE
                + CrashChild.CARE_PAGE / 2);
        List<String> atKill = run.withStore(store -> reminders(store).stream().map(Reminder::key).toList());
        assertThat(atKill).as("the reminders of the pages the killed run committed").containsAll(reported)
                .hasSizeLessThan(due.size());
        run.restart();

        run.check(store -> {
            List<Reminder> reminders = reminders(store);
            Map<String, LocalDate> stored = new HashMap<>();
            reminders.forEach(r -> stored.put(r.rule() + ":" + r.subjectId(), r.due()));
            assertThat(reminders).as("one reminder per subject and rule").hasSameSizeAs(stored.keySet());
            assertThat(stored).as("the reminders due, by subject, with their dates").isEqualTo(due);
            List<OutboxMessage> notifications = outbox(store).stream()
                    .filter(m -> m.topic().startsWith("care.")).toList();
            assertThat(notifications).as("one notification per reminder")
                    .extracting(OutboxMessage::key)
                    .containsExactlyInAnyOrderElementsOf(reminders.stream().map(r -> "reminder:" + r.key()).toList());
            assertThat(notifications).as("notifications left undelivered")
                    .allMatch(m -> m.status() == OutboxStatus.DELIVERED);
        });
    }

    @Test
    @DisplayName("a round-robin assignment in batches killed half-way, then run again for what is left, assigns each"
            + " opportunity once, audited and notified once, and the turns run on as if nothing had happened")
    void batchAssignment() throws Exception {
        Run run = new Run(Workload.ASSIGNMENT, 0);
        run.check(CrashRecoveryContractTest::opportunitiesInThePool);

        Set<String> reported = run.killAfter(OPPORTUNITIES / 4);
        Map<String, String> atKill = run.withStore(CrashRecoveryContractTest::owners);
        assertThat(atKill).as("the opportunities the killed run assigned")
                .containsAllEntriesOf(reported.stream().map(line -> line.split(" "))
                        .collect(LinkedHashMap::new, (m, l) -> m.put(l[0], l[1]), Map::putAll));
        assertThat(atKill.values()).as("opportunities still in the pool at the kill").contains(POOL.value());
        run.restart();

        run.check(store -> {
            Map<String, String> owners = owners(store);
            List<String> ids = owners.keySet().stream().sorted().toList();
            // The batches go in id order and each commits with the team's turn: the n-th is the n-th rep's turn.
            assertThat(owners).as("owners, in turn").isEqualTo(IntStream.range(0, ids.size()).boxed()
                    .collect(LinkedHashMap::new, (m, i) -> m.put(ids.get(i), REPS.get(i % REPS.size()).value()), Map::putAll));
            Map<String, Long> load = owners.values().stream().collect(groupingBy(Function.identity(), counting()));
            assertThat(load.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                    - load.values().stream().mapToLong(Long::longValue).min().orElseThrow())
                    .as("the difference of loads, %s", load).isLessThanOrEqualTo(1);
            assertThat(actions(store, Opportunity.RECORD_TYPE, ids, "opportunity.assign")).as("owner changes audited")
                    .containsExactlyInAnyOrderElementsOf(ids);
            List<OutboxMessage> messages = outbox(store);
            List<OutboxMessage> notified = messages.stream().filter(m -> m.kind() == OutboxKind.NOTIFICATION).toList();
            assertThat(notified).as("the new owners notified once each")
                    .extracting(m -> m.recordId() + " " + m.recipient().value())
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + " " + owners.get(id)).toList());
            assertThat(messages).as("messages left undelivered").allMatch(m -> m.status() == OutboxStatus.DELIVERED);
        });
    }

    @Test
    @DisplayName("an outbox delivery killed half-way, then run again after the lease, delivers every message, twice"
            + " only those in flight at the kill, and leaves none pending")
    void outboxDelivery() throws Exception {
        Run run = new Run(Workload.OUTBOX, MESSAGES);
        List<String> ids = run.withStore(CrashRecoveryContractTest::pendingNotifications);

        Set<String> reported = run.killAfter(MESSAGES / 4);
        List<OutboxMessage> atKill = run.withStore(CrashRecoveryContractTest::outbox);
        Set<String> inFlight = atKill.stream().filter(m -> m.status() == OutboxStatus.PENDING && m.attempts() > 0)
                .map(OutboxMessage::recordId).collect(toSet());
        assertThat(atKill).as("the killed run had marked some messages delivered and left some untried")
                .anyMatch(m -> m.status() == OutboxStatus.DELIVERED)
                .anyMatch(m -> m.status() == OutboxStatus.PENDING && m.attempts() == 0);
        assertThat(inFlight).as("messages claimed and not marked at the kill").hasSizeLessThanOrEqualTo(RELAY_BATCH);
        run.restart();

        List<String> delivered = Files.readAllLines(run.deliveries);
        assertThat(delivered).as("what the channel received").containsAll(reported);
        assertThat(Set.copyOf(delivered)).as("every message delivered").isEqualTo(Set.copyOf(ids));
        Map<String, Long> times = delivered.stream().collect(groupingBy(Function.identity(), counting()));
        assertThat(times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("messages delivered twice: at most those in flight at the kill, %s", inFlight)
                .isSubsetOf(inFlight);
        assertThat(times.values()).as("times each message was delivered").allMatch(n -> n <= 2);
        assertThat(run.withStore(CrashRecoveryContractTest::outbox)).as("messages left undelivered")
                .allMatch(m -> m.status() == OutboxStatus.DELIVERED);
    }

    // ---- datasets, written through the store's repositories ------------------------------------------------------

    /**
     * Contacts with birthdays, four in five of them in the week after {@link CrashChild#TODAY}, and customers who
     * bought, four in five of them longer than six months ago. Returns the reminders due, by {@code <rule>:<subject>},
     * with their dates, worked out here from the dataset rather than by the rules.
     */
    private static Map<String, LocalDate> remindersDue(CrmStore store) {
        Map<String, LocalDate> due = new HashMap<>();
        store.transactions().useTransaction(() -> {
            for (int i = 0; i < BIRTHDAY_CONTACTS; i++) {
                CustomerId customer = new CustomerId(String.format("c-%05d", i / 3));
                if (i % 3 == 0) store.customers().save(minimalCustomer(TENANT, customer.value(), "生日客户" + i / 3));
                boolean inWindow = i % 5 != 0;
                LocalDate birthday = inWindow ? LocalDate.of(1970 + i % 30, TODAY.getMonth(), TODAY.getDayOfMonth() + i % 8)
                        : LocalDate.of(1970 + i % 30, TODAY.getMonth().plus(2), 1 + i % 28);
                Contact contact = store.contacts().save(minimalContact(TENANT, String.format("k-%05d", i), customer,
                        "寿星" + i).toBuilder().birthday(birthday).build());
                if (inWindow) due.put(CareRules.BIRTHDAYS + ":" + contact.id().value(), birthday.withYear(TODAY.getYear()));
            }
            for (int i = 0; i < PURCHASING_CUSTOMERS; i++) {
                Customer customer = store.customers().save(minimalCustomer(TENANT, String.format("d-%05d", i), "老客户" + i));
                boolean dormant = i % 5 != 0;
                LocalDate lastPurchase = dormant ? TODAY.minusMonths(9) : TODAY.minusMonths(2);
                store.salesOrders().save(minimalSalesOrder(TENANT, String.format("so-%05d", i), customer.id(), lastPurchase));
                // The first dormant day: the day after six months have passed since the purchase.
                if (dormant) due.put(CareRules.DORMANT_CUSTOMERS + ":" + customer.id().value(),
                        lastPurchase.plusMonths(6).plusDays(1));
            }
        });
        return due;
    }

    /** Open opportunities held by {@link CrashChild#POOL}, waiting to be assigned. */
    private static void opportunitiesInThePool(CrmStore store) {
        store.transactions().useTransaction(() -> {
            for (int i = 0; i < OPPORTUNITIES / 5; i++) {
                store.customers().save(minimalCustomer(TENANT, String.format("c-%05d", i), "商机客户" + i));
            }
            for (int i = 0; i < OPPORTUNITIES; i++) {
                store.opportunities().save(minimalOpportunity(TENANT, String.format("o-%05d", i),
                        new CustomerId(String.format("c-%05d", i % (OPPORTUNITIES / 5)))).toBuilder().owner(POOL).build());
            }
        });
    }

    /** Pending notifications, due now, each about a record of its own id; returns their ids. */
    private static List<String> pendingNotifications(CrmStore store) {
        List<String> ids = IntStream.range(0, MESSAGES).mapToObj(i -> String.format("m-%05d", i)).toList();
        store.transactions().useTransaction(() -> ids.forEach(id -> store.outbox().append(OutboxMessage.pending(id, TENANT,
                OutboxKind.NOTIFICATION, "crash-test:" + id, "opportunity.assigned", Opportunity.RECORD_TYPE, id, LI, WANG,
                T0, Map.of("subject", id)))));
        return ids;
    }

    // ---- reading back ----------------------------------------------------------------------------------------------

    private static List<Customer> customers(CrmStore store) {
        List<Customer> all = new ArrayList<>();
        for (PageRequest<CustomerSort> page = PageRequest.first(PageRequest.MAX_SIZE, CustomerSort.NUMBER); ;
             page = page.next()) {
            List<Customer> items = store.customers().page(TENANT, CustomerQuery.all(), page).items();
            all.addAll(items);
            if (items.size() < page.size()) return all;
        }
    }

    /** The customers and contacts stored, as {@link CustomerCreation} reports them. */
    private static List<String> createdRecords(CrmStore store) {
        List<String> records = new ArrayList<>();
        for (Customer customer : customers(store)) {
            records.add("customer " + customer.number());
            store.contacts().ofCustomer(TENANT, customer.id())
                    .forEach(c -> records.add("contact " + customer.number() + " " + c.name()));
        }
        return records;
    }

    private static List<Reminder> reminders(CrmStore store) {
        List<Reminder> all = new ArrayList<>();
        for (List<Reminder> page = store.reminders().ofRecipient(TENANT, WANG, null, 1000); !page.isEmpty();
             page = store.reminders().ofRecipient(TENANT, WANG, page.get(page.size() - 1), 1000)) {
            all.addAll(page);
        }
        return all;
    }

    /** Each opportunity's owner, by id. */
    private static Map<String, String> owners(CrmStore store) {
        Map<String, String> owners = new LinkedHashMap<>();
        store.opportunities().matching(TENANT, OpportunityQuery.all()).stream()
                .sorted(Comparator.comparing(o -> o.id().value()))
                .forEach(o -> owners.put(o.id().value(), o.owner().value()));
        return owners;
    }

    /** The tenant's outbox, oldest first. */
    private static List<OutboxMessage> outbox(CrmStore store) {
        List<OutboxMessage> all = new ArrayList<>();
        OutboxQuery query = new OutboxQuery(null, null, null, 1000);
        for (List<OutboxMessage> page = store.outbox().list(TENANT, query); !page.isEmpty();
             page = store.outbox().list(TENANT, query.after(page.get(page.size() - 1).id()))) {
            all.addAll(page);
        }
        return all;
    }

    private static List<String> recordIds(List<OutboxMessage> messages, OutboxKind kind, String topic) {
        return messages.stream().filter(m -> m.kind() == kind && m.topic().equals(topic)).map(OutboxMessage::recordId)
                .toList();
    }

    /** The record ids of the audit entries of {@code action} about {@code ids}: each as often as it was audited so. */
    private static List<String> actions(CrmStore store, String recordType, Collection<String> ids, String action) {
        return store.auditLog().forRecords(TENANT, recordType, ids).stream().filter(e -> e.action().equals(action))
                .map(AuditEntry::recordId).toList();
    }

    /** One workload on one database: a first child killed half-way, a second that finishes. */
    private final class Run {
        private final Workload workload;
        private final int size;
        private final String url = emptyDatabase();
        private final String name;
        final Path deliveries;

        Run(Workload workload, int size) throws IOException {
            this.workload = workload;
            this.size = size;
            this.name = workload.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
            this.deliveries = WORK.resolve(name + "-delivered.txt");
            Files.createDirectories(WORK);
        }

        /** Starts the first child, kills it once it has reported {@code units} units; the units it reported. */
        Set<String> killAfter(int units) throws InterruptedException {
            List<String> lines = child(List.of()).killAfter(UNIT, units);
            return lines.stream().filter(l -> l.startsWith(UNIT)).map(l -> l.substring(UNIT.length())).collect(toSet());
        }

        /** Runs the work again on the same database, to the end. */
        void restart() throws InterruptedException {
            child(List.of(CrashChild.RESTART)).finish();
        }

        private ChildJvm child(List<String> more) {
            List<String> arguments = new ArrayList<>(List.of(workload.name(), url, Integer.toString(size),
                    deliveries.toString()));
            arguments.addAll(more);
            return ChildJvm.start(WORK.resolve(name + ".log"), arguments);
        }

        /** Runs {@code checks} on a store of its own, closed before returning. */
        void check(Consumer<CrmStore> checks) {
            withStore(store -> {
                checks.accept(store);
                return null;
            });
        }

        /**
         * Runs {@code work} on a store of its own, closed before returning: an embedded database must be free for the
         * next child.
         */
        <T> T withStore(Function<CrmStore, T> work) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(2);
            try (HikariDataSource dataSource = new HikariDataSource(config);
                 JdbcCrmStore store = JdbcCrmStore.create(dataSource)) {
                return work.apply(store);
            }
        }
    }
}
