package dev.kehu.crm.store.tck;

import static java.util.Comparator.comparingLong;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.common.Backoff;
import dev.kehu.crm.common.Retry;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.opportunity.StageHistory;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.support.ServiceAgent;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketDetails;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No lost update, through the public use cases of {@link Kehu} on the store under test: {@value #THREADS} threads each
 * make {@value #CHANGES} changes to one record at once — stage moves of one opportunity, edits of one contact,
 * assignments of one opportunity, owner changes of one customer, responses on one service ticket. Each change carries
 * a mark of its own (its note, its new owner), so that a change lost or applied twice shows. Each is applied once or
 * refused with {@link StaleRecordException}, nothing else; afterwards the record, its history, its audit entries, its
 * domain events (delivered once each) and notifications show every applied change, in the order of the versions they
 * made, and no refused one. With {@link Kehu#retryOnConflict} every change ends applied.
 *
 * <p>The threads go in rounds: a round starts when every thread has finished the last one, so all read the same
 * version. Where the store lets transactions be open at once, each round's use cases also wait, before their first
 * write, until all have read what they need (see {@link WriteMeeting}): every round then makes {@value #THREADS}
 * writes decided on one version meet in the store, which must let one through and refuse the others.
 *
 * <p>A store that runs one transaction at a time (the in-memory store) keeps the others out while one runs, so they
 * never meet inside it: the later use cases of a round find the record changed and are refused by the version they
 * were given before they write, and the use cases that take no version (assignments, owner changes) simply apply one
 * after the other. There the kit proves the use cases' own checks and that the trails account for every change, but
 * not the store's version check, which nothing reaches with a stale version.
 */
public abstract class ConcurrencyCompatibilityKit {
    static final int THREADS = 4;
    static final int CHANGES = 25;
    /** Enough for every thread of a round to get through one after the other, with room to spare. */
    private static final int ATTEMPTS = 20;
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(50));
    /** The longest a whole contest may take: {@value #THREADS} × {@value #CHANGES} changes on a slow server. */
    private static final Duration CONTEST_LIMIT = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    private static final UserId BOSS = new UserId("li.na");
    private static final UserId CHEN = new UserId("chen.jing");

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private Kehu kehu;
    private final WriteMeeting writes = new WriteMeeting();
    private final AtomicLong ids = new AtomicLong();
    private final List<Notification> notified = Collections.synchronizedList(new ArrayList<>());
    /** How many times each domain event was handed to the host, by idempotency key. */
    private final Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
    /** Runs once, on the thread of the next use case that reads a ticket's history, before it reads it. */
    private final AtomicReference<Runnable> beforeTicketHistory = new AtomicReference<>();
    private final Actor wang = Actor.of("wang.wei", "tenant-a", Role.SALES_REPRESENTATIVE);
    private final Actor boss = Actor.of(BOSS.value(), "tenant-a", Role.SALES_SUPERVISOR);
    private final Actor chen = Actor.of(CHEN.value(), "tenant-a", Role.SERVICE_AGENT);

    @BeforeEach
    void openKehu() {
        store = newStore();
        // Every mark a change can carry is an account manager, so that each assignment has an owner of its own.
        List<SalesRep> reps = IntStream.range(0, THREADS).boxed()
                .flatMap(thread -> IntStream.range(0, CHANGES).mapToObj(round -> mark(thread, round)))
                .map(mark -> new SalesRep(new UserId(mark), Set.of(), true, false, Set.of(), Set.of(), Set.of(), null))
                .toList();
        Runnable onTicketHistory = () -> {
            Runnable once = beforeTicketHistory.getAndSet(null);
            if (once != null) once.run();
        };
        kehu = Kehu.builder().store(new MeetingStore(store, writes, onTicketHistory)).clock(KitSupport.ticking(START))
                .idGenerator(() -> "n-" + ids.incrementAndGet()).salesForce(SalesForce.of(reps))
                .serviceAgents(ServiceAgents.of(List.of(new ServiceAgent(CHEN, Set.of(), true, false, null)),
                        Map.of(CHEN, BOSS), BOSS))
                .notifications(notified::add)
                .domainEvents(event -> published.computeIfAbsent(event.key(), key -> new AtomicInteger()).incrementAndGet())
                .build();
    }

    @AfterEach
    void closeKehu() {
        kehu.close();
        store.close();
    }

    private static String mark(int thread, int round) {
        return "m" + thread + "-" + round;
    }

    /** The records the threads contend for, and how. */
    enum Contested {
        STAGE_MOVES("stage moves of one opportunity"),
        CONTACT_EDITS("edits of one contact"),
        ASSIGNMENTS("assignments of one opportunity"),
        OWNER_CHANGES("owner changes of one customer"),
        TICKET_RESPONSES("responses on one service ticket");

        private final String description;

        Contested(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private Contest<?> contestOf(Contested contested) {
        return switch (contested) {
            case STAGE_MOVES -> movesOfOneOpportunity();
            case CONTACT_EDITS -> editsOfOneContact();
            case ASSIGNMENTS -> assignmentsOfOneOpportunity();
            case OWNER_CHANGES -> ownersOfOneCustomer();
            case TICKET_RESPONSES -> responsesOnOneTicket();
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Contested.class)
    @DisplayName("without retrying, each change is applied once or refused as stale; the trails show the applied ones")
    void withoutRetry(Contested contested) throws Exception {
        contest(contestOf(contested), null);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Contested.class)
    @DisplayName("retrying on conflict, reading again each time, every change ends applied once")
    void withRetry(Contested contested) throws Exception {
        contest(contestOf(contested), kehu.retryOnConflict(ATTEMPTS, BACKOFF));
    }

    @Nested
    @DisplayName("a change overtaken by another between two of its reads")
    class Overtaken {
        @Test
        @DisplayName("a response whose ticket gets another response after it was read, before its history is read, is "
                + "refused as stale (or, where transactions run one at a time, the other one is)")
        void ticketAnsweredBeforeItsHistoryIsRead() throws Exception {
            boolean overlap = KitSupport.transactionsOverlap(store);
            Contest<ServiceTicket> contest = responsesOnOneTicket();
            Before before = before(contest);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                AtomicReference<Future<Outcome>> overtaking = new AtomicReference<>();
                beforeTicketHistory.set(() -> {
                    overtaking.set(other.submit(() -> change(contest, null, 1, 0)));
                    try {
                        overtaking.get().get(500, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // a store that runs one transaction at a time keeps the other out until this one ends
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Outcome first = change(contest, null, 0, 0);
                assertThat(overtaking.get()).as("the other response was made").isNotNull();
                Outcome second = overtaking.get().get(KitSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                check(contest, before, List.of(first, second), false, -1);
                assertThat(List.of(first, second)).filteredOn(Outcome::applied).as("applied").hasSize(1);
                assertThat(first.applied()).as("the overtaken response applied").isEqualTo(!overlap);
            } finally {
                other.shutdownNow();
            }
        }
    }

    /**
     * One record every thread changes, and where its changes show.
     *
     * @param action      the audit action, and topic of the domain event, of each change
     * @param markedField the audited field that carries a change's mark; {@code null} where only the history does
     * @param versioned   whether the use case takes the version its caller read (assignments and owner changes do not)
     * @param change      the use case, decided on the record as just read, carrying the mark
     * @param storedMark  the mark the stored record shows: that of the last change applied
     * @param trail       the record's history as marks, oldest first: its history lines, or its audited field
     */
    private record Contest<R>(String recordType, String recordId, String action, String markedField, boolean versioned,
                              Supplier<R> read, BiFunction<R, String, R> change, ToLongFunction<R> version,
                              Supplier<String> storedMark, Supplier<List<String>> trail) {
    }

    private Customer customer() {
        return kehu.customers().create(wang, CustomerDetails.company("北京华夏科技有限公司").build());
    }

    private Opportunity opportunity() {
        return kehu.opportunities().open(wang, OpportunityDetails.of(customer().id(), "ERP 升级").build());
    }

    /** Moves between the first two stages; a move back needs a note, and every move has one: its mark. */
    private Contest<Opportunity> movesOfOneOpportunity() {
        Opportunity o = opportunity();
        return new Contest<>(Opportunity.RECORD_TYPE, o.id().value(), "opportunity.move", null, true,
                () -> kehu.opportunities().get(wang, o.id()),
                (current, mark) -> kehu.opportunities().moveTo(wang, o.id(), current.version(),
                        current.stage().equals("INITIAL_CONTACT") ? "EVALUATION" : "INITIAL_CONTACT", null, mark),
                Opportunity::version,
                () -> kehu.opportunities().get(wang, o.id()).stageNote(),
                () -> kehu.opportunities().history(wang, o.id()).stream().map(StageChange::note).toList());
    }

    private Contest<Contact> editsOfOneContact() {
        Contact contact = kehu.contacts().create(wang, ContactDetails.of(customer().id(), "李娜").build());
        return new Contest<>(Contact.RECORD_TYPE, contact.id().value(), "contact.update", "notes", true,
                () -> kehu.contacts().get(wang, contact.id()),
                (current, mark) -> kehu.contacts().update(wang, contact.id(), current.version(),
                        ContactDetails.of(current).toBuilder().notes(mark).build()),
                Contact::version,
                () -> kehu.contacts().get(wang, contact.id()).notes(),
                () -> auditedMarks(Contact.RECORD_TYPE, contact.id().value(), "contact.update", "notes"));
    }

    /** A supervisor gives the opportunity to the account manager the mark names; the use case takes no version. */
    private Contest<Opportunity> assignmentsOfOneOpportunity() {
        Opportunity o = opportunity();
        return new Contest<>(Opportunity.RECORD_TYPE, o.id().value(), "opportunity.assign", "owner", false,
                () -> kehu.opportunities().get(boss, o.id()),
                (current, mark) -> kehu.assignment().assign(boss, o.id(), new UserId(mark)),
                Opportunity::version,
                () -> kehu.opportunities().get(boss, o.id()).owner().value(),
                () -> auditedMarks(Opportunity.RECORD_TYPE, o.id().value(), "opportunity.assign", "owner"));
    }

    /** The customer's account manager becomes the one the mark names; the use case takes no version. */
    private Contest<Customer> ownersOfOneCustomer() {
        Customer customer = customer();
        return new Contest<>(Customer.RECORD_TYPE, customer.id().value(), "customer.change-owner", "owner", false,
                () -> kehu.customers().get(wang, customer.id()),
                (current, mark) -> kehu.customers().changeOwner(wang, customer.id(), new UserId(mark)),
                Customer::version,
                () -> kehu.customers().get(wang, customer.id()).owner().value(),
                () -> auditedMarks(Customer.RECORD_TYPE, customer.id().value(), "customer.change-owner", "owner"));
    }

    /** The agent answers the customer on an assigned ticket; the answer is a history line with the mark as note. */
    private Contest<ServiceTicket> responsesOnOneTicket() {
        ServiceTicket opened = kehu.service().open(wang,
                TicketDetails.of(customer().id(), TicketKind.INQUIRY, TicketChannel.PHONE, "打印机卡纸"));
        ServiceTicket t = kehu.service().assign(boss, opened.id(), opened.version(), CHEN);
        Supplier<List<String>> notes = () -> kehu.service().history(chen, t.id()).stream().map(TicketStep::note).toList();
        return new Contest<>(ServiceTicket.RECORD_TYPE, t.id().value(), "service-ticket.respond", null, true,
                () -> kehu.service().get(chen, t.id()),
                (current, mark) -> kehu.service().respond(chen, t.id(), current.version(), mark),
                ServiceTicket::version,
                () -> {
                    List<String> all = notes.get();
                    return all.get(all.size() - 1);
                },
                notes);
    }

    /** The new values of {@code field} in the record's audit entries of {@code action}, oldest first. */
    private List<String> auditedMarks(String recordType, String recordId, String action, String field) {
        return audited(recordType, recordId, action).stream().map(entry -> changeOf(entry, field).to()).toList();
    }

    private List<AuditEntry> audited(String recordType, String recordId, String action) {
        return store.auditLog().forRecords(wang.tenant(), recordType, List.of(recordId)).stream()
                .filter(entry -> entry.action().equals(action)).toList();
    }

    private static FieldChange changeOf(AuditEntry entry, String field) {
        return entry.changes().stream().filter(change -> change.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("audit entry " + entry.id() + " does not change " + field));
    }

    /** The record's domain events of {@code action}, oldest first. */
    private List<OutboxMessage> events(Contest<?> contest) {
        List<OutboxMessage> all = store.outbox().list(wang.tenant(), OutboxQuery.events(1000));
        assertThat(all).as("events, fewer than one page").hasSizeLessThan(1000);
        return all.stream().filter(m -> m.recordId().equals(contest.recordId()) && m.topic().equals(contest.action()))
                .toList();
    }

    /** One change: applied, with the version it was decided on and the version it made, or refused as stale. */
    private record Outcome(int thread, int round, String mark, long basedOn, Long version, int attempts) {
        boolean applied() {
            return version != null;
        }
    }

    /** What the record and its trails held before the contest. */
    private record Before(long version, int trail, int audited, int events) {
    }

    private <R> Before before(Contest<R> contest) {
        return new Before(contest.version().applyAsLong(contest.read().get()), contest.trail().get().size(),
                audited(contest.recordType(), contest.recordId(), contest.action()).size(), events(contest).size());
    }

    private <R> void contest(Contest<R> contest, Retry retry) throws Exception {
        boolean meetInStore = KitSupport.transactionsOverlap(store);
        Before before = before(contest);
        AtomicInteger roundsStarted = new AtomicInteger();
        AtomicInteger roundsMet = new AtomicInteger();
        CyclicBarrier rounds = new CyclicBarrier(THREADS, () -> {
            int round = roundsStarted.getAndIncrement();
            if (round > 0 && writes.met()) roundsMet.incrementAndGet();
            if (meetInStore && round < CHANGES) writes.meetBeforeFirstWrite(THREADS);
        });
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<List<Outcome>>> workers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int t = thread;
                workers.add(threads.submit(() -> changes(contest, retry, t, rounds)));
            }
            for (Future<List<Outcome>> worker : workers) {
                try {
                    outcomes.addAll(worker.get(CONTEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("a change failed otherwise than as stale", e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(outcomes).as("one outcome per change").hasSize(THREADS * CHANGES);
        check(contest, before, outcomes, retry != null, meetInStore ? roundsMet.get() : -1);
    }

    /** One thread's changes, a round at a time. */
    private <R> List<Outcome> changes(Contest<R> contest, Retry retry, int thread, CyclicBarrier rounds) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (int round = 0; round < CHANGES; round++) {
                rounds.await(KitSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                outcomes.add(change(contest, retry, thread, round));
            }
            rounds.await(KitSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return outcomes;
        } catch (Throwable failed) {
            rounds.reset(); // the other threads stop waiting for this one
            throw failed;
        }
    }

    private <R> Outcome change(Contest<R> contest, Retry retry, int thread, int round) {
        String mark = mark(thread, round);
        AtomicInteger attempts = new AtomicInteger();
        AtomicLong basedOn = new AtomicLong();
        Supplier<R> attempt = () -> {
            attempts.incrementAndGet();
            R current = contest.read().get(); // again on every attempt: the change is decided on what is stored now
            basedOn.set(contest.version().applyAsLong(current));
            return contest.change().apply(current, mark);
        };
        try {
            R saved = retry == null ? attempt.get() : retry.call(attempt);
            return new Outcome(thread, round, mark, basedOn.get(), contest.version().applyAsLong(saved), attempts.get());
        } catch (StaleRecordException refused) {
            return new Outcome(thread, round, mark, basedOn.get(), null, attempts.get());
        }
    }

    /**
     * @param roundsMet in how many rounds every thread's write met the others' in the store; -1 where the store runs one
     *                  transaction at a time
     */
    private <R> void check(Contest<R> contest, Before before, List<Outcome> outcomes, boolean retrying, int roundsMet) {
        kehu.outbox().deliverDue(); // anything a use case left undelivered
        List<Outcome> applied = outcomes.stream().filter(Outcome::applied)
                .sorted(comparingLong(Outcome::version)).toList();
        List<String> appliedMarks = applied.stream().map(Outcome::mark).toList();
        String perThread = IntStream.range(0, THREADS).mapToObj(t -> "thread " + t + ": "
                + outcomes.stream().filter(o -> o.thread() == t && o.applied()).count() + " applied, "
                + outcomes.stream().filter(o -> o.thread() == t && !o.applied()).count() + " refused, "
                + outcomes.stream().filter(o -> o.thread() == t).mapToInt(o -> o.attempts() - 1).sum() + " retried")
                .collect(Collectors.joining("; "));
        if (roundsMet >= 0) assertThat(roundsMet).as("rounds whose writes met in the store").isEqualTo(CHANGES);
        boolean conflictsCertain = contest.versioned() || roundsMet >= 0;
        if (retrying) {
            assertThat(applied).as("changes applied with retries (%s)", perThread).hasSize(outcomes.size());
            // A retried attempt reads the record afresh, so only writes made to meet in the store are sure to
            // conflict: on a store that runs one transaction at a time, the threads may simply take turns.
            if (roundsMet >= 0) {
                assertThat(outcomes).as("conflicts retried (%s)", perThread).anyMatch(o -> o.attempts() > 1);
            }
        } else if (conflictsCertain) {
            assertThat(outcomes).as("changes refused as stale (%s)", perThread).anyMatch(o -> !o.applied());
        }
        if (contest.versioned()) {
            assertThat(applied).as("each applied change was made on the very version it was decided on")
                    .allSatisfy(o -> assertThat(o.version()).as(o.mark()).isEqualTo(o.basedOn() + 1));
        }
        assertThat(applied).extracting(Outcome::version).as("versions made by the applied changes (%s)", perThread)
                .containsExactlyElementsOf(LongStream.range(before.version() + 1, before.version() + 1 + applied.size())
                        .boxed().toList());

        R stored = contest.read().get();
        assertThat(contest.version().applyAsLong(stored)).as("stored version").isEqualTo(before.version() + applied.size());
        assertThat(contest.storedMark().get()).as("the stored record shows the last applied change")
                .isEqualTo(appliedMarks.isEmpty() ? null : appliedMarks.get(appliedMarks.size() - 1));
        List<String> trail = contest.trail().get();
        assertThat(trail.subList(Math.min(before.trail(), trail.size()), trail.size()))
                .as("the history: every applied change once, in version order, and no refused one")
                .containsExactlyElementsOf(appliedMarks);

        List<AuditEntry> audited = audited(contest.recordType(), contest.recordId(), contest.action());
        List<AuditEntry> auditedNow = audited.subList(Math.min(before.audited(), audited.size()), audited.size());
        assertThat(auditedNow).as("audit entries").hasSize(applied.size());
        List<OutboxMessage> events = events(contest);
        List<OutboxMessage> eventsNow = events.subList(Math.min(before.events(), events.size()), events.size());
        assertThat(eventsNow).as("domain events").hasSize(applied.size());
        assertThat(eventsNow).as("every event delivered, once").allSatisfy(event -> {
            assertThat(event.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(published.get(event.key())).as(event.key()).hasValue(1);
        });
        if (contest.markedField() != null) {
            String field = contest.markedField();
            assertThat(eventsNow).extracting(event -> event.data().get(field)).as("the events' " + field)
                    .containsExactlyElementsOf(appliedMarks);
            // Each change starts from the one before: a change made on a stale copy would repeat an earlier "from".
            List<String> from = auditedNow.stream().map(entry -> changeOf(entry, field).from()).toList();
            assertThat(from.subList(Math.min(1, from.size()), from.size())).as("each audited change starts where the one before ended")
                    .containsExactlyElementsOf(appliedMarks.subList(0, Math.max(0, appliedMarks.size() - 1)));
        }
        if (contest.action().equals("opportunity.assign")) {
            assertThat(notified).extracting(n -> n.recipient().value()).as("the new owners told")
                    .containsExactlyInAnyOrderElementsOf(appliedMarks);
        }
        if (contest.action().equals("opportunity.move")) {
            Opportunity o = (Opportunity) stored;
            assertThat(StageHistory.replay(kehu.opportunities().history(wang, o.id())))
                    .as("the stage history replays to the stored stage").isEqualTo(o.position());
            assertThat(o.historyLength()).isEqualTo(kehu.opportunities().history(wang, o.id()).size());
        }
    }

    /**
     * The store under test: saves of the contested records can be made to meet before the first write, and a hook can
     * run when a ticket's history is read.
     */
    private static final class MeetingStore extends ForwardingCrmStore {
        private final WriteMeeting writes;
        private final Runnable onTicketHistory;

        MeetingStore(CrmStore store, WriteMeeting writes, Runnable onTicketHistory) {
            super(store);
            this.writes = writes;
            this.onTicketHistory = onTicketHistory;
        }

        @Override public Customers customers() { return meetingBeforeSaves(Customers.class, store.customers()); }
        @Override public Contacts contacts() { return meetingBeforeSaves(Contacts.class, store.contacts()); }
        @Override public Opportunities opportunities() {
            return meetingBeforeSaves(Opportunities.class, store.opportunities());
        }
        @Override public ServiceTickets serviceTickets() {
            return KitSupport.beforeCalls(ServiceTickets.class,
                    meetingBeforeSaves(ServiceTickets.class, store.serviceTickets()), "history", onTicketHistory);
        }

        private <P> P meetingBeforeSaves(Class<P> type, P port) {
            return KitSupport.beforeCalls(type, port, "save", writes::beforeWrite);
        }
    }
}
