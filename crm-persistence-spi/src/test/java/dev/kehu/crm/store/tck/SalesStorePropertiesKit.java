package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.TestRecords.JPY;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.USD;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.ChangeKind;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.PipelineId;
import dev.kehu.crm.opportunity.Position;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.plan.PlanStep;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the sales ports every Kehu store has, checked on generated records with jqwik; extend it beside
 * {@link SalesStoreCompatibilityKit}:
 * <pre>{@code
 * class MySalesStorePropertiesTest extends SalesStorePropertiesKit {
 *     @Override
 *     protected CrmStore newStore() { return MyStores.fresh(); }
 * }
 * }</pre>
 * Each property runs on one store, each try in a tenant of its own with ids of its own; the customer and
 * opportunity a record names are saved first. Amounts have up to 15 integer digits, quantities up to 4
 * decimals and discounts up to 2, as the input checks allow.
 */
public abstract class SalesStorePropertiesKit extends StorePerProperty {
    /** What the generators put in records before each try gives them its tenant and ids. */
    private static final TenantId ANY_TENANT = new TenantId("generated");
    private static final List<Currency> CURRENCIES = List.of(Money.CNY, USD, JPY);

    @Property(tries = 40)
    @Label("any opportunity is read back exactly, and its history by sequence number whatever order it was appended in")
    void opportunitiesWithHistoriesRoundTrip(@ForAll("opportunities") Opportunity generated,
                                             @ForAll("histories") List<StageChange> generatedLines,
                                             @ForAll("shuffles") List<Integer> appendOrder) {
        Opportunity opportunity = generated.toBuilder().tenant(tenant).id(opportunityId())
                .customer(savedCustomer()).historyLength(generatedLines.size()).build();
        List<StageChange> lines = generatedLines.stream().map(line -> new StageChange(opportunity.id(),
                line.sequence(), line.at(), line.actor(), line.kind(), line.from(), line.to(), line.note())).toList();

        Opportunity saved = store.opportunities().save(opportunity);
        appendOrder.stream().filter(i -> i < lines.size())
                .forEach(i -> store.opportunities().append(tenant, lines.get(i)));

        assertThat(saved).isEqualTo(opportunity.toBuilder().version(1).build());
        assertThat(store.opportunities().find(tenant, opportunity.id())).contains(saved);
        assertThat(store.opportunities().history(tenant, opportunity.id())).containsExactlyElementsOf(lines);
    }

    @Property(tries = 50)
    @Label("any quote is read back exactly, its lines in order and its total to the last digit, and so is any update of it")
    void quotesWithLinesRoundTrip(@ForAll("quotes") Quote first, @ForAll("quotes") Quote second) {
        QuoteId id = new QuoteId(tenant + "-q");
        Quote inserted = withReferences(first, id, 0);
        Quote updated = withReferences(second, id, 1);

        Quote v1 = store.quotes().save(inserted);
        assertThat(store.quotes().find(tenant, id)).contains(v1);
        Quote v2 = store.quotes().save(updated);

        assertThat(List.of(v1, v2)).containsExactly(inserted.toBuilder().version(1).build(),
                updated.toBuilder().version(2).build());
        Quote found = store.quotes().find(tenant, id).orElseThrow();
        assertThat(found).isEqualTo(v2);
        assertThat(found.total()).isEqualTo(second.total());
    }

    @Property(tries = 50)
    @Label("any development plan is read back exactly, its steps in order, and so is any update of it")
    void plansWithStepsRoundTrip(@ForAll("plans") DevelopmentPlan first, @ForAll("plans") DevelopmentPlan second) {
        DevelopmentPlanId id = new DevelopmentPlanId(tenant + "-p");
        OpportunityId opportunity = savedOpportunity();
        DevelopmentPlan inserted = first.toBuilder().tenant(tenant).id(id).opportunity(opportunity).build();
        DevelopmentPlan updated = second.toBuilder().tenant(tenant).id(id).opportunity(opportunity).version(1).build();

        DevelopmentPlan v1 = store.developmentPlans().save(inserted);
        assertThat(store.developmentPlans().find(tenant, id)).contains(v1);
        DevelopmentPlan v2 = store.developmentPlans().save(updated);

        assertThat(List.of(v1, v2)).containsExactly(inserted.toBuilder().version(1).build(),
                updated.toBuilder().version(2).build());
        assertThat(store.developmentPlans().find(tenant, id)).contains(v2);
    }

