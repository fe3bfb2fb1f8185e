package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityDetails;
import dev.kehu.crm.activity.ActivityKind;
import dev.kehu.crm.activity.FollowUpDetails;
import dev.kehu.crm.activity.VisitRecordDetails;
import dev.kehu.crm.activity.Workbench;
import dev.kehu.crm.assignment.AssignmentMethod;
import dev.kehu.crm.assignment.AssignmentPlan;
import dev.kehu.crm.assignment.LoadMeasure;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.FixedExchangeRates;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.forecast.Forecast;
import dev.kehu.crm.forecast.Funnel;
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadConversion;
import dev.kehu.crm.lead.LeadDetails;
import dev.kehu.crm.lead.LeadQuery;
import dev.kehu.crm.lead.LeadStatus;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordId;
import dev.kehu.crm.opportunity.AttachedRecordKind;
import dev.kehu.crm.opportunity.MoveOutcome;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.PipelineCatalogue;
import dev.kehu.crm.opportunity.PipelineId;
import dev.kehu.crm.opportunity.Stage;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.opportunity.StageHistory;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanDetails;
import dev.kehu.crm.plan.PlanResultDetails;
import dev.kehu.crm.plan.PlanStepDetails;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteDetails;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.quote.QuoteStatus;
import dev.kehu.crm.quote.Quotes;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.security.TeamId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sales use cases (leads, opportunities, assignment, quotes, plans, activities, funnel and forecast), run
 * through {@link Kehu} on the store under test: the rules hold, a refused use case writes nothing, and
 * concurrent changes of one opportunity cannot both commit.
 */
public abstract class SalesUseCasesCompatibilityKit {
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Currency CNY = Money.CNY;
    private static final Currency USD = Currency.getInstance("USD");
    private static final TeamId EAST = new TeamId("east");
    /** A second pipeline, per product line: two stages, the first going stale after ten seconds. */
    private static final Pipeline SERVICES = new Pipeline(new PipelineId("services"), "服务项目", "service projects",
            List.of(new Stage("BRIEF", "需求沟通", "brief", Probability.of(20), Probability.of(10), Probability.of(30),
                            Duration.ofSeconds(10), Set.of()),
                    new Stage("OFFER", "报价", "offer", Probability.of(60), Probability.of(50), Probability.of(90),
                            null, Set.of())), false, false);

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private final WriteMeeting writes = new WriteMeeting();
    /** The reads of quotes by opportunity the use cases made, by method name. */
    private final List<String> quoteReads = Collections.synchronizedList(new ArrayList<>());
    private final List<Notification> notified = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private Kehu kehu;
    private final Actor wang = Actor.of("wang.wei", "tenant-a", Role.SALES_REPRESENTATIVE);
    private final Actor boss = Actor.of("li.na", "tenant-a", Role.SALES_SUPERVISOR);
    private final Actor english = wang.withLocale(Locale.ENGLISH);
    private final List<SalesRep> team = List.of(rep("chen.jing", false), rep("liu.yang", false),
            rep("sun.li", true), rep("zhou.fang", false));

    private static SalesRep rep(String user, boolean absent) {
        return new SalesRep(new UserId(user), Set.of(EAST), true, absent, Set.of(), Set.of(), Set.of(), null);
    }

    @BeforeEach
    void openKehu() {
        store = newStore();
        kehu = kehuOn(store);
    }

