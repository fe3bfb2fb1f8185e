package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.care.CareService;
import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.common.Backoff;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.Retry;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractContent;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.examples.bench.BenchDatabase;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadConversion;
import dev.kehu.crm.lead.LeadDetails;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.ChangeKind;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.opportunity.StageHistory;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteDetails;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketDetails;
import dev.kehu.crm.support.TicketKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak test: the demo's kind of work at full speed, on one {@link Kehu} shared by several threads, bounded by a
 * fixed amount of work, not by time. {@value #WORKERS} threads each run {@value #ROUNDS} rounds: a lead converted into
 * customer, contact and opportunity, a second contact, the deal moved through the pipeline, quoted, won and
 * contracted (approved, signed), an order, a service ticket; and in every round each also moves, hands over and edits
 * the same shared deal and contact as the others, so that they conflict, which the retry helper resolves. Meanwhile
 * two threads run the daily care run again and again (two hosts at once) and one delivers the outbox.
 *
 * <p>At the end: every stage history replays to its opportunity's stage and status; every domain event written was
 * handed to the host exactly once and nothing is left undelivered; the records counted as created are those stored;
 * each created record has one creation entry and as many audit entries as events; the shared records show every
 * change made to them; the reminders stored are those the care runs counted as new, each notified once. Nothing about
 * speed is asserted.
 */
class SoakTest {
    private static final int WORKERS = 3;
    private static final int ROUNDS = 6;
    /** Workers, two care runs, the outbox relay and a connection to spare for each. */
    private static final int POOL = 2 * (WORKERS + 3);
    /** A guard against a hang, far above what the work takes; not a speed target. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    /** The day the care runs are for: a month on, when birthdays, contract ends and dormant customers are due. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 23);

    @Test
    @DisplayName("on H2: the work of several threads, care runs and outbox delivery at once leave every invariant true")
    void onH2(@TempDir Path dir) throws Exception {
        try (BenchDatabase database = BenchDatabase.open(BenchDatabase.Kind.H2_MEM, dir, "kehu_soak", true, POOL)) {
            new Soak(database).run();
        }
    }

    @Test
    @DisplayName("on PostgreSQL, in a schema of its own: the same")
    void onPostgres(@TempDir Path dir) throws Exception {
        assumeTrue(TestPostgres.reachable(), "no PostgreSQL at " + BenchDatabase.postgresUrl());
        try (BenchDatabase database = BenchDatabase.open(BenchDatabase.Kind.POSTGRESQL, dir, "kehu_soak_test", true,
                POOL)) {
            new Soak(database).run();
        }
    }

    /** One soak run on one database: the workload, what it counted, and the checks. */
    private static final class Soak {
        private final CrmStore store;
        private final Kehu kehu;
        private final Retry retry;
        private final List<Actor> reps = IntStream.range(0, WORKERS)
                .mapToObj(w -> Actor.of("rep-" + w, "soak", Role.SALES_REPRESENTATIVE)).toList();
        private final Actor boss = Actor.of("boss", "soak", Role.SALES_SUPERVISOR);
        private final Actor agent = Actor.of(AfterSalesStory.SUN_LI.value(), "soak", Role.SERVICE_AGENT);
        private final Actor deskHead = Actor.of(AfterSalesStory.ZHOU_HONG.value(), "soak", Role.SERVICE_AGENT);

        /** What the host's channels received: each event by key, each notification. */
        private final Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        private final Queue<Notification> notified = new ConcurrentLinkedQueue<>();
        /** The records the work created, by record type. */
        private final Map<String, Queue<String>> created = new ConcurrentHashMap<>();
        private final AtomicInteger sharedMoves = new AtomicInteger();
        private final AtomicInteger sharedHandovers = new AtomicInteger();
        /** The note of each edit of the shared contact, by the version it made. */
        private final Map<Long, String> sharedEdits = new ConcurrentHashMap<>();
        private final AtomicInteger careRuns = new AtomicInteger();
        private final AtomicInteger remindersCreated = new AtomicInteger();
        private final Queue<Throwable> backgroundFailures = new ConcurrentLinkedQueue<>();
        private volatile boolean workDone;

        private CustomerId sharedCustomer;
        private ContactId sharedContact;
        private OpportunityId sharedDeal;

        Soak(BenchDatabase database) {
            store = JdbcCrmStore.create(database.dataSource());
            AtomicLong ids = new AtomicLong();
            AtomicLong ticks = new AtomicLong();
            Clock clock = new Clock() {
                @Override public ZoneId getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(ZoneId zone) { return this; }
                @Override public Instant instant() { return START.plusMillis(ticks.getAndIncrement()); }
            };
            kehu = Kehu.builder().store(store).clock(clock).idGenerator(() -> "soak-" + ids.incrementAndGet())
                    .salesForce(SalesForce.of(reps.stream().map(rep -> new SalesRep(rep.user(), Set.of(), true, false,
                            Set.of(), Set.of(), Set.of(), null)).toList()))
                    .serviceAgents(AfterSalesStory.SERVICE_DESK).notifications(notified::add)
                    .domainEvents(e -> published.computeIfAbsent(e.key(), key -> new AtomicInteger()).incrementAndGet())
                    .build();
            retry = kehu.retryOnConflict(10, Backoff.exponential(Duration.ofMillis(10), Duration.ofSeconds(1)));
        }

        void run() throws Exception {
            try {
                shareOneDeal();
                work();
                kehu.outbox().deliverDue();
                checkHistories();
                checkOutbox();
                checkCounts();
                checkSharedRecords();
                checkReminders();
            } finally {
                kehu.close();
                store.close();
            }
        }

        private void created(String recordType, String id) {
            created.computeIfAbsent(recordType, type -> new ConcurrentLinkedQueue<>()).add(id);
        }

        private List<String> createdOf(String recordType) {
            return List.copyOf(created.getOrDefault(recordType, new ConcurrentLinkedQueue<>()));
        }

        /** The deal and contact every worker changes. */
        private void shareOneDeal() {
            Customer customer = kehu.customers().create(reps.get(0), CustomerDetails.company("共享客户有限公司").build());
            Contact contact = kehu.contacts().create(reps.get(0), ContactDetails.of(customer.id(), "共享联系人").build());
            Opportunity deal = kehu.opportunities().open(reps.get(0),
                    OpportunityDetails.of(customer.id(), "共享项目").build());
            created(Customer.RECORD_TYPE, customer.id().value());
            created(Contact.RECORD_TYPE, contact.id().value());
            created(Opportunity.RECORD_TYPE, deal.id().value());
            sharedCustomer = customer.id();
            sharedContact = contact.id();
            sharedDeal = deal.id();
        }

        /** The workers' rounds, with the care runs and the relay going on until they are done. */
        private void work() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(WORKERS + 3);
            try {
                List<Future<?>> background = List.of(threads.submit(this::careRuns), threads.submit(this::careRuns),
                        threads.submit(this::relay));
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    workers.add(threads.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) round(reps.get(worker), worker + "-" + round, round);
                        return null;
                    }));
                }
                try {
                    for (Future<?> worker : workers) finish(worker);
                } finally {
                    workDone = true;
                }
                for (Future<?> job : background) finish(job);
            } finally {
                threads.shutdownNow();
            }
            assertThat(backgroundFailures).as("failures of the care runs and the relay").isEmpty();
            // A last run, as a host's scheduler would make the next day: it finds only what is left.
            remindersCreated.addAndGet(kehu.care().run(boss, TODAY).created());
        }

        private static void finish(Future<?> job) throws InterruptedException, java.util.concurrent.TimeoutException {
            try {
                job.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("a thread failed", e.getCause());
            }
        }

        private void careRuns() {
            do {
                try {
                    remindersCreated.addAndGet(kehu.care().run(boss, TODAY).created());
                    careRuns.incrementAndGet();
                } catch (RuntimeException e) {
                    backgroundFailures.add(e);
                }
            } while (!workDone);
        }

        private void relay() {
            do {
                try {
                    kehu.outbox().deliverDue();
                } catch (RuntimeException e) {
                    backgroundFailures.add(e);
                }
            } while (!workDone);
        }

        /** One round of a worker: a sale from the first call to the signed contract, a ticket, and the shared deal. */
        private void round(Actor rep, String tag, int round) {
            String company = "客户" + tag + "有限公司";
            Lead lead = kehu.leads().capture(rep, new LeadDetails("INBOUND_CALL", company, "联系人" + tag, null, null,
                    null));
            lead = kehu.leads().qualify(rep, lead.id());
            Conversion conversion = kehu.leads().convert(rep, lead.id(), LeadConversion.intoNewCustomer(
                    CustomerDetails.company(company).build(),
                    new ContactDetails.Builder().name("联系人" + tag).primary(true)
                            .birthday(TODAY.plusDays(round % 7).minusYears(30)).build(),
                    new OpportunityDetails.Builder().subject("项目 " + tag).expected(new BigDecimal("100000"), "CNY")
                            .build()));
            CustomerId customer = conversion.customer();
            created(Customer.RECORD_TYPE, customer.value());
            created(Contact.RECORD_TYPE, conversion.contact().value());
            created(Opportunity.RECORD_TYPE, conversion.opportunity().value());
            Contact finance = kehu.contacts().create(rep, ContactDetails.of(customer, "财务" + tag)
                    .birthday(TODAY.plusDays(6 - round % 7).minusYears(40)).build());
            created(Contact.RECORD_TYPE, finance.id().value());

            OpportunityId deal = conversion.opportunity();
            for (String stage : List.of("EVALUATION", "NEEDS_ANALYSIS", "SOLUTION", "TENDER")) move(rep, deal, stage);
            Quote quote = kehu.quotes().create(rep, QuoteDetails.of(customer, START.atZone(ZoneOffset.UTC).toLocalDate(),
                    Money.CNY).opportunity(deal.value()).line(new QuoteLineDetails("Kehu CRM 许可", new BigDecimal("10"),
                    new BigDecimal("10000"), null)).build());
            quote = kehu.quotes().send(rep, quote.id(), quote.version());
            quote = kehu.quotes().accept(rep, quote.id(), quote.version());
            move(rep, deal, "NEGOTIATION");
            move(rep, deal, "CONTRACT");
            Opportunity won = kehu.opportunities().get(rep, deal);
            kehu.opportunities().win(rep, deal, won.version(), "签约 " + tag);

            Contract contract = kehu.contracts().draftFromQuote(rep, quote.id(), "HT-" + tag);
            contract = kehu.contracts().edit(rep, contract.id(), contract.version(), new ContractContent("开元软件有限公司",
                    company, TODAY.minusDays(300), TODAY.plusDays(10 + round), contract.amount(), "许可与维护", List.of()));
            contract = kehu.contracts().submit(rep, contract.id(), contract.version());
            contract = kehu.contracts().approve(boss, contract.id(), contract.version(), null);
            contract = kehu.contracts().sign(rep, contract.id(), contract.version(), TODAY.minusDays(301));
            created(Contract.RECORD_TYPE, contract.id().value());
            // Bought long ago: the care runs find the customer dormant.
            kehu.orders().placeFromQuote(rep, quote.id(), "SO-" + tag, TODAY.minusDays(200));

            ServiceTicket ticket = kehu.service().open(agent, TicketDetails.of(customer, TicketKind.INQUIRY,
                    TicketChannel.PHONE, "咨询 " + tag).skill("software"));
            created(ServiceTicket.RECORD_TYPE, ticket.id().value());
            ticket = kehu.service().assign(deskHead, ticket.id(), ticket.version(), AfterSalesStory.SUN_LI);
            ticket = kehu.service().start(agent, ticket.id(), ticket.version());
            ticket = kehu.service().respond(agent, ticket.id(), ticket.version(), "已回复 " + tag);
            if (round % 2 == 0) {
                ticket = kehu.service().resolve(agent, ticket.id(), ticket.version(), "已解决 " + tag, null);
                kehu.service().close(agent, ticket.id(), ticket.version(), null);
            }

            workTheSharedDeal(rep, tag);
        }

        private void move(Actor rep, OpportunityId deal, String stage) {
            Opportunity current = kehu.opportunities().get(rep, deal);
            kehu.opportunities().moveTo(rep, deal, current.version(), stage, null, null);
        }

        /** Everyone moves the shared deal on, takes it over, and edits the shared contact, retrying conflicts. */
        private void workTheSharedDeal(Actor rep, String tag) {
            RetryExample.moveOn(kehu, rep, sharedDeal, "推进 " + tag);
            sharedMoves.incrementAndGet();
            Opportunity handedOver = retry.call(() -> {
                Opportunity current = kehu.opportunities().get(boss, sharedDeal);
                return current.owner().equals(rep.user()) ? null : kehu.assignment().assign(boss, sharedDeal, rep.user());
            });
            if (handedOver != null) sharedHandovers.incrementAndGet();
            String note = "更新 " + tag;
            Contact edited = retry.call(() -> {
                Contact current = kehu.contacts().get(rep, sharedContact);
                return kehu.contacts().update(rep, sharedContact, current.version(),
                        ContactDetails.of(current).toBuilder().notes(note).build());
            });
            assertThat(sharedEdits.put(edited.version(), note)).as("an edit making version " + edited.version()).isNull();
        }

        private void checkHistories() {
            List<Opportunity> all = kehu.opportunities().list(boss, OpportunityQuery.all());
            assertThat(all).extracting(o -> o.id().value()).as("opportunities stored")
                    .containsExactlyInAnyOrderElementsOf(createdOf(Opportunity.RECORD_TYPE));
            assertThat(all).allSatisfy(o -> {
                List<StageChange> history = kehu.opportunities().history(boss, o.id());
                assertThat(StageHistory.replay(history)).as("replay of " + o.id()).isEqualTo(o.position());
                assertThat(history).as("history of " + o.id()).hasSize(o.historyLength());
            });
        }

        /** Every message of the tenant, oldest first. */
        private List<OutboxMessage> outbox() {
            List<OutboxMessage> all = new ArrayList<>();
            String after = null;
            while (true) {
                List<OutboxMessage> page = kehu.outbox().list(boss, new OutboxQuery(null, null, after, 1000));
                all.addAll(page);
                if (page.size() < 1000) return all;
                after = page.get(page.size() - 1).id();
            }
        }

        private void checkOutbox() {
            List<OutboxMessage> messages = outbox();
            assertThat(messages).as("messages not delivered").filteredOn(m -> m.status() != OutboxStatus.DELIVERED)
                    .isEmpty();
            Map<String, Integer> handedOver = published.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
            Set<String> eventKeys = messages.stream().filter(m -> m.kind() == OutboxKind.EVENT).map(OutboxMessage::key)
                    .collect(Collectors.toSet());
            assertThat(handedOver.keySet()).as("events handed to the host").isEqualTo(eventKeys);
            assertThat(handedOver.entrySet()).filteredOn(e -> e.getValue() != 1)
                    .as("events handed over other than once").isEmpty();
            assertThat(notified).as("notifications sent")
                    .hasSize((int) messages.stream().filter(m -> m.kind() == OutboxKind.NOTIFICATION).count());
        }

        private void checkCounts() {
            List<String> customers = createdOf(Customer.RECORD_TYPE);
            assertThat(kehu.customers().find(boss, CustomerQuery.all(), PageRequest.first(1, CustomerSort.NAME)).total())
                    .as("customers stored").isEqualTo(customers.size());
            assertThat(customers.stream().flatMap(id -> kehu.contacts().ofCustomer(boss, new CustomerId(id)).stream())
                    .map(c -> c.id().value())).as("contacts stored")
                    .containsExactlyInAnyOrderElementsOf(createdOf(Contact.RECORD_TYPE));
            Map<String, Long> events = outbox().stream().filter(m -> m.kind() == OutboxKind.EVENT)
                    .collect(Collectors.groupingBy(m -> m.recordType() + " " + m.recordId(), Collectors.counting()));
            for (String type : List.of(Customer.RECORD_TYPE, Contact.RECORD_TYPE, Opportunity.RECORD_TYPE,
                    Contract.RECORD_TYPE, ServiceTicket.RECORD_TYPE)) {
                List<String> ids = createdOf(type);
                Map<String, List<AuditEntry>> trails = store.auditLog().forRecords(boss.tenant(), type, ids).stream()
                        .collect(Collectors.groupingBy(AuditEntry::recordId));
                assertThat(trails.keySet()).as(type + " records with an audit trail").containsExactlyInAnyOrderElementsOf(ids);
                trails.forEach((id, trail) -> {
                    assertThat(trail.get(0).action()).as("first audit entry of " + type + " " + id).isEqualTo(type + ".create");
                    assertThat(trail).filteredOn(e -> e.action().equals(type + ".create")).as("creations").hasSize(1);
                    assertThat(events.get(type + " " + id)).as("events of " + type + " " + id)
                            .isEqualTo((long) trail.size());
                });
            }
        }

        private void checkSharedRecords() {
            int changes = WORKERS * ROUNDS;
            List<StageChange> history = kehu.opportunities().history(boss, sharedDeal);
            assertThat(sharedMoves).hasValue(changes);
            assertThat(history).filteredOn(line -> line.kind() == ChangeKind.MOVED).as("moves of the shared deal")
                    .hasSize(changes);
            Map<String, Long> actions = store.auditLog().forRecords(boss.tenant(), Opportunity.RECORD_TYPE,
                    List.of(sharedDeal.value())).stream().collect(Collectors.groupingBy(AuditEntry::action,
                    Collectors.counting()));
            assertThat(actions.get("opportunity.move")).as("audited moves").isEqualTo((long) changes);
            assertThat(actions.getOrDefault("opportunity.assign", 0L)).as("audited handovers")
                    .isEqualTo((long) sharedHandovers.get());

            Contact contact = kehu.contacts().get(boss, sharedContact);
            long first = contact.version() - changes + 1;
            assertThat(sharedEdits.keySet()).as("versions the edits made")
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, changes).mapToObj(i -> first + i).toList());
            assertThat(contact.notes()).as("the stored contact shows the last edit").isEqualTo(sharedEdits.get(contact.version()));
            assertThat(store.auditLog().forRecords(boss.tenant(), Contact.RECORD_TYPE, List.of(sharedContact.value())))
                    .filteredOn(e -> e.action().equals("contact.update")).as("audited edits").hasSize(changes);
            assertThat(kehu.customers().get(boss, sharedCustomer)).as("the shared customer").isNotNull();
        }

        private void checkReminders() {
            List<UserId> recipients = new ArrayList<>(reps.stream().map(Actor::user).toList());
            recipients.addAll(List.of(AfterSalesStory.SUN_LI, AfterSalesStory.ZHOU_HONG, boss.user()));
            List<Reminder> stored = recipients.stream().flatMap(user -> remindersOf(user).stream()).toList();
            assertThat(careRuns.get()).as("care runs during the work").isGreaterThanOrEqualTo(2);
            assertThat(stored).as("reminders stored").isNotEmpty();
            assertThat(stored).extracting(Reminder::key).as("reminder keys").doesNotHaveDuplicates();
            assertThat(stored).as("reminders the runs counted as new").hasSize(remindersCreated.get());
            assertThat(stored.stream().map(Reminder::rule).collect(Collectors.toSet())).as("rules that reminded")
                    .contains("birthday", "contract-expiry", "customer-dormant");
            Map<String, Long> reminded = notified.stream()
                    .filter(n -> n.topic().startsWith(CareService.TOPIC_PREFIX))
                    .collect(Collectors.groupingBy(n -> n.topic() + " " + n.recordId() + " " + n.details().get("due")
                            + " " + n.recipient().value(), Collectors.counting()));
            assertThat(reminded.values()).as("notifications per reminder").allSatisfy(n -> assertThat(n).isEqualTo(1));
            assertThat(reminded).as("reminders notified").hasSize(stored.size());
        }

        private List<Reminder> remindersOf(UserId user) {
            List<Reminder> all = new ArrayList<>();
            Reminder after = null;
            while (true) {
                List<Reminder> page = kehu.care().reminders(boss, user, after, 200);
                all.addAll(page);
                if (page.size() < 200) return all;
                after = page.get(page.size() - 1);
            }
        }
    }
}
