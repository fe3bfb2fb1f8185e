package dev.kehu.crm.jdbc;

import static java.util.function.Function.identity;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.assignment.AssignmentMethod;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractContent;
import dev.kehu.crm.contract.PaymentMilestone;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.jdbc.FaultInjectingDataSource.Fault;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadConversion;
import dev.kehu.crm.lead.LeadDetails;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteDetails;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.security.TeamId;
import dev.kehu.crm.support.ServiceAgent;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.SupportService;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketDetails;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketPriority;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A use case is one transaction: whatever fails at whichever statement or commit, the store keeps all of its result —
 * the records, their history lines, the audit entries and the outbox messages — or none of it, and stays usable.
 *
 * <p>Each use case of the table runs once without a fault, to count the statements and commits of the call — its own
 * transaction (and the short read transactions of a care run or a delivery run), then the delivery of its messages
 * right after the commit, in transactions of their own — and to record the store it leaves. Then, for each
 * {@link Fault} and each {@code k} up to that count, the call runs again from the same store, clock and ids, with the
 * {@code k}-th statement or commit failing, through a HikariCP pool that takes its connections from a
 * {@link FaultInjectingDataSource}. After each run, read on a connection of its own:
 * <ul>
 * <li>either the store is as before, and the call failed with a {@link JdbcStoreException} caused by the injected
 *     failure; where the connection went back to the pool, running the call again on it gives the complete result;</li>
 * <li>or the store holds the complete result, every table compared row by row, and the call returned (the fault came
 *     after the commit, in the delivery of a message, which never fails a use case) or the fault was a commit whose
 *     answer was lost ({@link Fault#COMMIT_OUTCOME_UNKNOWN}): the caller cannot know, and must look;</li>
 * <li>delivering what is due, later than every retry and lease, leaves no message undelivered and has delivered each
 *     message of the call at least once, and a second time only one whose delivery the fault interrupted between its
 *     sending and its marking;</li>
 * <li>the pool has every connection back, and has closed each one that was cut, by the fault or by the store.</li>
 * </ul>
 */
abstract class AtomicUseCasesContractTest {
    /** A Monday, 09:00 in Shanghai: within the standard business hours of service levels. */
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** Later than every retry and lease of the standard retry policy. */
    private static final Duration LATER = Duration.ofDays(1);
    private static final TeamId EAST = new TeamId("east");
    private static final UserId CHEN = new UserId("chen.jing");
    private static final UserId LIU = new UserId("liu.yang");
    private static final UserId LI_NA = new UserId("li.na");
    private static final Actor WANG = Actor.of("wang.wei", "tenant-a", Role.SALES_REPRESENTATIVE);
    private static final Actor BOSS = Actor.of(LI_NA.value(), "tenant-a", Role.SALES_SUPERVISOR, Role.SERVICE_AGENT);
    private static final Actor AGENT = Actor.of(CHEN.value(), "tenant-a", Role.SERVICE_AGENT);

    /** The database of the concrete class. */
    protected abstract TestDatabases.Server database();

    private final AtomicReference<Instant> base = new AtomicReference<>(START);
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    /** What the channels accepted: each notification and event once per delivery. */
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private DataSource clean;
    private StoreCopy copy;
    private FaultInjectingDataSource faults;
    private HikariDataSource pool;
    private CrmStore store;
    private Kehu kehu;

    @BeforeEach
    final void openStore() {
        clean = database().emptyPool();
        copy = new StoreCopy(clean);
        faults = new FaultInjectingDataSource(database().driver());
        pool = database().poolOver(faults, 4);
        store = JdbcCrmStore.builder(pool).migrate(false).build();
        // Each reading of the clock is a second later, so that records get distinct, ordered times.
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return base.get().plusSeconds(ticks.getAndIncrement()); }
        };
        kehu = Kehu.builder().store(store).clock(clock).idGenerator(() -> "f-" + ids.incrementAndGet())
                .salesForce(SalesForce.of(List.of(rep(CHEN), rep(LIU))))
                .serviceAgents(ServiceAgents.of(List.of(new ServiceAgent(CHEN, Set.of("printer"), true, false, null),
                        new ServiceAgent(LIU, Set.of("printer"), true, false, null)), Map.of(CHEN, LI_NA, LIU, LI_NA), LI_NA))
                .careRules(CareRules.defaults().disable(CareRules.BUILT_IN.stream()
                        .filter(rule -> !rule.equals(CareRules.BIRTHDAYS)).toArray(String[]::new)))
                .notifications(n -> delivered.add("notification " + n.topic() + " of " + n.recordId() + " to "
                        + n.recipient().value() + " at " + n.at()))
                .domainEvents(e -> delivered.add("event " + e.key()))
                .build();
    }

    @AfterEach
    final void closeStore() {
        if (kehu != null) kehu.close();
        if (store != null) store.close();
        if (pool != null) pool.close();
    }

    private static SalesRep rep(UserId user) {
        return new SalesRep(user, Set.of(EAST), true, false, Set.of(), Set.of(), Set.of(), null);
    }

    /** A use case: {@code setUp} makes what it needs through Kehu (no fault armed) and returns the call under test. */
    record UseCase(String name, BiFunction<Kehu, CrmStore, Runnable> setUp) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<UseCase> useCases() {
        return Stream.of(
                new UseCase("create a customer", (kehu, store) -> () -> huaxia(kehu)),
                new UseCase("create a contact", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    return () -> kehu.contacts().create(WANG, ContactDetails.of(customer.id(), "李娜")
                            .position("技术总监").mobile("138 0013 8000").primary(true).build());
                }),
                new UseCase("update a customer", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    return () -> kehu.customers().update(WANG, customer.id(), customer.version(),
                            CustomerDetails.of(customer).toBuilder().phone("010-6512 9999").tags("重点", "华北")
                                    .notes("年度大客户").build());
                }),
                new UseCase("merge customers", (kehu, store) -> {
                    Customer survivor = huaxia(kehu);
                    Customer duplicate = kehu.customers().create(WANG, CustomerDetails.company("华夏科技")
                            .email("info@huaxia.example.cn").build());
                    kehu.contacts().create(WANG, ContactDetails.of(duplicate.id(), "张伟").build());
                    Opportunity deal = deal(kehu, duplicate);
                    kehu.quotes().create(WANG, quote(duplicate, deal));
                    return () -> kehu.customers().merge(WANG, duplicate.id(), survivor.id());
                }),
                new UseCase("convert a lead", (kehu, store) -> {
                    Lead lead = kehu.leads().capture(WANG, new LeadDetails("INBOUND_CALL", "上海东方物流有限公司", "陈经理",
                            "021-6888 1234", "chen@dongfang.example.cn", "来电咨询仓储系统"));
                    Lead qualified = kehu.leads().qualify(WANG, lead.id());
                    CustomerId later = new CustomerId("named-by-the-conversion");
                    return () -> kehu.leads().convert(WANG, qualified.id(), LeadConversion.intoNewCustomer(
                            CustomerDetails.company("上海东方物流有限公司").build(), ContactDetails.of(later, "陈经理").build(),
                            OpportunityDetails.of(later, "仓储管理系统").build()));
                }),
                new UseCase("open an opportunity", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    return () -> deal(kehu, customer);
                }),
                new UseCase("move an opportunity to the next stage, with its history", (kehu, store) -> {
                    Opportunity deal = deal(kehu, huaxia(kehu));
                    return () -> kehu.opportunities().moveTo(WANG, deal.id(), deal.version(), "EVALUATION", null, "立项");
                }),
                new UseCase("win an opportunity", (kehu, store) -> {
                    Opportunity deal = deal(kehu, huaxia(kehu));
                    return () -> kehu.opportunities().win(WANG, deal.id(), deal.version(), "签约");
                }),
                new UseCase("create a quote", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    Opportunity deal = deal(kehu, customer);
                    return () -> kehu.quotes().create(WANG, quote(customer, deal));
                }),
                new UseCase("send a quote", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    Quote draft = kehu.quotes().create(WANG, quote(customer, deal(kehu, customer)));
                    return () -> kehu.quotes().send(WANG, draft.id(), draft.version());
                }),
                new UseCase("draft a contract from an accepted quote", (kehu, store) -> {
                    Quote accepted = acceptedQuote(kehu, huaxia(kehu));
                    return () -> kehu.contracts().draftFromQuote(WANG, accepted.id(), "HT-2026-001");
                }),
                new UseCase("submit a contract", (kehu, store) -> {
                    Contract edited = editedContract(kehu);
                    return () -> kehu.contracts().submit(WANG, edited.id(), edited.version());
                }),
                new UseCase("approve a contract", (kehu, store) -> {
                    Contract edited = editedContract(kehu);
                    Contract submitted = kehu.contracts().submit(WANG, edited.id(), edited.version());
                    return () -> kehu.contracts().approve(BOSS, submitted.id(), submitted.version(), "同意");
                }),
                new UseCase("sign a contract, moving the customer's lifecycle stage", (kehu, store) -> {
                    Contract edited = editedContract(kehu);
                    Contract submitted = kehu.contracts().submit(WANG, edited.id(), edited.version());
                    Contract approved = kehu.contracts().approve(BOSS, submitted.id(), submitted.version(), null);
                    return () -> kehu.contracts().sign(WANG, approved.id(), approved.version(), TODAY);
                }),
                new UseCase("place an order, keeping the customer's last purchase", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    return () -> kehu.orders().place(WANG, customer.id(), "SO-2026-001", TODAY, Money.CNY, List.of(
                            new QuoteLine("服务器", new BigDecimal("2"), Money.of("50000.00", "CNY"), BigDecimal.ZERO),
                            new QuoteLine("维保", BigDecimal.ONE, Money.of("8000.00", "CNY"), new BigDecimal("12.5"))));
                }),
                new UseCase("open a service ticket with its service-level deadline", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    return () -> ticket(kehu, customer);
                }),
                new UseCase("assign a service ticket in turn", (kehu, store) -> {
                    ServiceTicket ticket = ticket(kehu, huaxia(kehu));
                    return () -> kehu.service().assignAutomatically(BOSS, ticket.id(), ticket.version(),
                            SupportService.Choice.ROUND_ROBIN);
                }),
                new UseCase("resolve a service ticket, linking the article that helped", (kehu, store) -> {
                    Article article = kehu.knowledge().write(BOSS, "打印机卡纸怎么办", "更换搓纸轮", List.of("打印机", "卡纸"));
                    Article published = kehu.knowledge().publish(BOSS, article.id(), article.version());
                    ServiceTicket ticket = ticket(kehu, huaxia(kehu));
                    ServiceTicket assigned = kehu.service().assign(BOSS, ticket.id(), ticket.version(), CHEN);
                    return () -> kehu.service().resolve(AGENT, assigned.id(), assigned.version(), "更换搓纸轮",
                            published.id().value());
                }),
                new UseCase("run the care rules: one page of birthdays", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    for (LocalDate birthday : List.of(LocalDate.of(1980, 11, 25), LocalDate.of(1990, 11, 28),
                            LocalDate.of(1985, 12, 25))) {
                        kehu.contacts().create(WANG, ContactDetails.of(customer.id(), "联系人 " + birthday)
                                .birthday(birthday).build());
                    }
                    return () -> kehu.care().run(BOSS, TODAY);
                }),
                new UseCase("deliver the messages a crash left undelivered", (kehu, store) -> {
                    // In the host's own transaction nothing is delivered right after the commit: as after a crash.
                    store.transactions().useTransaction(() -> {
                        Opportunity deal = deal(kehu, huaxia(kehu));
                        kehu.assignment().assign(BOSS, deal.id(), CHEN);
                    });
                    return () -> kehu.outbox().deliverDue();
                }),
                new UseCase("assign a batch of opportunities in turn", (kehu, store) -> {
                    Customer customer = huaxia(kehu);
                    List<OpportunityId> batch = Stream.of("ERP 升级", "仓储系统", "运维外包")
                            .map(subject -> kehu.opportunities().open(WANG, OpportunityDetails.of(customer.id(), subject)
                                    .build()).id()).toList();
                    return () -> kehu.assignment().assign(BOSS, EAST, batch, AssignmentMethod.roundRobin());
                }));
    }

    private static Customer huaxia(Kehu kehu) {
        return kehu.customers().create(WANG, CustomerDetails.company("北京华夏科技有限公司").industry("IT")
                .phone("010-6512 3456").province("北京").tags("重点").build());
    }

    private static Opportunity deal(Kehu kehu, Customer customer) {
        return kehu.opportunities().open(WANG, OpportunityDetails.of(customer.id(), "华东区 ERP 升级")
                .expected(new BigDecimal("100000.00"), "CNY").expectedSigningDate(TODAY.plusMonths(3)).build());
    }

    private static QuoteDetails quote(Customer customer, Opportunity deal) {
        return QuoteDetails.of(customer.id(), TODAY, Money.CNY).opportunity(deal.id().value())
                .line(new QuoteLineDetails("服务器", new BigDecimal("2"), new BigDecimal("50000.00"), null))
                .line(new QuoteLineDetails("维保", BigDecimal.ONE, new BigDecimal("8000.00"), new BigDecimal("12.5")))
                .build();
    }

    private static Quote acceptedQuote(Kehu kehu, Customer customer) {
        Quote draft = kehu.quotes().create(WANG, quote(customer, deal(kehu, customer)));
        Quote sent = kehu.quotes().send(WANG, draft.id(), draft.version());
        return kehu.quotes().accept(WANG, sent.id(), sent.version());
    }

    private static Contract editedContract(Kehu kehu) {
        Customer customer = huaxia(kehu);
        Contract draft = kehu.contracts().draft(WANG, customer.id(), "HT-2026-001", Money.CNY);
        return kehu.contracts().edit(WANG, draft.id(), draft.version(), new ContractContent("开元软件有限公司",
                "北京华夏科技有限公司", TODAY, TODAY.plusYears(1), Money.of("100000.00", "CNY"), "服务器及三年维保",
                List.of(PaymentMilestone.of(TODAY, Money.of("30000.00", "CNY"), "预付款"))));
    }

    private static ServiceTicket ticket(Kehu kehu, Customer customer) {
        return kehu.service().open(AGENT, TicketDetails.of(customer.id(), TicketKind.COMPLAINT, TicketChannel.PHONE,
                "打印机卡纸").skill("printer").priority(TicketPriority.HIGH));
    }

    /** Where the clock and the ids stand. */
    private record Marks(long ticks, long ids) {
    }

    private Marks marks() {
        return new Marks(ticks.get(), ids.get());
    }

    private void resetTo(Marks marks) {
        base.set(START);
        ticks.set(marks.ticks());
        ids.set(marks.ids());
    }

    /** What a run without faults started from and left: every run with a fault is compared with it. */
    private record Reference(Marks start, StoreContents before, StoreContents after, Set<String> deliveries,
                             boolean deliversWhatWasThere) {
        /** What delivering everything due must have delivered, with the call's result stored or not. */
        Set<String> deliveries(boolean resultStored) {
            return resultStored || deliversWhatWasThere ? deliveries : Set.of();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("useCases")
    @DisplayName("a fault at any statement or commit leaves the whole result or none of it, and a usable store")
    void allOrNothing(UseCase useCase) {
        Runnable call = useCase.setUp().apply(kehu, store);
        copy.save();
        Marks start = marks();
        StoreContents before = StoreContents.read(clean);
        boolean deliversWhatWasThere = undelivered() > 0; // a delivery run
        delivered.clear();

        faults.countOnly();
        call.run();
        int statements = faults.statements();
        int commits = faults.commits();
        StoreContents after = StoreContents.read(clean);
        assertThat(after.differsInAnyColumnFrom(before)).as("the call changes the store").isTrue();
        assertThat(Set.copyOf(delivered)).as("what the call delivered").isNotEmpty().hasSameSizeAs(delivered);
        assertThat(undelivered()).as("messages the call left undelivered").isZero();
        Reference reference = new Reference(start, before, after, Set.copyOf(delivered), deliversWhatWasThere);

        for (Fault fault : Fault.values()) {
            int count = fault.atCommit() ? commits : statements;
            for (int k = 1; k <= count; k++) {
                try {
                    runWithFault(call, fault, k, reference);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(useCase + ": " + fault + " at " + (fault.atCommit() ? "commit " : "statement ")
                            + k + " of " + count + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void runWithFault(Runnable call, Fault fault, int k, Reference reference) {
        copy.restore();
        resetTo(reference.start());
        delivered.clear();

        faults.arm(fault, k);
        Throwable thrown = catchThrowable(call::run);
        Throwable injected = faults.disarm();
        Set<String> sentByTheCall = Set.copyOf(delivered);

        assertThat(injected).as("the fault fired").isNotNull();
        StoreContents left = StoreContents.read(clean);
        boolean resultStored = true;
        if (thrown == null) {
            assertThat(left.differenceFrom(reference.after()))
                    .as("the call returned, so its result is complete; difference").isEmpty();
        } else {
            assertThat(thrown).as("what the call threw").isInstanceOf(JdbcStoreException.class);
            assertThat(rootCause(thrown)).as("the cause of what the call threw").isSameAs(injected);
            if (!left.sameAs(reference.before())) {
                assertThat(left.differenceFrom(reference.after()))
                        .as("the call failed and the store is not as before, so its result must be complete; difference")
                        .isEmpty();
                assertThat(fault).as("the call failed yet committed").isEqualTo(Fault.COMMIT_OUTCOME_UNKNOWN);
            } else if (fault.connectionServesAgain()) {
                // The connection went back to the pool: the call runs again on it, as a caller's retry would.
                resetTo(reference.start());
                call.run();
                assertThat(StoreContents.read(clean).differenceFrom(reference.after()))
                        .as("running the call again after the failure gives its result; difference").isEmpty();
            } else {
                resultStored = false;
            }
        }
        deliverTheRest(reference.deliveries(resultStored), sentByTheCall);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections not given back").isZero();
        if (!fault.connectionServesAgain()) {
            assertThat(faults.dropped()).as("connections cut, by the fault or by the store").isPositive();
        }
        assertThat(droppedConnectionsClosed()).as("the pool closed the connections that were cut").isTrue();
    }

    /**
     * Delivers what is due later than every retry and lease; then every message is delivered, each of the call's at
     * least once, and twice only one the faulty call had sent already: one whose delivery the fault interrupted between
     * its sending and its marking.
     */
    private void deliverTheRest(Set<String> deliveries, Set<String> sentByTheCall) {
        base.set(START.plus(LATER));
        kehu.outbox().deliverDue();
        assertThat(undelivered()).as("messages left undelivered").isZero();
        Map<String, Long> times = delivered.stream().collect(groupingBy(identity(), counting()));
        assertThat(times.keySet()).as("what was delivered").isEqualTo(deliveries);
        times.forEach((message, n) -> assertThat(n).as("deliveries of " + message)
                .isLessThanOrEqualTo(sentByTheCall.contains(message) ? 2 : 1));
    }

    private long undelivered() {
        try (Connection connection = clean.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM kehu_outbox_message WHERE status <> 'DELIVERED'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HikariCP closes an evicted connection on a thread of its own: waits for it, at most ten seconds. */
    private boolean droppedConnectionsClosed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!faults.droppedConnectionsClosed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return faults.droppedConnectionsClosed();
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) cause = cause.getCause();
        return cause;
    }
}
