package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.notification.Notifications;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.outbox.DeliveryReport;
import dev.kehu.crm.outbox.DomainEvent;
import dev.kehu.crm.outbox.DomainEvents;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxRelay;
import dev.kehu.crm.outbox.OutboxStatus;
import dev.kehu.crm.outbox.RetryPolicy;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.security.TeamId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox through {@link Kehu} on the store under test: messages exist exactly when their change
 * committed, failing channels are retried until delivered or dead-lettered, a crash loses nothing, and two
 * relays never deliver one message twice at once.
 */
public abstract class OutboxUseCasesCompatibilityKit {
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    private static final TeamId EAST = new TeamId("east");
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofMinutes(5));

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final AtomicLong ids = new AtomicLong();
    private final Actor wang = Actor.of("wang.wei", "tenant-a", Role.SALES_REPRESENTATIVE);
    private final Actor boss = Actor.of("li.na", "tenant-a", Role.SALES_SUPERVISOR);
    private final List<SalesRep> team = List.of(
            new SalesRep(new UserId("chen.jing"), Set.of(EAST), true, false, Set.of(), Set.of(), Set.of(), null),
            new SalesRep(new UserId("liu.yang"), Set.of(EAST), true, false, Set.of(), Set.of(), Set.of(), null));
    /** Every notification a channel accepted, by the message's idempotency key (taken from its details). */
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A Kehu on the kit's store with its own clock (moved by the tests) and the given notification channel. */
    private Kehu kehu(Notifications channel) {
        return kehu(channel, QUICK);
    }

    private Kehu kehu(Notifications channel, RetryPolicy retry) {
        return builder(store, channel, retry).domainEvents(published::add).build();
    }

    /** As {@link #kehu(Notifications, RetryPolicy)} on {@code on}, without an event consumer unless one is added. */
    private Kehu.Builder builder(CrmStore on, Notifications channel, RetryPolicy retry) {
        // Zero-padded, so that ids sort in the order they were made, as time-ordered ids do.
        return Kehu.builder().store(on).clock(clock()).idGenerator(() -> String.format("m-%08d", ids.incrementAndGet()))
                .salesForce(SalesForce.of(team)).notifications(channel).retryPolicy(retry);
    }

    /** The kit's clock, which the tests move. */
    private Clock clock() {
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
    }

    /** A channel that accepts everything and counts what it accepted. */
    private Notifications counting() {
        return n -> accepted.computeIfAbsent(n.recordId() + "/" + n.recipient(), k -> new AtomicInteger()).incrementAndGet();
    }

    private void later(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    private Opportunity deal(Kehu kehu, Customer customer, String subject) {
        return kehu.opportunities().open(wang, OpportunityDetails.of(customer.id(), subject).build());
    }

    private List<OutboxMessage> messages(OutboxKind kind) {
        return store.transactions().inTransaction(() -> store.outbox().list(wang.tenant(),
                new OutboxQuery(kind, null, null, 1000)));
    }

    @Test
    @DisplayName("a notification is written with its change and delivered right after the commit")
    void deliveredAfterCommit() {
        try (Kehu kehu = kehu(counting())) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            Opportunity o = deal(kehu, customer, "ERP");
            kehu.assignment().assign(boss, o.id(), new UserId("chen.jing"));
            assertThat(accepted).containsOnlyKeys(o.id().value() + "/chen.jing");
            assertThat(messages(OutboxKind.NOTIFICATION)).singleElement().satisfies(m -> {
                assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
                assertThat(m.topic()).isEqualTo("opportunity.assigned");
                assertThat(m.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    @DisplayName("purgeDelivered removes what was delivered longer ago than it keeps, in as many batches as that "
            + "takes, and leaves recent, pending and dead messages")
    void purgeDeliveredMessages() {
        Instant old = START.minus(Duration.ofDays(2));
        int many = 501; // more than one batch of the purge
        store.transactions().useTransaction(() -> {
            for (int i = 0; i < many; i++) {
                store.outbox().append(message("old-" + i, old).delivered(old.plusSeconds(i)));
            }
            store.outbox().append(message("recent", old).delivered(START.minus(Duration.ofHours(1))));
            store.outbox().append(message("waiting", old));
            store.outbox().append(message("dead", old).failed("refused", null));
        });

        try (Kehu kehu = kehu(counting())) {
            assertThatThrownBy(() -> kehu.outbox().purgeDelivered(Duration.ofDays(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(messages(OutboxKind.EVENT)).hasSize(many + 3);

            assertThat(kehu.outbox().purgeDelivered(Duration.ofDays(1))).isEqualTo(many);
            assertThat(kehu.outbox().purgeDelivered(Duration.ofDays(1))).isZero();
        }
        assertThat(messages(OutboxKind.EVENT)).extracting(OutboxMessage::key)
                .containsExactlyInAnyOrder("recent", "waiting", "dead");
    }

    private OutboxMessage message(String key, Instant at) {
        return OutboxMessage.pending("m-" + key, wang.tenant(), OutboxKind.EVENT, key, "customer.update", "customer",
                "c-1", null, wang.user(), at, Map.of());
    }

    @Test
    @DisplayName("every audited change is a domain event, published after commit and readable in order with paging")
    void eventsForHosts() {
        try (Kehu kehu = kehu(counting())) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").city("北京").build());
            kehu.customers().update(wang, customer.id(), customer.version(),
                    CustomerDetails.of(customer).toBuilder().city("上海").build());
            List<OutboxMessage> events = messages(OutboxKind.EVENT);
            assertThat(events).extracting(OutboxMessage::topic).containsExactly("customer.create", "customer.update");
            assertThat(events.get(1).data()).containsEntry("city", "上海");
            assertThat(published).extracting(DomainEvent::type).containsExactly("customer.create", "customer.update");
            assertThat(published).extracting(DomainEvent::key).doesNotHaveDuplicates();

            List<OutboxMessage> first = kehu.outbox().list(wang, OutboxQuery.events(1));
            List<OutboxMessage> next = kehu.outbox().list(wang, OutboxQuery.events(1).after(first.get(0).id()));
            assertThat(next).extracting(OutboxMessage::topic).containsExactly("customer.update");
        }
    }

    @Test
    @DisplayName("without an event consumer, a stage move is one transaction: its event is written delivered, stays "
            + "listed, and leaves the relay nothing to do")
    void noEventConsumer() {
        CountingStore counting = new CountingStore(store);
        try (Kehu kehu = builder(counting, counting(), QUICK).build()) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            Opportunity o = deal(kehu, customer, "ERP");
            counting.reset();

            kehu.opportunities().moveTo(wang, o.id(), o.version(), "EVALUATION", null, null);

            assertThat(counting.transactionsBegun()).isEqualTo(1);
            assertThat(kehu.outbox().list(wang, OutboxQuery.events(100))).last().satisfies(m -> {
                assertThat(m.topic()).isEqualTo("opportunity.move");
                assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
                assertThat(m.attempts()).isZero();
                assertThat(m.deliveredAt()).isEqualTo(m.createdAt());
            });
            assertThat(kehu.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
        }
    }

    @Test
    @DisplayName("a notification for a host that sends none is written delivered, and the assignment is one transaction")
    void noNotificationChannel() {
        CountingStore counting = new CountingStore(store);
        try (Kehu kehu = builder(counting, Notifications.none(), QUICK).build()) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            Opportunity o = deal(kehu, customer, "ERP");
            counting.reset();

            kehu.assignment().assign(boss, o.id(), new UserId("chen.jing"));

            assertThat(counting.transactionsBegun()).isEqualTo(1);
            assertThat(messages(OutboxKind.NOTIFICATION)).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED));
        }
    }

    @Test
    @DisplayName("with an event consumer, the events a use case wrote are written claimed with it and marked in one "
            + "transaction, two transactions in all, and each is published once")
    void batchedDelivery() {
        CountingStore counting = new CountingStore(store);
        try (Kehu kehu = builder(counting, counting(), QUICK).domainEvents(published::add).build()) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            kehu.contacts().create(wang, ContactDetails.of(customer.id(), "李娜").primary(true).build());
            published.clear();
            counting.reset();

            kehu.contacts().create(wang, ContactDetails.of(customer.id(), "王芳").primary(true).build()); // demotes 李娜

            assertThat(counting.transactionsBegun()).isEqualTo(2);
            assertThat(published).extracting(DomainEvent::type).containsExactly("contact.demote", "contact.create");
            assertThat(messages(OutboxKind.EVENT)).hasSize(4).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
                assertThat(m.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    @DisplayName("with an event consumer, the events of a change committed in the host's own transaction are written "
            + "due, unclaimed, and go out with the next deliverDue, once")
    void eventsOfHostTransactions() {
        try (Kehu kehu = kehu(counting())) {
            store.transactions().useTransaction(() ->
                    kehu.customers().create(wang, CustomerDetails.company("华夏科技").build()));
            assertThat(published).isEmpty();
            assertThat(pendingEvents()).singleElement().satisfies(m -> {
                assertThat(m.attempts()).isZero();
                assertThat(m.nextAttemptAt()).isEqualTo(START);
            });

            assertThat(kehu.outbox().deliverDue().delivered()).isEqualTo(1);
            assertThat(kehu.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
            assertThat(published).extracting(DomainEvent::type).containsExactly("customer.create");
        }
    }

    @Test
    @DisplayName("the messages a use case delivers after its commit are written claimed by it: a deliverDue run "
            + "elsewhere between the commit and the mark takes none of them, and each is published once")
    void writtenClaimed() {
        CountingStore counting = new CountingStore(store);
        List<OutboxMessage> atCommit = new ArrayList<>();
        AtomicReference<DeliveryReport> elsewhere = new AtomicReference<>();
        try (Kehu kehu = builder(counting, counting(), QUICK).domainEvents(published::add).build();
             Kehu other = kehu(counting())) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            kehu.contacts().create(wang, ContactDetails.of(customer.id(), "李娜").primary(true).build());
            published.clear();
            // The first transaction is the use case's own; before the second, the mark, a relay on another host runs.
            counting.beforeTransaction(2, () -> {
                atCommit.addAll(pendingEvents());
                elsewhere.set(other.outbox().deliverDue());
            });

            kehu.contacts().create(wang, ContactDetails.of(customer.id(), "王芳").primary(true).build());

            assertThat(elsewhere.get()).isEqualTo(DeliveryReport.NONE);
            assertThat(atCommit).hasSize(2).allSatisfy(m -> {
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.nextAttemptAt()).isEqualTo(START.plus(QUICK.lease()));
            });
            assertThat(published).extracting(DomainEvent::type).containsExactly("contact.demote", "contact.create");
            later(QUICK.lease().plusSeconds(1));
            assertThat(other.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
        }
        assertThat(published).extracting(DomainEvent::key).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a process that dies sending what its use case wrote, after the commit and before any other "
            + "transaction, leaves it claimed: deliverDue takes it only once the lease has ended, and sends it once")
    void diesBeforeTheMark() {
        CountingStore counting = new CountingStore(store);
        Opportunity o;
        try (Kehu dying = builder(counting, n -> { throw new ProcessDeath(); }, QUICK).build()) {
            o = deal(dying, dying.customers().create(wang, CustomerDetails.company("华夏科技").build()), "ERP");
            counting.reset();
            assertThatThrownBy(() -> dying.assignment().assign(boss, o.id(), new UserId("chen.jing")))
                    .isInstanceOf(ProcessDeath.class);
        }
        assertThat(counting.transactionsBegun()).as("the use case's alone").isEqualTo(1);
        assertThat(messages(OutboxKind.NOTIFICATION)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.nextAttemptAt()).isEqualTo(START.plus(QUICK.lease()));
        });

        try (Kehu restarted = kehu(counting())) {
            later(QUICK.lease().minusNanos(1000));
            assertThat(restarted.outbox().deliverDue()).as("a microsecond before the lease ends")
                    .isEqualTo(DeliveryReport.NONE);
            later(Duration.ofNanos(1000));
            assertThat(restarted.outbox().deliverDue().delivered()).isEqualTo(1);
            assertThat(restarted.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
        }
        assertThat(accepted).containsOnlyKeys(o.id().value() + "/chen.jing");
        assertThat(accepted.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(messages(OutboxKind.NOTIFICATION)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(m.attempts()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("deliver claims on its own a message it is given due: one written unclaimed, one whose lease ran out "
            + "before the delivery; one another relay took meanwhile is left to that relay")
    void deliverClaimsWhatIsDue() {
        OutboxRelay relay = new OutboxRelay(store.transactions(), store.outbox(), clock(), counting(), published::add,
                QUICK);
        OutboxMessage unclaimed = relay.asWritten(message("unclaimed", START), false);
        OutboxMessage leaseRanOut = relay.asWritten(message("lease-ran-out", START), true);
        OutboxMessage taken = relay.asWritten(message("taken", START), true);
        store.transactions().useTransaction(() -> store.outbox().appendAll(List.of(unclaimed, leaseRanOut, taken)));
        later(QUICK.lease());
        claimElsewhere(taken);

        assertThat(relay.deliver(List.of(unclaimed, leaseRanOut, taken))).isEqualTo(new DeliveryReport(2, 0, 0, 1));

        assertThat(published).extracting(DomainEvent::key).containsExactlyInAnyOrder("unclaimed", "lease-ran-out");
        assertThat(messages(OutboxKind.EVENT)).extracting(OutboxMessage::key, OutboxMessage::status,
                OutboxMessage::attempts).containsExactlyInAnyOrder(
                        tuple("unclaimed", OutboxStatus.DELIVERED, 1),
                        tuple("lease-ran-out", OutboxStatus.DELIVERED, 2),
                        tuple("taken", OutboxStatus.PENDING, 2));
    }

    @Test
    @DisplayName("when another relay takes a message between its claim and its mark, that relay's claim stands and the "
            + "use case's other message is still marked delivered")
    void takenBeforeTheMark() {
        AtomicBoolean interfere = new AtomicBoolean();
        DomainEvents channel = event -> {
            published.add(event);
            // The claim's lease ran out while this was sent, and another relay claimed the message again.
            if (interfere.getAndSet(false)) {
                claimElsewhere(pendingEvents().stream().filter(m -> m.key().equals(event.key())).findFirst().orElseThrow());
            }
        };
        try (Kehu kehu = builder(store, counting(), QUICK).domainEvents(channel).build()) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            kehu.contacts().create(wang, ContactDetails.of(customer.id(), "李娜").primary(true).build());
            interfere.set(true);

            kehu.contacts().create(wang, ContactDetails.of(customer.id(), "王芳").primary(true).build());
        }
        List<OutboxMessage> events = messages(OutboxKind.EVENT);
        assertThat(events).filteredOn(m -> m.topic().equals("contact.demote")).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.attempts()).as("claimed by this relay, then by the other").isEqualTo(2);
        });
        assertThat(events).filteredOn(m -> !m.topic().equals("contact.demote"))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED));
    }

    private List<OutboxMessage> pendingEvents() {
        return store.transactions().inTransaction(() -> store.outbox().list(wang.tenant(),
                new OutboxQuery(OutboxKind.EVENT, OutboxStatus.PENDING, null, 100)));
    }

    /** What a relay on another host does: claims the message in a transaction of its own. */
    private OutboxMessage claimElsewhere(OutboxMessage message) {
        return store.transactions().inTransaction(() ->
                store.outbox().save(message.claimed(now.get().plus(QUICK.lease()))));
    }

    @Test
    @DisplayName("a change that rolls back leaves no message and notifies nobody")
    void rollbackWritesNothing() {
        try (Kehu kehu = kehu(counting())) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            Opportunity o = deal(kehu, customer, "ERP");
            int before = messages(OutboxKind.EVENT).size();
            RuntimeException hostFailure = new IllegalStateException("the host's own step failed");
            try {
                store.transactions().inTransaction(() -> {
                    kehu.assignment().assign(boss, o.id(), new UserId("chen.jing"));
                    throw hostFailure;
                });
            } catch (IllegalStateException e) {
                assertThat(e).isSameAs(hostFailure);
            }
            assertThat(messages(OutboxKind.NOTIFICATION)).isEmpty();
            assertThat(messages(OutboxKind.EVENT)).hasSize(before);
            assertThat(kehu.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
            assertThat(accepted).isEmpty();
        }
    }

    @Test
    @DisplayName("a channel that fails every other time loses nothing and delivers each message once it accepts it")
    void intermittentChannel() {
        AtomicInteger calls = new AtomicInteger();
        Notifications flaky = n -> {
            if (calls.incrementAndGet() % 2 == 1) throw new IllegalStateException("SMS gateway busy");
            counting().send(n);
        };
        try (Kehu kehu = kehu(flaky, new RetryPolicy(10, Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofMinutes(5)))) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Opportunity o = deal(kehu, customer, "项目" + i);
                String rep = i % 2 == 0 ? "chen.jing" : "liu.yang";
                kehu.assignment().assign(boss, o.id(), new UserId(rep));
                expected.add(o.id().value() + "/" + rep);
            }
            for (int run = 0; run < 6 && accepted.size() < expected.size(); run++) {
                later(Duration.ofMinutes(2));
                kehu.outbox().deliverDue();
            }
            assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(accepted.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(messages(OutboxKind.NOTIFICATION)).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
                assertThat(m.lastError()).isNull();
            });
        }
    }

    @Test
    @DisplayName("a channel that keeps failing is retried with back-off, then the message is dead-lettered with its error")
    void deadLetter() {
        Notifications down = n -> { throw new IllegalStateException("mail server down"); };
        try (Kehu kehu = kehu(down)) {
            Customer customer = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
            Opportunity o = deal(kehu, customer, "ERP");
            kehu.assignment().assign(boss, o.id(), new UserId("chen.jing")); // attempt 1, right after commit
            OutboxMessage first = messages(OutboxKind.NOTIFICATION).get(0);
            assertThat(first.nextAttemptAt()).isEqualTo(START.plus(QUICK.delayAfter(1)));
            assertThat(kehu.outbox().deliverDue()).as("not due yet").isEqualTo(DeliveryReport.NONE);
            later(Duration.ofSeconds(10));
            assertThat(kehu.outbox().deliverDue().retrying()).isEqualTo(1); // attempt 2
            later(Duration.ofSeconds(20));
            assertThat(kehu.outbox().deliverDue().dead()).isEqualTo(1);     // attempt 3, the last
            later(Duration.ofHours(1));
            assertThat(kehu.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
            assertThat(kehu.outbox().list(boss, new OutboxQuery(OutboxKind.NOTIFICATION, OutboxStatus.DEAD, null, 10)))
                    .singleElement().satisfies(m -> {
                        assertThat(m.attempts()).isEqualTo(3);
                        assertThat(m.lastError()).contains("mail server down");
                    });
        }
    }

    @Test
    @DisplayName("a crash between commit and delivery loses nothing: the next run delivers, once")
    void crashRecovery() {
        Opportunity o;
        // Before delivery started: the change committed inside the host's transaction, then the host died.
        try (Kehu crashing = kehu(counting())) {
            Customer customer = crashing.customers().create(wang, CustomerDetails.company("华夏科技").build());
            o = deal(crashing, customer, "ERP");
            Opportunity deal = o;
            store.transactions().useTransaction(() -> crashing.assignment().assign(boss, deal.id(), new UserId("chen.jing")));
        }
        assertThat(accepted).isEmpty();
        // Mid-delivery: claimed, then the process died before the channel answered.
        Opportunity second;
        try (Kehu dying = kehu(n -> { throw new ProcessDeath(); })) {
            second = deal(dying, dying.customers().create(wang, CustomerDetails.company("东方物流").build()), "WMS");
            Opportunity deal = second;
            try {
                dying.assignment().assign(boss, deal.id(), new UserId("liu.yang"));
            } catch (ProcessDeath expected) {
                // the change had committed; only its delivery died
            }
        }
        assertThat(store.opportunities().find(boss.tenant(), second.id()).orElseThrow().owner())
                .isEqualTo(new UserId("liu.yang"));

        String first = o.id().value() + "/chen.jing";
        String secondKey = second.id().value() + "/liu.yang";
        try (Kehu restarted = kehu(counting())) {
            restarted.outbox().deliverDue();
            assertThat(accepted).as("the first, never claimed, at once").containsOnlyKeys(first);
            later(QUICK.lease().plusSeconds(1));
            restarted.outbox().deliverDue();
            assertThat(accepted).as("the second, once its claim ran out").containsOnlyKeys(first, secondKey);
            assertThat(restarted.outbox().deliverDue()).isEqualTo(DeliveryReport.NONE);
        }
        assertThat(accepted.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    @DisplayName("two relays running at once deliver each message once")
    void concurrentRelays() throws Exception {
        List<String> expected = new ArrayList<>();
        try (Kehu writer = kehu(n -> { throw new IllegalStateException("offline while writing"); })) {
            Customer customer = writer.customers().create(wang, CustomerDetails.company("华夏科技").build());
            for (int i = 0; i < 10; i++) {
                Opportunity o = deal(writer, customer, "项目" + i);
                writer.assignment().assign(boss, o.id(), new UserId("chen.jing"));
                expected.add(o.id().value() + "/chen.jing");
            }
        }
        later(Duration.ofMinutes(1));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Function<Kehu, Future<DeliveryReport>> run = relay -> pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return relay.outbox().deliverDue();
        });
        try (Kehu one = kehu(counting()); Kehu two = kehu(counting())) {
            Future<DeliveryReport> a = run.apply(one);
            Future<DeliveryReport> b = run.apply(two);
            DeliveryReport first = a.get(60, TimeUnit.SECONDS);
            DeliveryReport second = b.get(60, TimeUnit.SECONDS);
            assertThat(first.delivered() + second.delivered()).isEqualTo(expected.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(accepted.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    /** Stands for the process dying: nothing catches an {@link Error} on the way out. */
    private static final class ProcessDeath extends Error {
    }
}