    /** A Kehu like a host's, whose clock moves one second a reading: records get distinct, ordered times. */
    private Kehu kehuOn(CrmStore target) {
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return START.plusSeconds(ticks.getAndIncrement()); }
        };
        return Kehu.builder().store(new MeetingStore(target, writes, quoteReads)).clock(clock)
                .idGenerator(() -> "s-" + ids.incrementAndGet())
                .salesForce(SalesForce.of(team))
                .pipelines(PipelineCatalogue.of(Pipeline.standard(), SERVICES))
                .notifications(notified::add)
                .exchangeRates(FixedExchangeRates.builder()
                        .rate(USD, CNY, LocalDate.of(2026, 1, 1), new BigDecimal("7.1")).build())
                .build();
    }

    @AfterEach
    void closeKehu() {
        kehu.close();
        store.close();
    }

    private Customer huaxia() {
        return kehu.customers().create(wang, CustomerDetails.company("北京华夏科技有限公司").industry("IT")
                .province("北京").build());
    }

    private Opportunity deal(Customer customer, String subject, String amount, String currency, LocalDate expected) {
        return kehu.opportunities().open(wang, OpportunityDetails.of(customer.id(), subject)
                .expected(amount == null ? null : new BigDecimal(amount), currency).expectedSigningDate(expected)
                .build());
    }

    private Opportunity stored(OpportunityId id) {
        return store.opportunities().find(wang.tenant(), id).orElseThrow();
    }

    private List<StageChange> history(OpportunityId id) {
        return store.opportunities().history(wang.tenant(), id);
    }

    private static QuoteLineDetails line(String product, String quantity, String price) {
        return new QuoteLineDetails(product, new BigDecimal(quantity), new BigDecimal(price), null);
    }

    private static <T extends KehuException> T refusal(Class<T> type, Runnable action) {
        T e = catchThrowableOfType(type, action::run);
        assertThat(e).as("refused with " + type.getSimpleName()).isNotNull();
        return e;
    }

    @Nested
    @DisplayName("leads")
    class Leads_ {
        private Lead qualifiedLead() {
            Lead lead = kehu.leads().capture(wang, new LeadDetails("INBOUND_CALL", "上海东方物流有限公司", "陈经理",
                    "021-6888 1234", "chen@dongfang.example.cn", "来电咨询仓储系统"));
            return kehu.leads().qualify(wang, lead.id());
        }

        @Test
        @DisplayName("conversion makes the customer, the contact and the opportunity; converting twice is refused")
        void convertOnce() {
            Lead lead = qualifiedLead();
            assertThat(lead.phone().e164()).isEqualTo("+862168881234");
            Conversion conversion = kehu.leads().convert(wang, lead.id(), LeadConversion.intoNewCustomer(
                    CustomerDetails.company("上海东方物流有限公司").build(),
                    ContactDetails.of(new dev.kehu.crm.customer.CustomerId("x"), "陈经理").build(),
                    OpportunityDetails.of(new dev.kehu.crm.customer.CustomerId("x"), "仓储管理系统").build()));

            Opportunity opportunity = stored(conversion.opportunity());
            assertThat(opportunity.customer()).isEqualTo(conversion.customer());
            assertThat(opportunity.source()).as("the lead's source carries over").isEqualTo("INBOUND_CALL");
            assertThat(store.contacts().find(wang.tenant(), conversion.contact()).orElseThrow().customer())
                    .isEqualTo(conversion.customer());
            assertThat(store.leads().find(wang.tenant(), lead.id()).orElseThrow().status()).isEqualTo(LeadStatus.CONVERTED);

            BusinessRuleException twice = refusal(BusinessRuleException.class, () -> kehu.leads().convert(wang,
                    lead.id(), LeadConversion.intoCustomer(conversion.customer(), null,
                            OpportunityDetails.of(conversion.customer(), "再来一次").build())));
            assertThat(twice.code()).isEqualTo("lead.converted");
            assertThat(store.opportunities().matching(wang.tenant(), OpportunityQuery.all())).hasSize(1);
        }

        @Test
        @DisplayName("a conversion refused half-way leaves no customer, contact or opportunity behind")
        void conversionIsOneTransaction() {
            Lead lead = qualifiedLead();
            InvalidInputException e = refusal(InvalidInputException.class, () -> kehu.leads().convert(wang, lead.id(),
                    LeadConversion.intoNewCustomer(CustomerDetails.company("上海东方物流有限公司").build(),
                            ContactDetails.of(new dev.kehu.crm.customer.CustomerId("x"), "陈经理").build(),
                            OpportunityDetails.of(new dev.kehu.crm.customer.CustomerId("x"), "仓储管理系统")
                                    .source("NO_SUCH_SOURCE").build())));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("source");
            assertThat(store.customers().page(wang.tenant(), dev.kehu.crm.customer.CustomerQuery.all().includingClosed(),
                    dev.kehu.crm.common.PageRequest.first(10, dev.kehu.crm.customer.CustomerSort.NAME)).total()).isZero();
            assertThat(store.opportunities().matching(wang.tenant(), OpportunityQuery.all())).isEmpty();
            assertThat(store.leads().find(wang.tenant(), lead.id()).orElseThrow().status()).isEqualTo(LeadStatus.QUALIFIED);
        }

        @Test
        @DisplayName("only a supervisor assigns a lead, and the new owner is notified")
        void assignLead() {
            Lead lead = qualifiedLead();
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.leads().assign(wang, lead.id(), new UserId("chen.jing"))).code())
                    .isEqualTo("assignment.supervisor-only");
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.leads().assign(boss, lead.id(), new UserId("sun.li"))).code())
                    .as("sun.li is absent").isEqualTo("assignment.rep-absent");
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.leads().assign(boss, lead.id(), new UserId("nobody"))).code())
                    .isEqualTo("assignment.rep-unknown");
            assertThat(notified).isEmpty();
            kehu.leads().assign(boss, lead.id(), new UserId("chen.jing"));
            assertThat(kehu.leads().list(boss, LeadQuery.all().withOwner(new UserId("chen.jing")))).hasSize(1);
            assertThat(notified).extracting(Notification::recipient, Notification::topic)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(new UserId("chen.jing"), "lead.assigned"));
            assertThat(notified.get(0).message(Locale.ENGLISH))
                    .isEqualTo("lead \"上海东方物流有限公司\" has been assigned to you by li.na");
        }
    }

    @Nested
    @DisplayName("opportunities and the pipeline")
    class Pipelines {
        @Test
        @DisplayName("a deal moves through the seven stages and closes won; the history replays to where it is")
        void throughTheStages() {
            Customer customer = huaxia();
            Opportunity o = deal(customer, "华夏ERP项目", "500000", "CNY", TODAY.plusMonths(2));
            assertThat(o.stage()).isEqualTo("INITIAL_CONTACT");
            assertThat(o.probability()).isEqualTo(Probability.of(10));
            for (String stage : List.of("EVALUATION", "NEEDS_ANALYSIS", "SOLUTION", "TENDER")) {
                o = kehu.opportunities().moveTo(wang, o.id(), o.version(), stage, null, null);
            }
            Quote quote = kehu.quotes().create(wang, QuoteDetails.of(customer.id(), TODAY, CNY)
                    .opportunity(o.id().value()).line(line("ERP许可", "1", "500000")).build());
            Opportunity tender = o;
            assertThat(refusal(BusinessRuleException.class, () -> kehu.opportunities().moveTo(wang, tender.id(),
                    tender.version(), "NEGOTIATION", null, null)).code())
                    .as("a draft is not a quote made").isEqualTo("opportunity.entry.QUOTE_MADE");
            kehu.quotes().send(wang, quote.id(), quote.version());
            o = kehu.opportunities().moveTo(wang, o.id(), o.version(), "NEGOTIATION", 80, "客户已收到报价");
            assertThat(o.probability()).isEqualTo(Probability.of(80));
            o = kehu.opportunities().moveTo(wang, o.id(), o.version(), "CONTRACT", null, null);
            o = kehu.opportunities().win(wang, o.id(), o.version(), "签约");

            assertThat(o.status()).isEqualTo(OpportunityStatus.WON);
            assertThat(o.probability()).isEqualTo(Probability.CERTAIN);
            List<StageChange> history = history(o.id());
            assertThat(history).extracting(StageChange::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(StageHistory.replay(history)).isEqualTo(o.position());
            Map<String, Duration> times = kehu.opportunities().timeInStages(wang, o.id());
            assertThat(times).containsKeys("INITIAL_CONTACT", "NEGOTIATION", "CONTRACT");
            assertThat(times.get("INITIAL_CONTACT")).isPositive();
        }

        @Test
        @DisplayName("a move asks about the deal's quotes only for a stage that needs one, and then only whether one "
                + "was sent")
        void quotesAskedOnlyWhenAStageNeedsOne() {
            Customer customer = huaxia();
            Opportunity o = deal(customer, "华夏ERP项目", "500000", "CNY", TODAY.plusMonths(2));
            for (String stage : List.of("EVALUATION", "NEEDS_ANALYSIS", "SOLUTION", "TENDER")) {
                o = kehu.opportunities().moveTo(wang, o.id(), o.version(), stage, null, null);
            }
            assertThat(quoteReads).as("no stage before negotiation needs a quote").isEmpty();

            Opportunity tender = o;
            assertThat(refusal(BusinessRuleException.class, () -> kehu.opportunities().moveTo(wang, tender.id(),
                    tender.version(), "NEGOTIATION", null, null)).code()).isEqualTo("opportunity.entry.QUOTE_MADE");
            Quote quote = kehu.quotes().create(wang, QuoteDetails.of(customer.id(), TODAY, CNY)
                    .opportunity(o.id().value()).line(line("ERP许可", "1", "500000")).build());
            kehu.quotes().send(wang, quote.id(), quote.version());
            o = kehu.opportunities().moveTo(wang, o.id(), o.version(), "NEGOTIATION", null, null);
            o = kehu.opportunities().moveTo(wang, o.id(), o.version(), "TENDER", null, "客户要求重新招标");

            assertThat(o.stage()).isEqualTo("TENDER");
            assertThat(quoteReads).containsExactly("anySentFor", "anySentFor");
        }

        @Test
        @DisplayName("illegal moves and probabilities are refused with a clear error and write nothing")
        void refusals() {
            Opportunity o = deal(huaxia(), "华夏ERP项目", null, null, null);
            BusinessRuleException noQuote = refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().moveTo(wang, o.id(), o.version(), "NEGOTIATION", null, null));
            assertThat(noQuote.code()).isEqualTo("opportunity.entry.QUOTE_MADE");
            assertThat(noQuote.getMessage()).as("in the actor's language").isEqualTo("进入阶段商务谈判前必须先报价");
            for (int percent : new int[] {37, 110, -10}) {
                InvalidInputException bad = refusal(InvalidInputException.class,
                        () -> kehu.opportunities().estimate(english, o.id(), o.version(), percent, null));
                assertThat(bad.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("probability");
                    assertThat(v.message()).contains("steps of 10");
                });
            }
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().estimate(wang, o.id(), o.version(), 50, null)).code())
                    .isEqualTo("opportunity.probability.range");
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().moveTo(wang, o.id(), o.version(), "NO_SUCH_STAGE", null, null)).code())
                    .isEqualTo("opportunity.stage.unknown");
            assertThat(stored(o.id())).isEqualTo(o);
            assertThat(history(o.id())).hasSize(1);
            assertThat(store.auditLog().forRecords(wang.tenant(), Opportunity.RECORD_TYPE, List.of(o.id().value())))
                    .as("no audit entry for a refused change").extracting(e -> e.action())
                    .containsExactly("opportunity.create");
        }

        @Test
        @DisplayName("closed is terminal: closing twice is refused, a lost deal needs its reason, only a supervisor reopens")
        void closing() {
            Opportunity o = deal(huaxia(), "华夏CRM项目", "80000", "USD", TODAY.plusMonths(1));
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().lose(wang, o.id(), o.version(), " ", "友商")).code())
                    .isEqualTo("opportunity.lost.reason");
            Opportunity lost = kehu.opportunities().lose(wang, o.id(), o.version(), "价格过高", "友商科技");
            assertThat(lost.probability()).isEqualTo(Probability.ZERO);
            assertThat(lost.winningCompetitor()).isEqualTo("友商科技");
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().win(wang, o.id(), lost.version(), null)).code()).isEqualTo("opportunity.closed");
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().moveTo(wang, o.id(), lost.version(), "EVALUATION", null, null)).code())
                    .isEqualTo("opportunity.closed");
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.opportunities().reopen(wang, o.id(), lost.version(), "客户回心转意")).code())
                    .isEqualTo("opportunity.reopen.supervisor-only");
            assertThat(refusal(BusinessRuleException.class, () -> kehu.opportunities().update(wang, o.id(),
                    lost.version(), OpportunityDetails.from(lost).expectedAmount(new BigDecimal("1")).build())).code())
                    .as("a closed deal's figures are history").isEqualTo("opportunity.closed");
            assertThat(refusal(InvalidInputException.class, () -> kehu.developmentPlans().create(wang,
                    DevelopmentPlanDetails.of(o.id(), null, List.of()))).violations())
                    .extracting(Violation::path).containsExactly("opportunity");
            assertThat(stored(o.id())).isEqualTo(lost);
            Opportunity reopened = kehu.opportunities().reopen(boss, o.id(), lost.version(), "客户回心转意");
            assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
            assertThat(history(o.id())).hasSize(3);
        }

        @Test
        @DisplayName("a company's own pipeline keeps its rules, and a deal left too long in a stage is stale")
        void ownPipelineAndStaleness() {
            Customer customer = huaxia();
            Opportunity o = kehu.opportunities().open(wang, OpportunityDetails.of(customer.id(), "运维外包")
                    .pipeline("services").build());
            Opportunity fresh = deal(customer, "标准项目", null, null, null);
            assertThat(o.stage()).isEqualTo("BRIEF");
            assertThat(o.probability()).isEqualTo(Probability.of(20));
            assertThat(refusal(BusinessRuleException.class, () -> kehu.opportunities().moveTo(wang, o.id(),
                    o.version(), "NEGOTIATION", null, null)).code()).isEqualTo("opportunity.stage.unknown");
            assertThat(refusal(InvalidInputException.class, () -> kehu.opportunities().open(wang,
                    OpportunityDetails.of(customer.id(), "x").pipeline("nope").build())).violations())
                    .extracting(Violation::path).containsExactly("pipeline");
            for (int i = 0; i < 12; i++) kehu.opportunities().timeInStages(wang, o.id()); // reads the clock: +1 s
            assertThat(kehu.opportunities().stale(wang, OpportunityQuery.open())).extracting(Opportunity::id)
                    .containsExactly(o.id()).doesNotContain(fresh.id());
            Opportunity offered = kehu.opportunities().moveTo(wang, o.id(), o.version(), "OFFER", null, null);
            assertThat(kehu.opportunities().stale(wang, OpportunityQuery.open())).isEmpty();
            assertThat(kehu.opportunities().pipelineOf(offered)).isEqualTo(SERVICES);
        }

        @Test
        @DisplayName("a batch move applies the same rules and defaults as moving one, each on its own")
        void batchMove() {
            Customer customer = huaxia();
            Opportunity a = deal(customer, "项目A", null, null, null);
            Opportunity b = deal(customer, "项目B", null, null, null);
            kehu.opportunities().lose(wang, b.id(), b.version(), "预算取消", null);
            List<MoveOutcome> outcomes = kehu.opportunities().moveAll(wang, List.of(a.id(), b.id()), "SOLUTION", null);
            assertThat(outcomes.get(0).moved().probability()).isEqualTo(Probability.of(40));
            assertThat(outcomes.get(1).isMoved()).isFalse();
            assertThat(outcomes.get(1).refusal()).isEqualTo("opportunity.closed");
            assertThat(stored(b.id()).stage()).isEqualTo("INITIAL_CONTACT");
        }

        @Test
        @DisplayName("requirements, solutions and competitors are attached and listed oldest first")
        void attachments() {
            Opportunity o = deal(huaxia(), "华夏ERP项目", null, null, null);
            kehu.opportunities().attach(wang, o.id(), AttachedRecordKind.REQUIREMENT, "多工厂库存", null, null, null);
            AttachedRecord rival = kehu.opportunities().attach(wang, o.id(), AttachedRecordKind.COMPETITOR, "友商科技",
                    null, "价格低", "实施能力弱");
            assertThat(refusal(InvalidInputException.class, () -> kehu.opportunities().attach(wang, o.id(),
                    AttachedRecordKind.SOLUTION, "方案", null, "不该有", null)).violations())
                    .extracting(Violation::path).containsExactly("strengths");
            assertThat(kehu.opportunities().attachments(wang, o.id())).extracting(AttachedRecord::title)
                    .containsExactly("多工厂库存", "友商科技");
            assertThat(kehu.opportunities().detach(wang, o.id(), rival.id())).isTrue();
            assertThat(kehu.opportunities().detach(wang, o.id(), new AttachedRecordId("none"))).isFalse();
            assertThat(kehu.opportunities().attachments(wang, o.id())).hasSize(1);
        }

        @Test
        @DisplayName("two concurrent stage moves of one opportunity: one wins, the other is stale, the history has no gap")
        void concurrentMoves() throws InterruptedException {
            Opportunity o = deal(huaxia(), "华夏ERP项目", null, null, null);
            writes.meetBeforeFirstWrite(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Opportunity>> results = List.of(
                    pool.submit(() -> kehu.opportunities().moveTo(wang, o.id(), o.version(), "EVALUATION", null, null)),
                    pool.submit(() -> kehu.opportunities().moveTo(boss, o.id(), o.version(), "NEEDS_ANALYSIS", null, null)));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            int moved = 0;
            for (Future<Opportunity> result : results) {
                try {
                    result.get();
                    moved++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StaleRecordException.class);
                }
            }
            assertThat(moved).isEqualTo(1);
            List<StageChange> history = history(o.id());
            assertThat(history).extracting(StageChange::sequence).containsExactly(1, 2);
            assertThat(StageHistory.replay(history)).isEqualTo(stored(o.id()).position());
        }
    }

    @Nested
    @DisplayName("assignment")
    class Assignment {
        @Test
        @DisplayName("only a supervisor assigns; a refused assignment changes nobody and notifies nobody")
        void supervisorOnly() {
            Opportunity o = deal(huaxia(), "华夏ERP项目", null, null, null);
            assertThat(refusal(BusinessRuleException.class,
                    () -> kehu.assignment().assign(wang, o.id(), new UserId("chen.jing"))).code())
                    .isEqualTo("assignment.supervisor-only");
            assertThat(stored(o.id()).owner()).isEqualTo(wang.user());
            BusinessRuleException absent = refusal(BusinessRuleException.class,
                    () -> kehu.assignment().assign(boss.withLocale(Locale.ENGLISH), o.id(), new UserId("sun.li")));
            assertThat(absent.code()).isEqualTo("assignment.rep-absent");
            assertThat(absent.getMessage()).contains(o.id().value()).contains("absent");
            assertThat(stored(o.id()).owner()).isEqualTo(wang.user());
            assertThat(notified).isEmpty();
            assertThat(kehu.assignment().assign(boss, o.id(), new UserId("zhou.fang")).owner())
                    .isEqualTo(new UserId("zhou.fang"));
            assertThat(notified).extracting(Notification::recipient).containsExactly(new UserId("zhou.fang"));
            assertThat(store.auditLog().forRecords(boss.tenant(), Opportunity.RECORD_TYPE, List.of(o.id().value())))
                    .extracting(e -> e.action()).containsExactly("opportunity.create", "opportunity.assign");
        }

        @Test
        @DisplayName("round robin skips the absent, is fair, and continues where it stopped after a restart")
        void roundRobin() {
            Customer customer = huaxia();
            List<OpportunityId> first = new ArrayList<>();
            for (int i = 0; i < 4; i++) first.add(deal(customer, "项目" + i, null, null, null).id());
            AssignmentPlan plan = kehu.assignment().assign(boss, EAST, first, AssignmentMethod.roundRobin());
            assertThat(plan.assigned()).extracting(a -> a.rep().value())
                    .containsExactly("chen.jing", "liu.yang", "zhou.fang", "chen.jing");
            assertThat(notified).hasSize(4).allSatisfy(n -> assertThat(n.topic()).isEqualTo("opportunity.assigned"));
            assertThat(stored(first.get(1)).owner()).isEqualTo(new UserId("liu.yang"));

            // A second host instance on the same store takes the next turn, not the first one again.
            try (Kehu another = kehuOn(store)) {
                OpportunityId next = deal(customer, "项目4", null, null, null).id();
                assertThat(another.assignment().assign(boss, EAST, List.of(next), AssignmentMethod.roundRobin())
                        .assigned()).extracting(a -> a.rep().value()).containsExactly("liu.yang");
            }
            assertThat(store.roundRobinPositions().find(boss.tenant(), EAST).orElseThrow().position().last())
                    .isEqualTo(new UserId("liu.yang"));
        }

        @Test
        @DisplayName("least loaded counts open work only: won and lost deals are not load")
        void leastLoadedCountsOpenWork() {
            Customer customer = huaxia();
            List<OpportunityId> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) held.add(deal(customer, "旧项目" + i, null, null, null).id());
            kehu.assignment().assign(boss, EAST, held, AssignmentMethod.byHand(Map.of(held.get(0),
                    new UserId("chen.jing"), held.get(1), new UserId("chen.jing"), held.get(2), new UserId("liu.yang"))));
            for (OpportunityId id : held.subList(0, 2)) {
                kehu.opportunities().win(wang, id, stored(id).version(), null); // chen.jing's two deals close
            }
            OpportunityId next = deal(customer, "新项目", null, null, null).id();
            AssignmentPlan plan = kehu.assignment().assign(boss, EAST, List.of(next),
                    AssignmentMethod.leastLoaded(LoadMeasure.OPEN_COUNT));
            // chen.jing and zhou.fang hold no open deal; the tie goes to the smaller user id.
            assertThat(plan.assigned()).extracting(a -> a.rep().value()).containsExactly("chen.jing");
            assertThat(plan.load().countOf(new UserId("liu.yang"))).isEqualTo(1);
        }

        @Test
        @DisplayName("least loaded by weighted amount weighs each rep's open deals in the base currency, leaving out "
                + "the deals being assigned")
        void leastLoadedWeighsOpenWorkWithoutTheBatch() {
            Customer customer = huaxia();
            OpportunityId a = deal(customer, "A", "100", "USD", null).id();    // 10 % → 10 USD
            OpportunityId b = deal(customer, "B", "100", "USD", null).id();    // 10 USD
            OpportunityId c = deal(customer, "C", "1000", "CNY", null).id();   // 100 CNY
            OpportunityId d = deal(customer, "D", "10000", "CNY", null).id();  // 1000 CNY, reassigned below
            OpportunityId e = deal(customer, "E", null, null, null).id();      // no amount: counted, weighs nothing
            UserId chen = new UserId("chen.jing");
            UserId liu = new UserId("liu.yang");
            kehu.assignment().assign(boss, EAST, List.of(a, b, c, d, e),
                    AssignmentMethod.byHand(Map.of(a, chen, b, chen, c, liu, d, chen, e, liu)));

            AssignmentPlan plan = kehu.assignment().assign(boss, EAST, List.of(d),
                    AssignmentMethod.leastLoaded(LoadMeasure.WEIGHTED_AMOUNT));

            // chen.jing holds 20 USD (142.00 CNY) without D, liu.yang 100 CNY, zhou.fang nothing: D goes to zhou.fang.
            assertThat(plan.assigned()).extracting(x -> x.rep().value()).containsExactly("zhou.fang");
            assertThat(plan.load().amountOf(chen)).isEqualTo(Money.of("142.00", "CNY"));
            assertThat(plan.load().countOf(chen)).isEqualTo(2);
            assertThat(plan.load().amountOf(liu)).isEqualTo(Money.of("100.00", "CNY"));
            assertThat(plan.load().countOf(liu)).isEqualTo(2);
            assertThat(plan.load().amountOf(new UserId("zhou.fang"))).isEqualTo(Money.of("1000.00", "CNY"));
            assertThat(stored(d).owner()).isEqualTo(new UserId("zhou.fang"));
        }

        @Test
        @DisplayName("a deal in a currency without a rate stops only the method that weighs amounts")
        void amountsWithoutRates() {
            Customer customer = huaxia();
            OpportunityId yen = deal(customer, "日本分公司", "1000000", "JPY", null).id();
            AssignmentPlan plan = kehu.assignment().assign(boss, EAST, List.of(yen), AssignmentMethod.roundRobin());
            assertThat(plan.assigned()).hasSize(1);
            OpportunityId usd = deal(customer, "美国分公司", "100", "USD", null).id();
            KehuException noRate = refusal(KehuException.class, () -> kehu.assignment().assign(boss, EAST,
                    List.of(usd), AssignmentMethod.leastLoaded(LoadMeasure.WEIGHTED_AMOUNT)));
            assertThat(noRate.code()).isEqualTo("money.no-rate");
            assertThat(stored(usd).owner()).as("nothing written").isEqualTo(wang.user());
        }

        @Test
        @DisplayName("a notification that cannot be delivered neither fails the call nor undoes the assignment")
        void failingNotifications() {
            Opportunity o = deal(huaxia(), "华夏ERP项目", null, null, null);
            try (Kehu failing = Kehu.builder().store(store).idGenerator(() -> "f-" + ids.incrementAndGet())
                    .salesForce(SalesForce.of(team))
                    .notifications(n -> { throw new IllegalStateException("mail server down"); }).build()) {
                assertThat(failing.assignment().assign(boss, o.id(), new UserId("chen.jing")).owner())
                        .isEqualTo(new UserId("chen.jing"));
            }
            assertThat(stored(o.id()).owner()).isEqualTo(new UserId("chen.jing"));
        }

        @Test
        @DisplayName("picks by hand of an absent or unknown person are left unassigned with the reason")
        void byHand() {
            Customer customer = huaxia();
            Opportunity a = deal(customer, "项目A", null, null, null);
            Opportunity b = deal(customer, "项目B", null, null, null);
            AssignmentPlan plan = kehu.assignment().assign(boss, EAST, List.of(a.id(), b.id()), AssignmentMethod.byHand(
                    Map.of(a.id(), new UserId("sun.li"), b.id(), new UserId("zhou.fang"))));
            assertThat(plan.assigned()).extracting(x -> x.item()).containsExactly(b.id().value());
            assertThat(plan.unassigned()).extracting(x -> x.reason()).containsExactly("assignment.rep-absent");
            assertThat(stored(a.id()).owner()).isEqualTo(wang.user());
        }

        @Test
        @DisplayName("two supervisors taking turns for one team at once never both take the same turn")
        void concurrentTurns() throws InterruptedException {
            Customer customer = huaxia();
            OpportunityId a = deal(customer, "项目A", null, null, null).id();
            OpportunityId b = deal(customer, "项目B", null, null, null).id();
            writes.meetBeforeFirstWrite(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<AssignmentPlan>> results = List.of(
                    pool.submit(() -> kehu.assignment().assign(boss, EAST, List.of(a), AssignmentMethod.roundRobin())),
                    pool.submit(() -> kehu.assignment().assign(boss, EAST, List.of(b), AssignmentMethod.roundRobin())));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            List<UserId> given = new ArrayList<>();
            for (Future<AssignmentPlan> result : results) {
                try {
                    given.add(result.get().assigned().get(0).rep());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StaleRecordException.class);
                }
            }
            assertThat(given).isNotEmpty().doesNotHaveDuplicates();
            assertThat(notified).as("a batch rolled back notifies nobody").hasSameSizeAs(given);
        }
    }

    @Nested
    @DisplayName("quotes")
    class Quoting {
        @Test
        @DisplayName("a revision supersedes the old quote; both stay in the opportunity's quote history")
        void revisions() {
            Customer customer = huaxia();
            Opportunity o = deal(customer, "华夏ERP项目", null, null, null);
            Quote first = kehu.quotes().create(wang, QuoteDetails.of(customer.id(), TODAY, CNY)
                    .opportunity(o.id().value()).line(line("ERP许可", "10", "1999.99"))
                    .line(new QuoteLineDetails("实施服务", new BigDecimal("3"), new BigDecimal("8000"),
                            new BigDecimal("12.5"))).build());
            assertThat(first.total()).isEqualTo(Money.of("40999.90", "CNY"));
            Quote sent = kehu.quotes().send(wang, first.id(), first.version());
            Quote second = kehu.quotes().revise(wang, sent.id(), sent.version(), TODAY.plusDays(7),
                    List.of(line("ERP许可", "10", "1800")));
            assertThat(second.revision()).isEqualTo(2);
            assertThat(store.quotes().find(wang.tenant(), first.id()).orElseThrow().status()).isEqualTo(QuoteStatus.SUPERSEDED);
            Quote accepted = kehu.quotes().accept(wang, kehu.quotes().send(wang, second.id(), second.version()).id(),
                    second.version() + 1);
            assertThat(kehu.quotes().salesOrderDraft(wang, accepted.id()).total()).isEqualTo(Money.of("18000", "CNY"));
            assertThat(kehu.quotes().ofOpportunity(wang, o.id())).extracting(Quote::revision).containsExactly(1, 2);
        }

        @Test
        @DisplayName("negative quantities, too many decimals and unknown currencies are refused and nothing is written")
        void badQuotes() {
            Customer customer = huaxia();
            InvalidInputException e = refusal(InvalidInputException.class, () -> kehu.quotes().create(wang,
                    QuoteDetails.of(customer.id(), TODAY, CNY).line(line("服务器", "-1", "100"))
                            .line(line("软件", "1", "9.999")).build()));
            assertThat(e.violations()).extracting(Violation::path)
                    .containsExactly("lines[0].quantity", "lines[1].unitPrice");
            assertThat(refusal(InvalidInputException.class, () -> kehu.quotes().create(wang,
                    QuoteDetails.of(customer.id(), TODAY, CNY).currency("XYZ").line(line("软件", "1", "9")).build()))
                    .violations()).extracting(Violation::path).containsExactly("currency");
            assertThat(store.quotes().ofCustomer(wang.tenant(), customer.id())).isEmpty();
        }

        @Test
        @DisplayName("a quote keeps its currency: a draft edited into another one is refused, and a sent one cannot be edited")
        void oneCurrencyPerQuote() {
            Customer customer = huaxia();
            Quote draft = kehu.quotes().create(wang, QuoteDetails.of(customer.id(), TODAY, CNY)
                    .line(line("软件", "1", "9")).build());
            assertThat(refusal(InvalidInputException.class, () -> kehu.quotes().updateDraft(wang, draft.id(),
                    draft.version(), QuoteDetails.of(customer.id(), TODAY, USD).line(line("软件", "1", "9")).build()))
                    .violations()).extracting(Violation::path).containsExactly("currency");
            Quote sent = kehu.quotes().send(english, draft.id(), draft.version());
            BusinessRuleException e = refusal(BusinessRuleException.class, () -> kehu.quotes().send(wang, sent.id(),
                    sent.version()));
            assertThat(e.code()).isEqualTo("quote.not-sendable");
            assertThat(e.getMessage()).contains(sent.id().value()).contains("草稿");
            assertThat(store.quotes().find(wang.tenant(), draft.id()).orElseThrow()).isEqualTo(sent);
        }

        @Test
        @DisplayName("a total in the base currency uses the rate of the quote's date, and no rate is an error")
        void baseCurrency() {
            Customer customer = huaxia();
            Quote usd = kehu.quotes().create(wang, QuoteDetails.of(customer.id(), TODAY, USD)
                    .line(line("License", "3", "1000.01")).build());
            assertThat(kehu.quotes().totalInBaseCurrency(wang, usd.id())).isEqualTo(Money.of("21300.21", "CNY"));
            Quote old = kehu.quotes().create(wang, QuoteDetails.of(customer.id(), LocalDate.of(2025, 6, 1), USD)
                    .line(line("License", "1", "1")).build());
            assertThat(refusal(KehuException.class, () -> kehu.quotes().totalInBaseCurrency(wang, old.id())).code())
                    .isEqualTo("money.no-rate");
        }
    }

    @Nested
    @DisplayName("plans, activities and the workbench")
    class Work {
        @Test
        @DisplayName("the workbench shows overdue and due activities, reminders, overdue steps and deals by stage")
        void workbench() {
            Customer customer = huaxia();
            Opportunity o = deal(customer, "华夏ERP项目", null, null, null);
            DevelopmentPlan plan = kehu.developmentPlans().create(wang, DevelopmentPlanDetails.of(o.id(), null, List.of(
                    new PlanStepDetails("拜访信息部", TODAY.minusDays(3), null, null),
                    new PlanStepDetails("技术交流", TODAY.minusDays(1), null, null),
                    new PlanStepDetails("提交方案", TODAY.plusDays(5), null, null))));
            plan = kehu.developmentPlans().recordResult(wang, plan.id(), plan.version(),
                    new PlanResultDetails(1, "见到了CIO", TODAY.minusDays(2)));
            Instant nine = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
            Activity overdue = kehu.activities().schedule(wang, new ActivityDetails("CALL", "回访", customer.id().value(),
                    null, null, null, nine.minus(Duration.ofDays(1)), null, null));
            Activity due = kehu.activities().schedule(wang, new ActivityDetails("MEETING", "方案评审", null, null,
                    o.id().value(), null, nine.plus(Duration.ofHours(5)), nine, null));
            kehu.activities().complete(wang, overdue.id(), overdue.version(), "客户满意");

            Workbench bench = kehu.activities().workbench(wang, wang.user(), TODAY, ZoneOffset.UTC);
            assertThat(bench.overdue()).isEmpty();
            assertThat(bench.dueToday()).extracting(Activity::id).containsExactly(due.id());
            assertThat(bench.reminders()).extracting(Activity::id).containsExactly(due.id());
            assertThat(bench.overdueSteps()).extracting(s -> s.step().what()).containsExactly("技术交流");
            assertThat(bench.opportunitiesByStage()).containsExactly(Map.entry("INITIAL_CONTACT", 1L));

            kehu.opportunities().lose(wang, o.id(), stored(o.id()).version(), "预算取消", null);
            Workbench after = kehu.activities().workbench(wang, wang.user(), TODAY, ZoneOffset.UTC);
            assertThat(after.overdueSteps()).as("a lost deal's plan is nobody's work").isEmpty();
            assertThat(after.opportunitiesByStage()).isEmpty();
        }

        @Test
        @DisplayName("recording a key-account visit completes it and turns its follow-ups into tasks, at once")
        void visitRecord() {
            Customer customer = huaxia();
            Instant tomorrow = START.plus(Duration.ofDays(1));
            Activity visit = kehu.activities().schedule(wang, new ActivityDetails("VISIT", "季度拜访",
                    customer.id().value(), null, null, null, tomorrow, null, null));
            assertThat(kehu.activities().visitPlan(wang, customer.id(), wang.user()).pending()).containsExactly(visit);
            List<Activity> recorded = kehu.activities().recordVisit(wang, visit.version(), new VisitRecordDetails(
                    visit.id().value(), "客户计划扩容", START, List.of(
                            new FollowUpDetails("发送扩容报价", null, tomorrow.plus(Duration.ofDays(2)), null),
                            new FollowUpDetails("安排技术交流", "zhou.fang", tomorrow.plus(Duration.ofDays(5)), null))));
            assertThat(recorded).extracting(Activity::kind)
                    .containsExactly(ActivityKind.VISIT, ActivityKind.TASK, ActivityKind.TASK);
            assertThat(recorded.get(0).outcome()).isEqualTo("客户计划扩容");
            assertThat(recorded.get(2).owner()).isEqualTo(new UserId("zhou.fang"));
            assertThat(kehu.activities().list(wang, dev.kehu.crm.activity.ActivityQuery.all().withCustomer(customer.id())))
                    .hasSize(3);
            Activity next = kehu.activities().schedule(wang, new ActivityDetails("VISIT", "下次拜访",
                    customer.id().value(), null, null, null, tomorrow.plus(Duration.ofDays(30)), null, null));
            assertThat(refusal(InvalidInputException.class, () -> kehu.activities().recordVisit(wang, next.version(),
                    new VisitRecordDetails(next.id().value(), "还没去", START.plus(Duration.ofDays(30)), List.of())))
                    .violations()).extracting(Violation::path).containsExactly("visitedAt");
            assertThat(refusal(BusinessRuleException.class, () -> kehu.activities().recordVisit(wang,
                    recorded.get(0).version(), new VisitRecordDetails(visit.id().value(), "再记一次", START, List.of())))
                    .code()).isEqualTo("activity.done");
            assertThat(kehu.activities().list(wang, dev.kehu.crm.activity.ActivityQuery.all().withCustomer(customer.id())))
                    .hasSize(4);
        }

        @Test
        @DisplayName("an activity about nothing that exists is refused and nothing is written")
        void badActivity() {
            InvalidInputException e = refusal(InvalidInputException.class, () -> kehu.activities().schedule(wang,
                    new ActivityDetails("VISIT", "拜访", "no-such-customer", null, null, null, START, null, null)));
            assertThat(e.violations()).extracting(Violation::path).containsExactly("customer");
            Customer huaxia = huaxia();
            Customer other = kehu.customers().create(wang, CustomerDetails.company("东方物流").build());
            Opportunity othersDeal = deal(other, "物流项目", null, null, null);
            assertThat(refusal(InvalidInputException.class, () -> kehu.activities().schedule(wang,
                    new ActivityDetails("CALL", "回访", huaxia.id().value(), null, othersDeal.id().value(), null,
                            START, null, null))).violations()).extracting(Violation::path).containsExactly("opportunity");
            assertThat(kehu.activities().workbench(wang, wang.user(), TODAY, ZoneOffset.UTC).isEmpty()).isTrue();
        }
    }

    @Nested
    @DisplayName("funnel and forecast")
    class Reports {
        @Test
        @DisplayName("the funnel counts and sums per stage; the forecast is Σ amount × probability by expected month")
        void exactFigures() {
            Customer customer = huaxia();
            LocalDate january = LocalDate.of(2027, 1, 15);
            Opportunity a = deal(customer, "A", "100000", "CNY", january);             // 10 % → 10 000
            Opportunity b = deal(customer, "B", "10000.50", "USD", january.plusDays(10)); // 71 003.55 CNY
            b = kehu.opportunities().moveTo(wang, b.id(), b.version(), "TENDER", 60, null); // 60 % → 42 602.13
            Opportunity c = deal(customer, "C", "50000", "CNY", LocalDate.of(2027, 2, 1));
            kehu.opportunities().win(wang, c.id(), c.version(), null);                 // won → 50 000
            Opportunity d = deal(customer, "D", "999999", "CNY", LocalDate.of(2027, 2, 2));
            kehu.opportunities().lose(wang, d.id(), d.version(), "预算取消", null);    // lost → not forecast

            Funnel funnel = kehu.forecasts().funnel(boss, Pipeline.standard(), OpportunityQuery.all(), TODAY);
            assertThat(funnel.stages().get(0)).isEqualTo(new Funnel.Stage("INITIAL_CONTACT", 1,
                    Money.of("100000", "CNY"), Money.of("10000", "CNY")));
            assertThat(funnel.stages().get(4)).isEqualTo(new Funnel.Stage("TENDER", 1,
                    Money.of("71003.55", "CNY"), Money.of("42602.13", "CNY")));
            assertThat(funnel.won()).isEqualTo(new Funnel.Closed(1, Money.of("50000", "CNY")));
            assertThat(funnel.lost()).isEqualTo(new Funnel.Closed(1, Money.of("999999", "CNY")));

            Forecast forecast = kehu.forecasts().forecast(boss, YearMonth.of(2027, 1), YearMonth.of(2027, 3),
                    OpportunityQuery.all(), TODAY);
            assertThat(forecast.months()).extracting(Forecast.Month::weighted).containsExactly(
                    Money.of("52602.13", "CNY"), Money.of("50000", "CNY"), Money.of("0", "CNY"));
            assertThat(forecast.months().get(1).won()).isEqualTo(Money.of("50000", "CNY"));
            assertThat(forecast.weightedTotal()).isEqualTo(Money.of("102602.13", "CNY"));
        }

        @Test
        @DisplayName("each currency's exact total is converted once: two deals of 0.05 USD are 0.71 CNY at 7.1, "
                + "not twice 0.355 rounded to 0.36")
        void oneConversionPerCurrency() {
            Customer customer = huaxia();
            LocalDate march = LocalDate.of(2027, 3, 10);
            for (String subject : List.of("A", "B")) {
                Opportunity o = deal(customer, subject, "0.05", "USD", march);
                kehu.opportunities().moveTo(wang, o.id(), o.version(), "EVALUATION", 20, null); // 0.01 USD weighted
            }
            Opportunity c = deal(customer, "C", "0.05", "USD", march);
            kehu.opportunities().win(wang, c.id(), c.version(), null);

            Funnel funnel = kehu.forecasts().funnel(boss, Pipeline.standard(), OpportunityQuery.all(), TODAY);
            assertThat(funnel.stages().get(1)).isEqualTo(new Funnel.Stage("EVALUATION", 2,
                    Money.of("0.71", "CNY"), Money.of("0.14", "CNY")));
            assertThat(funnel.won()).isEqualTo(new Funnel.Closed(1, Money.of("0.36", "CNY")));

            Forecast.Month month = kehu.forecasts().forecast(boss, YearMonth.of(2027, 3), YearMonth.of(2027, 3),
                    OpportunityQuery.all(), TODAY).months().get(0);
            assertThat(month).isEqualTo(new Forecast.Month(YearMonth.of(2027, 3), 3, Money.of("1.06", "CNY"),
                    Money.of("0.50", "CNY"), Money.of("0.36", "CNY")));
        }
    }

    @Test
    @DisplayName("merging customers moves their opportunities, quotes and activities to the survivor")
    void mergeMovesSalesRecords() {
        Customer survivor = huaxia();
        Customer duplicate = kehu.customers().create(wang, CustomerDetails.company("华夏科技").build());
        Opportunity o = deal(duplicate, "项目", null, null, null);
        Quote q = kehu.quotes().create(wang, QuoteDetails.of(duplicate.id(), TODAY, CNY).line(line("软件", "1", "9")).build());
        Activity a = kehu.activities().schedule(wang, new ActivityDetails("CALL", "回访", duplicate.id().value(), null,
                null, null, START.plus(Duration.ofDays(1)), null, null));
        kehu.customers().merge(wang, duplicate.id(), survivor.id());
        assertThat(stored(o.id()).customer()).isEqualTo(survivor.id());
        assertThat(store.quotes().find(wang.tenant(), q.id()).orElseThrow().customer()).isEqualTo(survivor.id());
        assertThat(store.activities().find(wang.tenant(), a.id()).orElseThrow().customer()).isEqualTo(survivor.id());
    }

    /**
     * The store under test, whose opportunity and round-robin saves can be made to meet, to prove conflicts, and
     * whose reads of an opportunity's quotes are noted.
     */
    private static final class MeetingStore extends ForwardingCrmStore {
        private final WriteMeeting writes;
        private final List<String> quoteReads;

        MeetingStore(CrmStore store, WriteMeeting writes, List<String> quoteReads) {
            super(store);
            this.writes = writes;
            this.quoteReads = quoteReads;
        }

        @Override
        public Quotes quotes() {
            Quotes delegate = store.quotes();
            return new Quotes() {
                @Override public Optional<Quote> find(TenantId t, QuoteId id) { return delegate.find(t, id); }
                @Override public Quote save(Quote quote) { return delegate.save(quote); }
                @Override public List<Quote> ofCustomer(TenantId t, CustomerId c) { return delegate.ofCustomer(t, c); }

                @Override
                public List<Quote> ofOpportunity(TenantId t, OpportunityId o) {
                    quoteReads.add("ofOpportunity");
                    return delegate.ofOpportunity(t, o);
                }

                @Override
                public boolean anySentFor(TenantId t, OpportunityId o) {
                    quoteReads.add("anySentFor");
                    return delegate.anySentFor(t, o);
                }
            };
        }

        @Override
        public Opportunities opportunities() {
            Opportunities delegate = store.opportunities();
            return new Opportunities() {
                @Override public Optional<Opportunity> find(TenantId t, OpportunityId id) { return delegate.find(t, id); }
                @Override public List<Opportunity> matching(TenantId t, OpportunityQuery q) { return delegate.matching(t, q); }
                @Override public List<OpportunityTotals> totals(TenantId t, OpportunityQuery q, OpportunityTotals.Grouping by) {
                    return delegate.totals(t, q, by);
                }
                @Override public void append(TenantId t, StageChange line) { delegate.append(t, line); }
                @Override public List<StageChange> history(TenantId t, OpportunityId id) { return delegate.history(t, id); }
                @Override public void attach(AttachedRecord record) { delegate.attach(record); }
                @Override public boolean detach(TenantId t, AttachedRecordId id) { return delegate.detach(t, id); }
                @Override public List<AttachedRecord> attachments(TenantId t, OpportunityId id) {
                    return delegate.attachments(t, id);
                }
                @Override public List<Opportunity> openUnchangedSince(TenantId t, Instant before, Opportunity after,
                                                                      int limit) {
                    return delegate.openUnchangedSince(t, before, after, limit);
                }
                @Override public List<Opportunity> openExpectedBefore(TenantId t, LocalDate before, Opportunity after,
                                                                      int limit) {
                    return delegate.openExpectedBefore(t, before, after, limit);
                }

                @Override
                public Opportunity save(Opportunity opportunity) {
                    writes.beforeWrite();
                    return delegate.save(opportunity);
                }
            };
        }

        @Override
        public RoundRobinPositions roundRobinPositions() {
            RoundRobinPositions delegate = store.roundRobinPositions();
            return new RoundRobinPositions() {
                @Override public Optional<Stored> find(TenantId t, TeamId team) { return delegate.find(t, team); }

                @Override
                public Stored save(TenantId t, dev.kehu.crm.assignment.RoundRobinPosition p, long expectedVersion) {
                    writes.beforeWrite();
                    return delegate.save(t, p, expectedVersion);
                }
            };
        }
    }
}
