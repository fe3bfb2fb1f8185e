package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.assignment.RoundRobinPosition;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.security.TeamId;
import dev.kehu.crm.support.BusinessHours;
import dev.kehu.crm.support.Escalations;
import dev.kehu.crm.support.Expense;
import dev.kehu.crm.support.ExpenseCategory;
import dev.kehu.crm.support.ExpenseStatus;
import dev.kehu.crm.support.ListPosition;
import dev.kehu.crm.support.ServiceAgent;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceHistory;
import dev.kehu.crm.support.ServiceLevel;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.support.SlaState;
import dev.kehu.crm.support.SlaTarget;
import dev.kehu.crm.support.StepKind;
import dev.kehu.crm.support.SupportService;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketDetails;
import dev.kehu.crm.support.TicketId;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketPriority;
import dev.kehu.crm.support.TicketStatus;
import dev.kehu.crm.support.TicketStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The customer-service use cases (tickets, assignment, service levels and escalation, expenses, the knowledge
 * base, a customer's service history), run through {@link Kehu} on the store under test: the whole flow works, a
 * refused use case writes nothing, and concurrent assignments and escalation scans never take one turn or escalate
 * one breach twice.
 */
public abstract class ServiceUseCasesCompatibilityKit {
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    private static final UserId BOSS = new UserId("li.na");
    private static final UserId CHEN = new UserId("chen.jing");
    private static final UserId LIU = new UserId("liu.yang");
    private static final UserId SUN = new UserId("sun.li");
    /** Around the clock, so that the deadlines are plain sums: one hour to respond, four to resolve. */
    private static final ServiceLevel LEVEL = ServiceLevel.of(BusinessHours.aroundTheClock(ZoneOffset.UTC),
            Duration.ofMinutes(10), Map.of(
                    TicketPriority.LOW, ServiceLevel.Targets.within(Duration.ofHours(1), Duration.ofHours(4)),
                    TicketPriority.NORMAL, ServiceLevel.Targets.within(Duration.ofHours(1), Duration.ofHours(4)),
                    TicketPriority.HIGH, ServiceLevel.Targets.within(Duration.ofHours(1), Duration.ofHours(4)),
                    TicketPriority.URGENT, ServiceLevel.Targets.within(Duration.ofHours(1), Duration.ofHours(4))));

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private Kehu kehu;
    private final WriteMeeting writes = new WriteMeeting();
    private final List<Notification> notified = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    /** Where the clock stands; each reading adds a millisecond, so records get distinct, ordered times. */
    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Actor desk = Actor.of("wang.wei", "tenant-a", Role.SERVICE_AGENT);
    private final Actor boss = Actor.of(BOSS.value(), "tenant-a", Role.SERVICE_AGENT);
    private final Actor chen = Actor.of(CHEN.value(), "tenant-a", Role.SERVICE_AGENT);
    private final Actor stranger = Actor.of("zhao.lei", "tenant-b", Role.SERVICE_AGENT);
    private final ServiceAgents agents = ServiceAgents.of(List.of(
            new ServiceAgent(CHEN, Set.of("printer", "network"), true, false, null),
            new ServiceAgent(LIU, Set.of("printer"), true, false, null),
            new ServiceAgent(SUN, Set.of("network"), true, false, 5)),
            Map.of(CHEN, BOSS, LIU, BOSS, SUN, BOSS), BOSS);

    @BeforeEach
    void openKehu() {
        store = newStore();
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get().plusMillis(ticks.getAndIncrement()); }
        };
        kehu = Kehu.builder().store(new MeetingStore(store, writes)).clock(clock)
                .idGenerator(() -> "v-" + ids.incrementAndGet()).serviceAgents(agents).serviceLevel(LEVEL)
                .notifications(notified::add).build();
    }

    @AfterEach
    void closeKehu() {
        kehu.close();
        store.close();
    }

    private Customer huaxia() {
        return kehu.customers().create(desk, CustomerDetails.company("北京华夏科技有限公司").build());
    }

    private ServiceTicket open(Customer customer, TicketKind kind, String skill) {
        return kehu.service().open(desk, TicketDetails.of(customer.id(), kind, TicketChannel.PHONE, "打印机卡纸")
                .skill(skill).priority(TicketPriority.HIGH));
    }

    private List<TicketStep> history(ServiceTicket ticket) {
        return store.serviceTickets().history(desk.tenant(), ticket.id());
    }

    private List<Notification> notifiedOf(String topic) {
        return notified.stream().filter(n -> n.topic().equals(topic)).toList();
    }

    @Test
    @DisplayName("a complaint goes from intake to closure: assignment, work, measures, resolution with an article, survey, history")
    void wholeFlow() {
        Customer customer = huaxia();
        Article article = kehu.knowledge().write(boss, "打印机卡纸怎么办", "更换搓纸轮", List.of("打印机", "卡纸"));
        article = kehu.knowledge().publish(boss, article.id(), article.version());
        ServiceTicket t = kehu.service().open(desk, TicketDetails.of(customer.id(), TicketKind.COMPLAINT,
                TicketChannel.EMAIL, "打印机又卡纸").skill("printer").description("第三次了"));
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);

        t = kehu.service().assignAutomatically(boss, t.id(), t.version(), SupportService.Choice.ROUND_ROBIN);
        assertThat(t.assignee()).isEqualTo(CHEN);
        assertThat(notifiedOf("service-ticket.assigned")).extracting(Notification::recipient).containsExactly(CHEN);
        t = kehu.service().start(chen, t.id(), t.version());
        t = kehu.service().waitForCustomer(chen, t.id(), t.version(), "请提供打印机型号");
        assertThat(store.serviceTickets().slaDue(desk.tenant(), START.plus(Duration.ofDays(30)), null, 10))
                .as("no deadline while waiting for the customer").isEmpty();
        t = kehu.service().resume(chen, t.id(), t.version(), "型号 HP M404");
        t = kehu.service().addMeasure(chen, t.id(), t.version(), "培训前台更换纸张", LIU, LocalDate.of(2026, 12, 1));
        t = kehu.service().resolve(chen, t.id(), t.version(), "更换搓纸轮", article.id().value());
        t = kehu.service().recordSurvey(desk, t.id(), t.version(), 4, "满意");
        t = kehu.service().completeMeasure(chen, t.id(), t.version(), 1, "已培训");
        t = kehu.service().close(chen, t.id(), t.version(), null);

        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(history(t)).extracting(TicketStep::kind).containsExactly(StepKind.CREATED, StepKind.ASSIGNED,
                StepKind.STARTED, StepKind.WAITING, StepKind.CUSTOMER_REPLIED, StepKind.MEASURE_ADDED,
                StepKind.RESOLVED, StepKind.SURVEYED, StepKind.MEASURE_DONE, StepKind.CLOSED);
        assertThat(kehu.service().slaStatus(desk, t.id()).breached()).isEmpty();
        assertThat(kehu.service().slaStatus(desk, t.id()).resolution().state()).isEqualTo(SlaState.MET);
        assertThat(kehu.knowledge().resolvedTickets(desk, article.id())).extracting(ServiceTicket::id)
                .containsExactly(t.id());
        assertThat(kehu.knowledge().search(desk, "卡纸", 10)).extracting(Article::id).containsExactly(article.id());
        assertThat(store.auditLog().forRecords(desk.tenant(), ServiceTicket.RECORD_TYPE, List.of(t.id().value())))
                .hasSize(10);

        Expense expense = kehu.expenses().record(chen, customer.id(), t.id(), ExpenseCategory.TRAVEL,
                Money.of("86.50", "CNY"), "打车", LocalDate.of(2026, 11, 23));
        expense = kehu.expenses().approve(boss, expense.id(), expense.version());
        assertThat(expense.status()).isEqualTo(ExpenseStatus.APPROVED);
        assertThat(notifiedOf("expense.decision.approved")).extracting(Notification::recipient).containsExactly(CHEN);

        ServiceTicket second = open(customer, TicketKind.INQUIRY, null);
        ServiceHistory page = kehu.service().customerHistory(desk, customer.id(), null, 2);
        assertThat(page.entries()).extracting(e -> e.ticket() != null ? e.ticket().id().value() : e.expense().id().value())
                .containsExactly(second.id().value(), expense.id().value());
        ServiceHistory rest = kehu.service().customerHistory(desk, customer.id(), page.next(), 2);
        assertThat(rest.entries()).hasSize(1);
        assertThat(rest.entries().get(0).ticket().survey().score()).isEqualTo(4);
        assertThat(rest.entries().get(0).sla().breached()).isEmpty();
        assertThat(rest.next()).isNull();
    }

    @Nested
    @DisplayName("A refused use case writes nothing: no row, no history line, no audit entry, no message")
    class Refusals {
        private void refusedWithoutWriting(ServiceTicket ticket, Class<? extends KehuException> type, String code,
                                           Runnable action) {
            TenantId tenant = desk.tenant();
            ServiceTicket before = store.serviceTickets().find(tenant, ticket.id()).orElseThrow();
            int lines = history(ticket).size();
            int audit = store.auditLog().forRecords(tenant, ServiceTicket.RECORD_TYPE, List.of(ticket.id().value())).size();
            int messages = store.outbox().list(tenant, new OutboxQuery(null, null, null, 1000)).size();

            Throwable refused = catchThrowable(action::run);

            assertThat(refused).isInstanceOf(type);
            if (code != null) assertThat(((KehuException) refused).code()).isEqualTo(code);
            assertThat(store.serviceTickets().find(tenant, ticket.id())).contains(before);
            assertThat(history(ticket)).hasSize(lines);
            assertThat(store.auditLog().forRecords(tenant, ServiceTicket.RECORD_TYPE, List.of(ticket.id().value())))
                    .hasSize(audit);
            assertThat(store.outbox().list(tenant, new OutboxQuery(null, null, null, 1000))).hasSize(messages);
        }

        @Test
        @DisplayName("wrong state, survey before resolution, measure on an inquiry, agent without the skill, not a supervisor")
        void rules() {
            Customer customer = huaxia();
            ServiceTicket inquiry = open(customer, TicketKind.INQUIRY, "network");
            refusedWithoutWriting(inquiry, BusinessRuleException.class, "service.ticket.move.not-allowed",
                    () -> kehu.service().start(chen, inquiry.id(), inquiry.version()));
            refusedWithoutWriting(inquiry, BusinessRuleException.class, "service.ticket.survey.not-resolved",
                    () -> kehu.service().recordSurvey(desk, inquiry.id(), inquiry.version(), 5, null));
            refusedWithoutWriting(inquiry, BusinessRuleException.class, "service.ticket.measure.not-complaint",
                    () -> kehu.service().addMeasure(chen, inquiry.id(), inquiry.version(), "整改", CHEN,
                            LocalDate.of(2026, 12, 1)));
            refusedWithoutWriting(inquiry, BusinessRuleException.class, "service.assignment.unskilled",
                    () -> kehu.service().assign(boss, inquiry.id(), inquiry.version(), LIU));
            refusedWithoutWriting(inquiry, BusinessRuleException.class, SupportService.SUPERVISOR_ONLY,
                    () -> kehu.service().assign(chen, inquiry.id(), inquiry.version(), SUN));
        }

        @Test
        @DisplayName("a stale version and a ticket of another tenant")
        void staleAndForeign() {
            ServiceTicket ticket = open(huaxia(), TicketKind.REPAIR, "printer");
            ServiceTicket assigned = kehu.service().assign(boss, ticket.id(), ticket.version(), LIU);
            refusedWithoutWriting(assigned, StaleRecordException.class, null,
                    () -> kehu.service().start(Actor.of(LIU.value(), "tenant-a"), ticket.id(), ticket.version()));
            refusedWithoutWriting(assigned, RecordNotFoundException.class, null,
                    () -> kehu.service().start(stranger, ticket.id(), assigned.version()));
        }

        @Test
        @DisplayName("messages of refusals are in the actor's language")
        void languages() {
            ServiceTicket ticket = open(huaxia(), TicketKind.INQUIRY, null);
            Throwable english = catchThrowable(() -> kehu.service().recordSurvey(desk.withLocale(Locale.ENGLISH),
                    ticket.id(), ticket.version(), 5, null));
            Throwable chinese = catchThrowable(() -> kehu.service().recordSurvey(desk.withLocale(Locale.CHINESE),
                    ticket.id(), ticket.version(), 5, null));
            assertThat(english).hasMessageContaining("not resolved yet");
            assertThat(chinese.getMessage()).isNotEqualTo(english.getMessage()).contains(ticket.id().value());
        }

        @Test
        @DisplayName("an expense approved by its claimant or by somebody who supervises nobody is refused and unchanged")
        void expenses() {
            Customer customer = huaxia();
            Expense expense = kehu.expenses().record(boss, customer.id(), null, ExpenseCategory.MEALS,
                    Money.of("120", "CNY"), null, LocalDate.of(2026, 11, 22));
            assertThat(catchThrowable(() -> kehu.expenses().approve(boss, expense.id(), expense.version())))
                    .isInstanceOf(BusinessRuleException.class).extracting(e -> ((KehuException) e).code())
                    .isEqualTo("expense.approver.self");
            assertThat(catchThrowable(() -> kehu.expenses().approve(chen, expense.id(), expense.version())))
                    .isInstanceOf(BusinessRuleException.class).extracting(e -> ((KehuException) e).code())
                    .isEqualTo(SupportService.SUPERVISOR_ONLY);
            assertThat(store.expenses().find(desk.tenant(), expense.id())).contains(expense);
            assertThat(store.auditLog().forRecords(desk.tenant(), Expense.RECORD_TYPE, List.of(expense.id().value())))
                    .hasSize(1);
        }
    }

    @Nested
    @DisplayName("Service levels are escalated once per breached target")
    class Escalation {
        @Test
        @DisplayName("a breach is escalated to the agent's supervisor once; a re-run escalates nothing; the next target later")
        void once() {
            Customer customer = huaxia();
            ServiceTicket ticket = open(customer, TicketKind.REPAIR, "printer");
            ticket = kehu.service().assign(boss, ticket.id(), ticket.version(), LIU);
            now.set(START.plus(Duration.ofMinutes(30)));
            open(customer, TicketKind.INQUIRY, null); // its first response is due at 90 minutes
            now.set(START.plus(Duration.ofMinutes(61)));
            assertThat(kehu.service().escalateBreaches(boss, now.get())).isEqualTo(new Escalations(1, 1, 0));
            ServiceTicket escalated = store.serviceTickets().find(desk.tenant(), ticket.id()).orElseThrow();
            assertThat(escalated.escalated()).containsExactly(SlaTarget.FIRST_RESPONSE);
            assertThat(escalated.escalatedTo()).isEqualTo(BOSS);
            assertThat(notifiedOf("service-ticket.escalated")).extracting(Notification::recipient).containsExactly(BOSS);

            assertThat(kehu.service().escalateBreaches(boss, now.get()).escalated()).isZero();
            now.set(START.plus(Duration.ofMinutes(250)));
            assertThat(kehu.service().escalateBreaches(boss, now.get()).escalated()).isEqualTo(2);
            assertThat(store.serviceTickets().find(desk.tenant(), ticket.id()).orElseThrow().escalated())
                    .containsExactlyInAnyOrder(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);
            assertThat(history(escalated)).filteredOn(s -> s.kind() == StepKind.ESCALATED).hasSize(2);
            assertThat(kehu.service().escalateBreaches(boss, now.get()).escalated()).isZero();
        }

        /**
         * The two scans meet after each has read the due ticket and before either writes. The ticket's version (and
         * the history line's key) lets one commit; without them both would, and the breach would be escalated and
         * notified twice. On a store that runs one transaction at a time (in memory) the second scan waits and then
         * finds nothing to escalate, so there this test cannot fail.
         */
        @Test
        @DisplayName("two hosts scanning at once escalate a breach exactly once")
        void concurrentScans() throws InterruptedException {
            ServiceTicket ticket = open(huaxia(), TicketKind.REPAIR, "printer");
            now.set(START.plus(Duration.ofMinutes(61)));
            writes.meetBeforeFirstWrite(2);
            Callable<Escalations> scan = () -> kehu.service().escalateBreaches(boss, now.get());
            List<Object> outcomes = KitSupport.race(List.of(scan, scan));
            assertThat(outcomes).allMatch(Escalations.class::isInstance);
            assertThat(outcomes.stream().mapToInt(o -> ((Escalations) o).escalated()).sum()).isEqualTo(1);
            assertThat(history(ticket)).filteredOn(s -> s.kind() == StepKind.ESCALATED).hasSize(1);
            assertThat(notifiedOf("service-ticket.escalated")).hasSize(1);
        }
    }

    @Nested
    @DisplayName("Automatic assignment")
    class Assignment {
        @Test
        @DisplayName("round robin takes turns per skill; least loaded picks the agent with fewest open tickets")
        void choices() {
            Customer customer = huaxia();
            List<UserId> given = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ServiceTicket t = open(customer, TicketKind.REPAIR, "printer");
                given.add(kehu.service().assignAutomatically(boss, t.id(), t.version(),
                        SupportService.Choice.ROUND_ROBIN).assignee());
            }
            assertThat(given).containsExactly(CHEN, LIU, CHEN);
            ServiceTicket network = open(customer, TicketKind.REPAIR, "network");
            assertThat(kehu.service().assignAutomatically(boss, network.id(), network.version(),
                    SupportService.Choice.LEAST_LOADED).assignee()).isEqualTo(SUN);
        }

        /**
         * Both batches read the skill's position and meet before writing; its version lets one commit. Without it
         * both would give the same turn. In memory the second waits for the first and takes the next turn.
         */
        @Test
        @DisplayName("two supervisors auto-assigning at once never give the same turn")
        void concurrentTurns() throws InterruptedException {
            Customer customer = huaxia();
            ServiceTicket a = open(customer, TicketKind.REPAIR, "printer");
            ServiceTicket b = open(customer, TicketKind.REPAIR, "printer");
            writes.meetBeforeFirstWrite(2);
            List<Object> outcomes = KitSupport.race(List.<Callable<ServiceTicket>>of(
                    () -> kehu.service().assignAutomatically(boss, a.id(), a.version(), SupportService.Choice.ROUND_ROBIN),
                    () -> kehu.service().assignAutomatically(boss, b.id(), b.version(), SupportService.Choice.ROUND_ROBIN)));
            List<UserId> given = outcomes.stream().filter(ServiceTicket.class::isInstance)
                    .map(o -> ((ServiceTicket) o).assignee()).toList();
            assertThat(outcomes).filteredOn(o -> !(o instanceof ServiceTicket))
                    .allMatch(StaleRecordException.class::isInstance);
            assertThat(given).isNotEmpty().doesNotHaveDuplicates();
            assertThat(notifiedOf("service-ticket.assigned")).as("a rolled-back assignment notifies nobody")
                    .hasSameSizeAs(given);
        }
    }

    /** The store under test, whose ticket and round-robin saves can be made to meet, to prove conflicts. */
    private static final class MeetingStore extends ForwardingCrmStore {
        private final WriteMeeting writes;

        MeetingStore(CrmStore store, WriteMeeting writes) {
            super(store);
            this.writes = writes;
        }

        @Override
        public ServiceTickets serviceTickets() {
            ServiceTickets delegate = store.serviceTickets();
            return new ServiceTickets() {
                @Override public Optional<ServiceTicket> find(TenantId t, TicketId id) { return delegate.find(t, id); }
                @Override public void append(TenantId t, TicketStep line) { delegate.append(t, line); }
                @Override public List<TicketStep> history(TenantId t, TicketId id) { return delegate.history(t, id); }
                @Override public List<ServiceTicket> ofCustomer(TenantId t, CustomerId c, ListPosition p, int limit) {
                    return delegate.ofCustomer(t, c, p, limit);
                }
                @Override public Map<UserId, Integer> openCounts(TenantId t, Collection<UserId> agents) {
                    return delegate.openCounts(t, agents);
                }
                @Override public List<Due> slaDue(TenantId t, Instant before, ListPosition after, int limit) {
                    return delegate.slaDue(t, before, after, limit);
                }

                @Override
                public ServiceTicket save(ServiceTicket ticket, Instant deadline) {
                    writes.beforeWrite();
                    return delegate.save(ticket, deadline);
                }
            };
        }

        @Override
        public RoundRobinPositions roundRobinPositions() {
            RoundRobinPositions delegate = store.roundRobinPositions();
            return new RoundRobinPositions() {
                @Override public Optional<Stored> find(TenantId t, TeamId team) { return delegate.find(t, team); }

                @Override
                public Stored save(TenantId t, RoundRobinPosition p, long expectedVersion) {
                    writes.beforeWrite();
                    return delegate.save(t, p, expectedVersion);
                }
            };
        }
    }
}