    @Property(tries = 30)
    @Label("the totals of any opportunities, for any query and either grouping, are OpportunityTotals.of over those "
            + "the query matches: counts, and sums in each currency, weighted amounts rounded one by one")
    void totalsAreTheSumsOfTheMatchingOpportunities(@ForAll("groupable") List<Opportunity> generated,
                                                    @ForAll("queries") OpportunityQuery query) {
        List<Opportunity> saved = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            saved.add(store.opportunities().save(generated.get(i).toBuilder().tenant(tenant)
                    .id(new OpportunityId(tenant + "-o" + i)).customer(savedCustomer(generated.get(i).customer()))
                    .build()));
        }
        OpportunityQuery inTry = query.customer() == null ? query : query.withCustomer(tenantsOwn(query.customer()));
        List<Opportunity> matching = saved.stream().filter(inTry::matches).toList();

        for (OpportunityTotals.Grouping by : OpportunityTotals.Grouping.values()) {
            assertThat(store.opportunities().totals(tenant, inTry, by)).as("by %s", by)
                    .containsExactlyInAnyOrderElementsOf(OpportunityTotals.of(matching, by));
        }
    }

    private OpportunityId opportunityId() {
        return new OpportunityId(tenant + "-o");
    }

    private CustomerId savedCustomer() {
        CustomerId id = new CustomerId(tenant + "-c");
        if (store.customers().find(tenant, id).isEmpty()) {
            store.customers().save(TestRecords.minimalCustomer(tenant, id.value(), "Customer " + id));
        }
        return id;
    }

    /** The customer of this try's tenant standing for {@code generated}, saved. */
    private CustomerId savedCustomer(CustomerId generated) {
        CustomerId id = tenantsOwn(generated);
        if (store.customers().find(tenant, id).isEmpty()) {
            store.customers().save(TestRecords.minimalCustomer(tenant, id.value(), "Customer " + id));
        }
        return id;
    }

    private CustomerId tenantsOwn(CustomerId generated) {
        return new CustomerId(tenant + "-" + generated.value());
    }

    private OpportunityId savedOpportunity() {
        CustomerId customer = savedCustomer();
        if (store.opportunities().find(tenant, opportunityId()).isEmpty()) {
            store.opportunities().save(TestRecords.minimalOpportunity(tenant, opportunityId().value(), customer));
        }
        return opportunityId();
    }

    /** The quote in this try's tenant with this id and version, naming saved records. */
    private Quote withReferences(Quote quote, QuoteId id, long version) {
        Quote.Builder builder = quote.toBuilder().tenant(tenant).id(id).customer(savedCustomer()).version(version);
        if (quote.opportunity() != null) builder.opportunity(savedOpportunity());
        if (quote.previous() != null) {
            QuoteId previous = new QuoteId(tenant + "-q0");
            if (store.quotes().find(tenant, previous).isEmpty()) {
                store.quotes().save(TestRecords.minimalQuote(tenant, previous.value(), savedCustomer()));
            }
            builder.previous(previous);
        }
        return builder.build();
    }

    @Provide
    Arbitrary<Opportunity> opportunities() {
        return Builders.withBuilder(() -> Opportunity.builder().id(new OpportunityId("o")).tenant(ANY_TENANT)
                        .customer(new CustomerId("c")))
                .use(Arbitraries.of("standard", "projects")).in((b, v) -> b.pipeline(new PipelineId(v)))
                .use(TextArbitraries.names()).in(Opportunity.Builder::subject)
                .use(dates()).in(Opportunity.Builder::discoveredOn)
                .use(TextArbitraries.names().injectNull(0.3)).in(Opportunity.Builder::source)
                .use(Arbitraries.of(WANG, LI)).in(Opportunity.Builder::owner)
                .use(TextArbitraries.notes().injectNull(0.3)).in(Opportunity.Builder::informant)
                .use(TextArbitraries.notes().injectNull(0.3)).in(Opportunity.Builder::customerNeeds)
                .use(dates().injectNull(0.3)).in(Opportunity.Builder::expectedSigningDate)
                .use(money().injectNull(0.3)).in(Opportunity.Builder::expectedAmount)
                .use(standings()).in(Standing::applyTo)
                .use(TextArbitraries.notes().injectNull(0.3)).in(Opportunity.Builder::stageNote)
                .use(instants()).in(Opportunity.Builder::stageEnteredAt)
                .use(instants()).in(Opportunity.Builder::createdAt)
                .use(instants()).in(Opportunity.Builder::updatedAt)
                .build(Opportunity.Builder::build);
    }

    /**
     * Up to 20 opportunities of two customers that often fall in one group: expected in 2024 and 2025 (or not),
     * amounts (or none) in currencies of 0, 2, 3 and 4 minor digits, many of them ties when weighted.
     */
    @Provide
    Arbitrary<List<Opportunity>> groupable() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 2 * 365)
                .map(days -> LocalDate.of(2024, 1, 1).plusDays(days));
        Arbitrary<Money> amounts = Arbitraries.of(Money.CNY, USD, JPY, Currency.getInstance("BHD"),
                Currency.getInstance("CLF")).flatMap(currency -> Arbitraries.oneOf(amount(currency),
                Arbitraries.integers().between(0, 99).map(units -> Money.of(
                        BigDecimal.valueOf(units * 10L + 5, Money.minorUnits(currency)), currency))));
        return Combinators.combine(opportunities(), dates.injectNull(0.2), amounts.injectNull(0.2),
                        Arbitraries.of("c1", "c2"))
                .as((o, date, amount, customer) -> o.toBuilder().expectedSigningDate(date).expectedAmount(amount)
                        .customer(new CustomerId(customer)).build())
                .list().ofMaxSize(20);
    }

    /** Queries with any of their criteria set, over the values {@link #groupable()} draws. */
    @Provide
    Arbitrary<OpportunityQuery> queries() {
        Arbitrary<LocalDate> bounds = Arbitraries.integers().between(0, 2 * 365)
                .map(days -> LocalDate.of(2024, 1, 1).plusDays(days)).injectNull(0.5);
        return Combinators.combine(Arbitraries.of("standard", "projects").injectNull(0.5),
                        Arbitraries.of(WANG, LI).injectNull(0.5), Arbitraries.of("c1", "c2").injectNull(0.5),
                        Arbitraries.subsetOf(OpportunityStatus.values()), bounds, bounds)
                .as((pipeline, owner, customer, statuses, from, to) -> new OpportunityQuery(
                        pipeline == null ? null : new PipelineId(pipeline), owner,
                        customer == null ? null : new CustomerId(customer), statuses, from, to));
    }

    /** Where an opportunity stands, with what goes with it: a reason and perhaps a competitor when lost. */
    private record Standing(Position position, String lostReason, String competitor, Instant closedAt) {
        static Standing of(Position drawn, String reason, String competitor, Instant closedAt) {
            return switch (drawn.status()) {
                case OPEN -> new Standing(drawn, null, null, null);
                case WON -> new Standing(new Position(drawn.stage(), Probability.CERTAIN, OpportunityStatus.WON),
                        null, null, closedAt);
                case LOST -> new Standing(new Position(drawn.stage(), Probability.ZERO, OpportunityStatus.LOST),
                        reason, competitor, closedAt);
            };
        }

        static Opportunity.Builder applyTo(Opportunity.Builder builder, Standing s) {
            return builder.stage(s.position.stage()).probability(s.position.probability())
                    .status(s.position.status()).lostReason(s.lostReason).winningCompetitor(s.competitor)
                    .closedAt(s.closedAt);
        }
    }

    private static Arbitrary<Standing> standings() {
        return Combinators.combine(positions(), TextArbitraries.names(), TextArbitraries.names().injectNull(0.5),
                instants()).as(Standing::of);
    }

    /** A history numbered 1..n: the line that created the opportunity, then any changes. */
    @Provide
    Arbitrary<List<StageChange>> histories() {
        Arbitrary<StageChange> change = Combinators.combine(
                        Arbitraries.of(ChangeKind.MOVED, ChangeKind.PROBABILITY, ChangeKind.WON, ChangeKind.LOST,
                                ChangeKind.REOPENED),
                        positions(), positions(), instants(), Arbitraries.of(WANG, LI),
                        TextArbitraries.notes().injectNull(0.3))
                .as((kind, from, to, at, actor, note) -> new StageChange(new OpportunityId("o"), 2, at, actor, kind,
                        from, to, note));
        return Combinators.combine(change.list().ofMaxSize(11), positions(), instants())
                .as((changes, first, created) -> {
                    List<StageChange> lines = new ArrayList<>();
                    lines.add(new StageChange(new OpportunityId("o"), 1, created, WANG, ChangeKind.CREATED, null,
                            first, null));
                    for (StageChange c : changes) {
                        lines.add(new StageChange(c.opportunity(), lines.size() + 1, c.at(), c.actor(), c.kind(),
                                c.from(), c.to(), c.note()));
                    }
                    return lines;
                });
    }

    /** Orders in which to append up to twelve lines. */
    @Provide
    Arbitrary<List<Integer>> shuffles() {
        return Arbitraries.shuffle(IntStream.range(0, 12).boxed().toList());
    }

    @Provide
    Arbitrary<Quote> quotes() {
        return Arbitraries.of(CURRENCIES).flatMap(currency -> Builders.withBuilder(() -> Quote.builder()
                        .id(new QuoteId("q")).tenant(ANY_TENANT).customer(new CustomerId("c")).currency(currency))
                .use(Arbitraries.just(new OpportunityId("o")).injectNull(0.3)).in(Quote.Builder::opportunity)
                .use(dates()).in(Quote.Builder::date)
                .use(Combinators.combine(quoteLine(currency).list().ofMaxSize(8), Arbitraries.of(QuoteStatus.class))
                        .as(Tuple::of))
                // Only a draft may have no lines.
                .in((b, t) -> b.lines(t.get1()).status(t.get1().isEmpty() ? QuoteStatus.DRAFT : t.get2()))
                .use(TextArbitraries.notes().injectNull(0.3)).in(Quote.Builder::notes)
                .use(Arbitraries.integers().between(1, 3))
                .in((b, revision) -> b.revision(revision).previous(revision == 1 ? null : new QuoteId("q0")))
                .use(instants()).in(Quote.Builder::createdAt)
                .use(instants()).in(Quote.Builder::updatedAt)
                .build(Quote.Builder::build));
    }

    private static Arbitrary<QuoteLine> quoteLine(Currency currency) {
        return Combinators.combine(TextArbitraries.names(), quantities(), amount(currency), discounts())
                .as(QuoteLine::new);
    }

    @Provide
    Arbitrary<DevelopmentPlan> plans() {
        Arbitrary<PlanStep> step = Combinators.combine(TextArbitraries.names(), dates(), times().injectNull(0.3),
                        TextArbitraries.notes().injectNull(0.3), TextArbitraries.names().injectNull(0.5), dates())
                .as((what, planned, time, notes, result, doneOn) ->
                        new PlanStep(1, what, planned, time, notes, result, result == null ? null : doneOn));
        return Combinators.combine(step.list().ofMaxSize(10), Arbitraries.of(WANG, LI), instants(), instants())
                .as((steps, owner, created, updated) -> DevelopmentPlan.builder()
                        .id(new DevelopmentPlanId("p")).tenant(ANY_TENANT).opportunity(new OpportunityId("o"))
                        .owner(owner)
                        .steps(IntStream.range(0, steps.size()).mapToObj(i -> numbered(steps.get(i), i + 1)).toList())
                        .createdAt(created).updatedAt(updated)
                        .build());
    }

    private static PlanStep numbered(PlanStep step, int number) {
        return new PlanStep(number, step.what(), step.plannedDate(), step.plannedTime(), step.notes(), step.result(),
                step.doneOn());
    }

    private static Arbitrary<Position> positions() {
        return Combinators.combine(
                        Arbitraries.of("INITIAL_CONTACT", "EVALUATION", "NEEDS_ANALYSIS", "SOLUTION", "TENDER",
                                "NEGOTIATION", "CONTRACT"),
                        Arbitraries.integers().between(0, 10).map(tenths -> Probability.of(tenths * 10)),
                        Arbitraries.of(OpportunityStatus.class))
                .as(Position::new);
    }

    private static Arbitrary<Money> money() {
        return Arbitraries.of(CURRENCIES).flatMap(SalesStorePropertiesKit::amount);
    }

    /** Amounts of up to 15 integer digits in the currency's minor units. */
    private static Arbitrary<Money> amount(Currency currency) {
        int minorDigits = currency.getDefaultFractionDigits();
        return Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(15 + minorDigits).subtract(BigInteger.ONE))
                .map(units -> Money.of(new BigDecimal(units, minorDigits), currency));
    }

    /** More than zero, up to 15 integer digits and 4 decimals. */
    private static Arbitrary<BigDecimal> quantities() {
        return Arbitraries.integers().between(0, 4).flatMap(scale -> Arbitraries.bigIntegers()
                .between(BigInteger.ONE, BigInteger.TEN.pow(15 + scale).subtract(BigInteger.ONE))
                .map(units -> new BigDecimal(units, scale)));
    }

    /** 0 to 100, up to 2 decimals. */
    private static Arbitrary<BigDecimal> discounts() {
        return Arbitraries.integers().between(0, 2).flatMap(scale -> Arbitraries.integers()
                .between(0, 100 * BigInteger.TEN.pow(scale).intValueExact())
                .map(units -> BigDecimal.valueOf(units, scale)));
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 100).map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
    }

    /** Times of day to the second. */
    private static Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 3600 - 1).map(LocalTime::ofSecondOfDay);
    }

    /** Instants to the microsecond, within about thirty years of {@link TestRecords#T0}. */
    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L)
                .map(micros -> T0.plusNanos(micros * 1000));
    }
}
