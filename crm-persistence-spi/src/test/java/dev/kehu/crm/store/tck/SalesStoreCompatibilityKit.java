package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.assertStored;
import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.AWKWARD;
import static dev.kehu.crm.store.tck.TestRecords.JPY;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.OTHER_TENANT;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.USD;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.activity;
import static dev.kehu.crm.store.tck.TestRecords.competitor;
import static dev.kehu.crm.store.tck.TestRecords.lead;
import static dev.kehu.crm.store.tck.TestRecords.minimalActivity;
import static dev.kehu.crm.store.tck.TestRecords.minimalContact;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static dev.kehu.crm.store.tck.TestRecords.minimalLead;
import static dev.kehu.crm.store.tck.TestRecords.minimalOpportunity;
import static dev.kehu.crm.store.tck.TestRecords.minimalPlan;
import static dev.kehu.crm.store.tck.TestRecords.minimalQuote;
import static dev.kehu.crm.store.tck.TestRecords.opportunity;
import static dev.kehu.crm.store.tck.TestRecords.plan;
import static dev.kehu.crm.store.tck.TestRecords.quote;
import static dev.kehu.crm.store.tck.TestRecords.quoteLine;
import static dev.kehu.crm.store.tck.TestRecords.requirement;
import static dev.kehu.crm.store.tck.TestRecords.stageChange;
import static dev.kehu.crm.store.tck.TestRecords.t0PlusMicros;
import static dev.kehu.crm.store.tck.TestRecords.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityId;
import dev.kehu.crm.activity.ActivityQuery;
import dev.kehu.crm.activity.ActivityStatus;
import dev.kehu.crm.assignment.RoundRobinPosition;
import dev.kehu.crm.assignment.RoundRobinPositions.Stored;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadId;
import dev.kehu.crm.lead.LeadQuery;
import dev.kehu.crm.lead.LeadStatus;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordId;
import dev.kehu.crm.opportunity.AttachedRecordKind;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.PipelineId;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.plan.PlanStep;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteStatus;
import dev.kehu.crm.security.TeamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The compatibility kit of the sales ports of Kehu stores: {@code Leads}, {@code Opportunities} with their stage
 * history and attached records, {@code Quotes}, {@code DevelopmentPlans}, {@code Activities} and
 * {@code RoundRobinPositions}, as their javadoc and the package documentation of {@code dev.kehu.crm.store} say.
 * Extend it beside {@link CrmStoreCompatibilityKit}:
 * <pre>{@code
 * class MySalesStoreCompatibilityTest extends SalesStoreCompatibilityKit {
 *     @Override
 *     protected CrmStore newStore() { return MyStores.fresh(); }
 * }
 * }</pre>
 * The kit saves the customers, contacts, opportunities and earlier quote revisions a record names before the
 * record, and an opportunity before its history and attached records, so a store may require that they exist.
 * Ids are binary-ordered on purpose ({@code "B10" < "B9" < "a1"}). Some tests use several threads and wait at
 * most ten seconds for any of them.
 */
public abstract class SalesStoreCompatibilityKit extends StorePerTest {
    private static final CustomerId C1 = new CustomerId("c-1");
    private static final CustomerId C2 = new CustomerId("c-2");
    private static final OpportunityId O1 = new OpportunityId("o-1");
    private static final OpportunityId O2 = new OpportunityId("o-2");
    private static final TeamId TEAM = new TeamId("team-east");
    private static final TeamId OTHER_TEAM = new TeamId("team-west");

    @Nested
    @DisplayName("Leads, opportunities, quotes, plans and activities keep every field, each save adding 1 to the version")
    class RoundTrips {
        @TestFactory
        @DisplayName("a record with every field filled in is read back exactly, with version 1: Chinese, emoji, quotes, "
                + "\\, %, _ and line breaks, instants to the microsecond")
        Stream<DynamicTest> fullRecordsRoundTrip() {
            return eachPort(port -> port.checkRoundTrip(true));
        }

        @TestFactory
        @DisplayName("a record with every optional field empty keeps them empty")
        Stream<DynamicTest> minimalRecordsRoundTrip() {
            return eachPort(port -> port.checkRoundTrip(false));
        }

        @TestFactory
        @DisplayName("an update can fill in and clear every optional field")
        Stream<DynamicTest> updatesReplaceEveryField() {
            return eachPort(Port::checkUpdatesReplaceEveryField);
        }

        @TestFactory
        @DisplayName("nothing is found for an id that was never saved")
        Stream<DynamicTest> unknownIdsAreNotFound() {
            return eachPort(port -> {
                port.saveFull("x-1");
                assertThat(port.find(TENANT, "x-2")).isEmpty();
            });
        }

        @Test
        @DisplayName("a discarded lead keeps its reason, and a conversion without a contact keeps it empty")
        void leadVariantsRoundTrip() {
            Lead discarded = new Lead(new LeadId("lead-1"), TENANT, null, null, "张三", null, null, null, WANG,
                    LeadStatus.DISCARDED, AWKWARD, null, T0, t0PlusMicros(1), 0);
            Lead converted = leadOf(TENANT, "lead-2", LI, LeadStatus.CONVERTED, null, new Conversion(C2, null, O2));

            for (Lead lead : List.of(discarded, converted)) {
                Lead saved = save(lead);
                assertThat(saved).isEqualTo(versioned(lead, 1));
                assertStored(store.leads().find(TENANT, lead.id()), saved);
            }
        }

        @Test
        @DisplayName("a won opportunity and a cancelled activity keep their closing times")
        void closedVariantsRoundTrip() {
            Opportunity won = minimalOpportunity(TENANT, "opp-1", C1).toBuilder().status(OpportunityStatus.WON)
                    .probability(Probability.CERTAIN).closedAt(t0PlusMicros(17)).build();
            Activity cancelled = minimalActivity(TENANT, "act-1", C1).toBuilder().status(ActivityStatus.CANCELLED)
                    .cancelledAt(t0PlusMicros(19)).build();

            save(won);
            save(cancelled);

            assertStored(store.opportunities().find(TENANT, won.id()), won.toBuilder().version(1).build());
            assertStored(store.activities().find(TENANT, cancelled.id()), cancelled.toBuilder().version(1).build());
        }
    }

    @Nested
    @DisplayName("Optimistic locking never lets a save overwrite a change it has not seen")
    class OptimisticLocking {
        @TestFactory
        @DisplayName("a save with a stale version is refused and the stored record is unchanged")
        Stream<DynamicTest> staleVersionWritesNothing() {
            return eachPort(Port::checkStaleVersionWritesNothing);
        }

        @TestFactory
        @DisplayName("an insert over a taken id is refused and the first record stays")
        Stream<DynamicTest> secondInsertOfAnIdFails() {
            return eachPort(Port::checkSecondInsertFails);
        }

        @TestFactory
        @DisplayName("an update of a record that was never saved is refused and nothing is written")
        Stream<DynamicTest> updateOfMissingRecordFails() {
            return eachPort(Port::checkUpdateOfMissingRecordFails);
        }

        @TestFactory
        @DisplayName("the refusal names the record type, the id and the version given")
        Stream<DynamicTest> refusalNamesTheRecord() {
            return eachPort(Port::checkRefusalNamesTheRecord);
        }

        @TestFactory
        @DisplayName("of several threads updating the same version at once, exactly one succeeds")
        Stream<DynamicTest> concurrentUpdatesOfOneVersion() {
            return eachPort(Port::checkConcurrentUpdates);
        }
    }

    @Nested
    @DisplayName("Leads are listed by id, as LeadQuery.matches selects them")
    class LeadQueries {
        @Test
        @DisplayName("by owner, by status, by both, or all")
        void matchingSelectsAsTheQuerySays() {
            List<Lead> saved = Stream.of(
                            minimalLead(TENANT, "lead-B9"),
                            lead(TENANT, "lead-a1"),
                            leadOf(TENANT, "lead-B10", WANG, LeadStatus.DISCARDED, "没有预算", null),
                            leadOf(TENANT, "lead-A3", LI, LeadStatus.NURTURING, null, null),
                            leadOf(TENANT, "lead-a2", LI, LeadStatus.CONVERTED, null, new Conversion(C2, null, O2)),
                            leadOf(TENANT, "lead-C5", LI, LeadStatus.QUALIFIED, null, null))
                    .map(SalesStoreCompatibilityKit.this::save)
                    .toList();

            assertLeads(saved, LeadQuery.all(), "lead-A3", "lead-B10", "lead-B9", "lead-C5", "lead-a1", "lead-a2");
            assertLeads(saved, LeadQuery.all().withOwner(WANG), "lead-B10", "lead-B9");
            assertLeads(saved, LeadQuery.all().withStatuses(Set.of(LeadStatus.NEW, LeadStatus.DISCARDED)),
                    "lead-B10", "lead-B9");
            assertLeads(saved, LeadQuery.all().withStatuses(Set.of(LeadStatus.CONVERTED)), "lead-a1", "lead-a2");
            assertLeads(saved, LeadQuery.all().withOwner(LI)
                    .withStatuses(Set.of(LeadStatus.CONVERTED, LeadStatus.QUALIFIED)), "lead-C5", "lead-a1", "lead-a2");
            assertLeads(saved, LeadQuery.all().withOwner(new UserId("u-nobody")));
        }

        private void assertLeads(List<Lead> saved, LeadQuery query, String... ids) {
            assertListed(store.leads().matching(TENANT, query), saved, query::matches, l -> l.id().value(), ids);
        }
    }

    @Nested
    @DisplayName("Opportunities keep exact amounts and are listed by id, as OpportunityQuery.matches selects them")
    class OpportunityRecords {
        @Test
        @DisplayName("expected amounts in CNY, USD and JPY come back exact, to the last digit, in their currency")
        void amountsAreExact() {
            save(amount("opp-1", Money.of("12345678901234.56", "CNY")));
            save(amount("opp-2", Money.of("0.01", "USD")));
            save(amount("opp-3", Money.of("987654321012345", "JPY")));

            assertThat(Stream.of("opp-1", "opp-2", "opp-3")
                    .map(id -> store.opportunities().find(TENANT, new OpportunityId(id)).orElseThrow().expectedAmount())
                    .map(Money::toString))
                    .containsExactly("12345678901234.56 CNY", "0.01 USD", "987654321012345 JPY");
        }

        @Test
        @DisplayName("by pipeline, owner, customer, status and expected signing date (both ends included), or all")
        void matchingSelectsAsTheQuerySays() {
            PipelineId projects = new PipelineId("projects");
            List<Opportunity> saved = Stream.of(
                            expected(minimalOpportunity(TENANT, "opp-B10", C1), WANG, "2024-06-30"),
                            expected(minimalOpportunity(TENANT, "opp-B9", C1), LI, "2024-07-01").toBuilder()
                                    .pipeline(projects).status(OpportunityStatus.WON)
                                    .probability(Probability.CERTAIN).closedAt(t0PlusMicros(9)).build(),
                            opportunity(TENANT, "opp-a1", C2),
                            expected(minimalOpportunity(TENANT, "opp-A2", C2), LI, null),
                            expected(minimalOpportunity(TENANT, "opp-a2", C1), WANG, "2024-06-01").toBuilder()
                                    .pipeline(projects).build())
                    .map(SalesStoreCompatibilityKit.this::save)
                    .toList();
            OpportunityQuery all = OpportunityQuery.all();

            assertOpportunities(saved, all, "opp-A2", "opp-B10", "opp-B9", "opp-a1", "opp-a2");
            assertOpportunities(saved, OpportunityQuery.open(), "opp-A2", "opp-B10", "opp-a2");
            assertOpportunities(saved, all.withPipeline(projects), "opp-B9", "opp-a2");
            assertOpportunities(saved, all.withOwner(WANG), "opp-B10", "opp-a1", "opp-a2");
            assertOpportunities(saved, all.withCustomer(C2), "opp-A2", "opp-a1");
            assertOpportunities(saved, all.withStatuses(Set.of(OpportunityStatus.WON, OpportunityStatus.LOST)),
                    "opp-B9", "opp-a1");
            assertOpportunities(saved, all.expectedBetween(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-07-01")),
                    "opp-B10", "opp-B9", "opp-a2");
            assertOpportunities(saved, all.expectedBetween(LocalDate.parse("2024-07-01"), null), "opp-B9", "opp-a1");
            assertOpportunities(saved, all.expectedBetween(null, LocalDate.parse("2024-06-30")), "opp-B10", "opp-a2");
            assertOpportunities(saved, OpportunityQuery.open().withOwner(WANG)
                    .expectedBetween(LocalDate.parse("2024-06-02"), null), "opp-B10");
            assertOpportunities(saved, all.withPipeline(new PipelineId("none")));
        }

        private Opportunity amount(String id, Money amount) {
            return minimalOpportunity(TENANT, id, C1).toBuilder().expectedAmount(amount).build();
        }

        private Opportunity expected(Opportunity opportunity, UserId owner, String signingDate) {
            return opportunity.toBuilder().owner(owner)
                    .expectedSigningDate(signingDate == null ? null : LocalDate.parse(signingDate)).build();
        }

        private void assertOpportunities(List<Opportunity> saved, OpportunityQuery query, String... ids) {
            assertListed(store.opportunities().matching(TENANT, query), saved, query::matches, o -> o.id().value(), ids);
        }
    }

    @Nested
    @DisplayName("Opportunities are counted and summed per group and currency, exactly as OpportunityTotals.of over matching")
    class OpportunityTotalsQueries {
        private static final Currency BHD = Currency.getInstance("BHD");

        @Test
        @DisplayName("each weighted amount is rounded half-even to its currency's minor units before it is added; "
                + "those without an amount are counted in a group of their own")
        void weightedAmountsAreRoundedOneByOne() {
            Stream.of(
                    // 0.05 CNY at 50 % is 0.025 → 0.02, twice: 0.04 (rounding the sum would give 0.05, half-up 0.06)
                    amount("t-1", "0.05", Money.CNY, 50), amount("t-2", "0.05", Money.CNY, 50),
                    amount("t-3", "0.15", Money.CNY, 50),                  // 0.075 → 0.08
                    amount("t-4", "5", JPY, 50), amount("t-5", "15", JPY, 50), // 2.5 → 2, 7.5 → 8
                    amount("t-6", "0.005", BHD, 50),                        // 0.0025 → 0.002
                    amount("t-7", "1234.56", USD, 70),                      // 864.192 → 864.19
                    minimalOpportunity(TENANT, "t-8", C1),                  // no amount
                    won(amount("t-9", "1000", Money.CNY, 100)),
                    amount("t-10", "20", USD, 30).toBuilder().stage("TENDER").build())
                    .forEach(SalesStoreCompatibilityKit.this::save);

            List<OpportunityTotals> expected = List.of(
                    totals("INITIAL_CONTACT", OpportunityStatus.OPEN, 3, "0.25", "0.12", Money.CNY),
                    totals("INITIAL_CONTACT", OpportunityStatus.OPEN, 2, "20", "10", JPY),
                    totals("INITIAL_CONTACT", OpportunityStatus.OPEN, 1, "0.005", "0.002", BHD),
                    totals("INITIAL_CONTACT", OpportunityStatus.OPEN, 1, "1234.56", "864.19", USD),
                    new OpportunityTotals("INITIAL_CONTACT", null, OpportunityStatus.OPEN, 1, null, null),
                    totals("INITIAL_CONTACT", OpportunityStatus.WON, 1, "1000", "1000", Money.CNY),
                    totals("TENDER", OpportunityStatus.OPEN, 1, "20", "6", USD));
            List<Opportunity> all = store.opportunities().matching(TENANT, OpportunityQuery.all());
            assertThat(OpportunityTotals.of(all, OpportunityTotals.Grouping.STAGE)).as("the reference")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store.opportunities().totals(TENANT, OpportunityQuery.all(), OpportunityTotals.Grouping.STAGE))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }

        @Test
        @DisplayName("by stage or by month of expected signing, filtered by pipeline, owner, customer, status and "
                + "expected signing date (both ends included); a month ends on its last day")
        void filtersAndGroupingsAsMatching() {
            PipelineId projects = new PipelineId("projects");
            Stream.of(
                    dated(amount("f-1", "100.10", Money.CNY, 20), "2024-06-30"),
                    dated(amount("f-2", "200.20", Money.CNY, 30), "2024-07-01"),
                    dated(amount("f-3", "300", JPY, 10), "2024-06-01").toBuilder().owner(LI).build(),
                    dated(amount("f-4", "40.40", USD, 90), "2024-07-31").toBuilder().customer(C2).build(),
                    dated(minimalOpportunity(TENANT, "f-5", C1), "2024-07-15").toBuilder().pipeline(projects).build(),
                    minimalOpportunity(TENANT, "f-6", C2),
                    dated(won(amount("f-7", "77.77", USD, 100)), "2024-06-15"),
                    opportunity(TENANT, "f-8", C1),                         // lost, 2024-12-31
                    dated(amount("f-9", "0.05", Money.CNY, 50), "2024-06-05").toBuilder().stage("TENDER").build())
                    .forEach(SalesStoreCompatibilityKit.this::save);
            OpportunityQuery all = OpportunityQuery.all();

            for (OpportunityQuery query : List.of(all, OpportunityQuery.open(), all.withPipeline(projects),
                    all.withOwner(LI), all.withCustomer(C2),
                    all.withStatuses(Set.of(OpportunityStatus.OPEN, OpportunityStatus.WON)),
                    all.expectedBetween(LocalDate.parse("2024-06-30"), LocalDate.parse("2024-07-31")),
                    all.expectedBetween(LocalDate.parse("2024-07-01"), null),
                    all.expectedBetween(null, LocalDate.parse("2024-06-30")),
                    OpportunityQuery.open().withOwner(WANG).withCustomer(C1)
                            .expectedBetween(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30")),
                    all.withPipeline(new PipelineId("none")))) {
                List<Opportunity> matching = store.opportunities().matching(TENANT, query);
                for (OpportunityTotals.Grouping by : OpportunityTotals.Grouping.values()) {
                    assertThat(store.opportunities().totals(TENANT, query, by)).as("%s by %s", query, by)
                            .containsExactlyInAnyOrderElementsOf(OpportunityTotals.of(matching, by));
                }
            }
            assertThat(store.opportunities().totals(TENANT, OpportunityQuery.open().expectedBetween(
                            LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30")),
                    OpportunityTotals.Grouping.EXPECTED_MONTH))
                    .as("June's open deals").containsExactlyInAnyOrder(
                            new OpportunityTotals(null, YearMonth.of(2024, 6), OpportunityStatus.OPEN, 2,
                                    Money.of("100.15", "CNY"), Money.of("20.04", "CNY")),
                            new OpportunityTotals(null, YearMonth.of(2024, 6), OpportunityStatus.OPEN, 1,
                                    Money.of("300", "JPY"), Money.of("30", "JPY")));
            assertThat(store.opportunities().totals(TENANT, all.withCustomer(C2), OpportunityTotals.Grouping.EXPECTED_MONTH))
                    .as("no date is a group of its own").containsExactlyInAnyOrder(
                            new OpportunityTotals(null, null, OpportunityStatus.OPEN, 1, null, null),
                            new OpportunityTotals(null, YearMonth.of(2024, 7), OpportunityStatus.OPEN, 1,
                                    Money.of("40.40", "USD"), Money.of("36.36", "USD")));
        }

        @Test
        @DisplayName("a tenant without opportunities, or a query matching none, has no totals")
        void nothingMatched() {
            assertThat(store.opportunities().totals(TENANT, OpportunityQuery.all(), OpportunityTotals.Grouping.STAGE))
                    .isEmpty();
            save(amount("n-1", "1", Money.CNY, 10));
            assertThat(store.opportunities().totals(TENANT, OpportunityQuery.all().withOwner(LI),
                    OpportunityTotals.Grouping.EXPECTED_MONTH)).isEmpty();
        }

        private Opportunity amount(String id, String amount, Currency currency, int percent) {
            return minimalOpportunity(TENANT, id, C1).toBuilder()
                    .expectedAmount(Money.of(new BigDecimal(amount), currency)).probability(Probability.of(percent))
                    .build();
        }

        private Opportunity dated(Opportunity opportunity, String signingDate) {
            return opportunity.toBuilder().expectedSigningDate(LocalDate.parse(signingDate)).build();
        }

        private OpportunityTotals totals(String stage, OpportunityStatus status, long count, String amount,
                                         String weighted, Currency currency) {
            return new OpportunityTotals(stage, null, status, count, Money.of(new BigDecimal(amount), currency),
                    Money.of(new BigDecimal(weighted), currency));
        }
    }

    @Nested
    @DisplayName("The stage history is append-only and comes back by sequence number")
    class StageHistory {
        @Test
        @DisplayName("lines come back with every field, by sequence number (2 before 10), whatever order they came in")
        void linesComeBackBySequence() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            List<StageChange> lines = IntStream.rangeClosed(1, 11).mapToObj(n -> stageChange(id, n)).toList();

            for (int n : List.of(11, 2, 10, 1, 3, 4, 5, 6, 7, 8, 9)) {
                store.opportunities().append(TENANT, lines.get(n - 1));
            }

            assertThat(store.opportunities().history(TENANT, id)).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(lines);
            assertThat(store.opportunities().history(TENANT, id)).containsExactlyElementsOf(lines);
        }

        @Test
        @DisplayName("an opportunity without lines has an empty history, and lines of another opportunity are not in it")
        void historiesAreKeptApart() {
            OpportunityId first = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            OpportunityId second = save(minimalOpportunity(TENANT, "opp-2", C1)).id();
            OpportunityId empty = save(minimalOpportunity(TENANT, "opp-3", C1)).id();
            store.opportunities().append(TENANT, stageChange(first, 1));
            store.opportunities().append(TENANT, stageChange(second, 1));
            store.opportunities().append(TENANT, stageChange(second, 2));

            assertThat(store.opportunities().history(TENANT, first)).containsExactly(stageChange(first, 1));
            assertThat(store.opportunities().history(TENANT, second))
                    .containsExactly(stageChange(second, 1), stageChange(second, 2));
            assertThat(store.opportunities().history(TENANT, empty)).isEmpty();
            assertThat(store.opportunities().history(TENANT, new OpportunityId("opp-9"))).isEmpty();
        }

        @Test
        @DisplayName("a second line with a taken sequence number is refused as stale and the first one stays")
        void duplicateSequenceIsStale() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            store.opportunities().append(TENANT, stageChange(id, 1));
            store.opportunities().append(TENANT, stageChange(id, 2));
            StageChange other = new StageChange(id, 2, t0PlusMicros(99), WANG, stageChange(id, 2).kind(),
                    stageChange(id, 2).from(), stageChange(id, 2).to(), "a concurrent move");

            assertThatThrownBy(() -> store.opportunities().append(TENANT, other)).isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.opportunities().append(TENANT, stageChange(id, 1)))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(store.opportunities().history(TENANT, id)).containsExactly(stageChange(id, 1), stageChange(id, 2));
        }

        @Test
        @DisplayName("a refused line rolls back the lines its transaction appended before it")
        void refusedLineRollsBackItsTransaction() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            store.opportunities().append(TENANT, stageChange(id, 1));

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.opportunities().append(TENANT, stageChange(id, 2));
                store.opportunities().append(TENANT, stageChange(id, 1));
            })).isInstanceOf(StaleRecordException.class);

            assertThat(store.opportunities().history(TENANT, id)).containsExactly(stageChange(id, 1));
        }

        @Test
        @DisplayName("of several threads appending the same line number at once, exactly one succeeds")
        void concurrentAppendsOfOneNumber() throws InterruptedException {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            store.opportunities().append(TENANT, stageChange(id, 1));
            List<Callable<StageChange>> appends = IntStream.range(0, 4).<Callable<StageChange>>mapToObj(i -> () -> {
                StageChange line = new StageChange(id, 2, t0PlusMicros(i), WANG, stageChange(id, 2).kind(),
                        stageChange(id, 2).from(), stageChange(id, 2).to(), "thread " + i);
                store.opportunities().append(TENANT, line);
                return line;
            }).toList();

            List<Object> outcomes = race(appends);

            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            assertThat(store.opportunities().history(TENANT, id)).hasSize(2).last()
                    .isIn(outcomes.stream().filter(StageChange.class::isInstance).toList());
        }
    }

    @Nested
    @DisplayName("Records attached to an opportunity come back oldest first and are removed by id")
    class AttachedRecords {
        @Test
        @DisplayName("each kind of record is read back with every field, empty ones included")
        void attachedRecordsRoundTrip() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            AttachedRecord competitor = competitor(TENANT, "r-1", id, t0PlusMicros(1));
            AttachedRecord requirement = requirement(TENANT, "r-2", id, t0PlusMicros(2));
            AttachedRecord solution = new AttachedRecord(new AttachedRecordId("r-3"), TENANT, id,
                    AttachedRecordKind.SOLUTION, "方案 A \"私有云\"", AWKWARD, null, null, LI, t0PlusMicros(3));

            List.of(competitor, requirement, solution).forEach(store.opportunities()::attach);

            assertThat(store.opportunities().attachments(TENANT, id)).usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(competitor, requirement, solution);
            assertThat(store.opportunities().attachments(TENANT, id)).containsExactly(competitor, requirement, solution);
        }

        @Test
        @DisplayName("records of one opportunity are listed oldest first to the microsecond, ties by id")
        void attachmentsComeOldestFirst() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            OpportunityId other = save(minimalOpportunity(TENANT, "opp-2", C1)).id();
            Stream.of(requirement(TENANT, "r-a1", id, t0PlusMicros(1)),
                            requirement(TENANT, "r-B9", id, t0PlusMicros(2)),
                            requirement(TENANT, "r-B10", id, t0PlusMicros(1)),
                            requirement(TENANT, "r-A1", id, T0),
                            requirement(TENANT, "r-0", other, T0))
                    .forEach(store.opportunities()::attach);

            assertThat(store.opportunities().attachments(TENANT, id)).extracting(a -> a.id().value())
                    .containsExactly("r-A1", "r-B10", "r-a1", "r-B9");
            assertThat(store.opportunities().attachments(TENANT, new OpportunityId("opp-9"))).isEmpty();
        }

        @Test
        @DisplayName("attaching a second record with a taken id is refused and the first one stays")
        void takenIdIsRefused() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            OpportunityId other = save(minimalOpportunity(TENANT, "opp-2", C1)).id();
            AttachedRecord first = competitor(TENANT, "r-1", id, T0);
            store.opportunities().attach(first);

            assertThatThrownBy(() -> store.opportunities().attach(requirement(TENANT, "r-1", id, t0PlusMicros(1))))
                    .isInstanceOf(DuplicateRecordException.class);
            assertThatThrownBy(() -> store.opportunities().attach(requirement(TENANT, "r-1", other, T0)))
                    .isInstanceOf(DuplicateRecordException.class);

            assertThat(store.opportunities().attachments(TENANT, id)).containsExactly(first);
            assertThat(store.opportunities().attachments(TENANT, other)).isEmpty();
        }

        @Test
        @DisplayName("detach removes the record and says so; detaching it again, or an unknown id, says false")
        void detachRemovesByIdOnce() {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            AttachedRecord kept = requirement(TENANT, "r-1", id, T0);
            AttachedRecord removed = competitor(TENANT, "r-2", id, t0PlusMicros(1));
            store.opportunities().attach(kept);
            store.opportunities().attach(removed);

            assertThat(store.opportunities().detach(TENANT, removed.id())).isTrue();
            assertThat(store.opportunities().attachments(TENANT, id)).containsExactly(kept);
            assertThat(store.opportunities().detach(TENANT, removed.id())).isFalse();
            assertThat(store.opportunities().detach(TENANT, new AttachedRecordId("r-9"))).isFalse();
            assertThat(store.opportunities().attachments(TENANT, id)).containsExactly(kept);
        }

        @Test
        @DisplayName("of several threads attaching one id at once, exactly one succeeds")
        void concurrentAttachesOfOneId() throws InterruptedException {
            OpportunityId id = save(minimalOpportunity(TENANT, "opp-1", C1)).id();
            List<Callable<AttachedRecord>> attaches = IntStream.range(0, 4)
                    .<Callable<AttachedRecord>>mapToObj(i -> () -> {
                        AttachedRecord record = requirement(TENANT, "r-1", id, t0PlusMicros(i));
                        store.opportunities().attach(record);
                        return record;
                    })
                    .toList();

            List<Object> outcomes = race(attaches);

            assertThat(outcomes).filteredOn(DuplicateRecordException.class::isInstance).hasSize(3);
            assertThat(store.opportunities().attachments(TENANT, id))
                    .containsExactlyElementsOf(outcomes.stream()
                            .filter(AttachedRecord.class::isInstance).map(AttachedRecord.class::cast).toList());
        }
    }

    @Nested
    @DisplayName("Quotes keep their lines in order and exact, and are listed by date then id")
    class QuoteRecords {
        @Test
        @DisplayName("lines in USD and JPY keep their order, quantities, prices and discounts to the last digit")
        void linesInOtherCurrenciesAreExact() {
            Quote usd = minimalQuote(TENANT, "q-1", C1).toBuilder().currency(USD).lines(List.of(
                    quoteLine("Support 'gold'", "12", "999999999999999.99", USD, "33.33"),
                    quoteLine("Adapter", "0.5", "0.01", USD, "0"))).build();
            Quote jpy = minimalQuote(TENANT, "q-2", C1).toBuilder().currency(JPY).lines(List.of(
                    quoteLine("サーバー", "1", "123456789012345", JPY, "99.99"),
                    quoteLine("Cable", "3.0001", "1", JPY, "100"))).build();

            save(usd);
            save(jpy);

            Quote foundUsd = store.quotes().find(TENANT, usd.id()).orElseThrow();
            Quote foundJpy = store.quotes().find(TENANT, jpy.id()).orElseThrow();
            assertThat(foundUsd.lines()).containsExactlyElementsOf(usd.lines());
            assertThat(foundJpy.lines()).containsExactlyElementsOf(jpy.lines());
            assertThat(foundUsd.lines().get(0).unitPrice()).hasToString("999999999999999.99 USD");
            assertThat(foundJpy.lines().get(0).unitPrice()).hasToString("123456789012345 JPY");
            assertThat(foundUsd.total()).isEqualTo(usd.total());
            assertThat(foundJpy.total()).isEqualTo(jpy.total());
        }

        @Test
        @DisplayName("an update replaces the lines: fewer and reordered, or none")
        void updatesReplaceTheLines() {
            Quote v1 = save(quote(TENANT, "q-1", C1).toBuilder().status(QuoteStatus.DRAFT).build());
            List<QuoteLine> lines = v1.lines();

            Quote reordered = store.quotes().save(v1.toBuilder().lines(List.of(lines.get(2), lines.get(0))).build());
            assertStored(store.quotes().find(TENANT, v1.id()), reordered);
            assertThat(reordered.lines()).containsExactly(lines.get(2), lines.get(0));

            Quote emptied = store.quotes().save(reordered.toBuilder().lines(List.of()).build());
            assertStored(store.quotes().find(TENANT, v1.id()), emptied);
            assertThat(emptied.lines()).isEmpty();
        }

        @Test
        @DisplayName("the quotes of an opportunity and of a customer are every revision, by date then id")
        void quotesAreListedByDateThenId() {
            List<Quote> saved = Stream.of(
                            dated(minimalQuote(TENANT, "q-B10", C1), O1, "2024-03-02"),
                            dated(quote(TENANT, "q-B9", C1).toBuilder().previous(new QuoteId("q-B10")).build(), O1,
                                    "2024-03-02"),
                            dated(minimalQuote(TENANT, "q-a1", C1), O1, "2024-03-01"),
                            dated(minimalQuote(TENANT, "q-A2", C1), null, "2024-03-05"),
                            dated(minimalQuote(TENANT, "q-a2", C2), O2, "2024-01-01"),
                            dated(minimalQuote(TENANT, "q-C1", C1), O2, "2024-02-01"))
                    .map(SalesStoreCompatibilityKit.this::save)
                    .toList();

            assertListed(store.quotes().ofOpportunity(TENANT, O1), saved, q -> O1.equals(q.opportunity()),
                    q -> q.id().value(), "q-a1", "q-B10", "q-B9");
            assertListed(store.quotes().ofCustomer(TENANT, C1), saved, q -> q.customer().equals(C1),
                    q -> q.id().value(), "q-C1", "q-a1", "q-B10", "q-B9", "q-A2");
            assertListed(store.quotes().ofCustomer(TENANT, C2), saved, q -> q.customer().equals(C2),
                    q -> q.id().value(), "q-a2");
            assertThat(store.quotes().ofOpportunity(TENANT, new OpportunityId("o-9"))).isEmpty();
            assertThat(store.quotes().ofCustomer(TENANT, new CustomerId("c-9"))).isEmpty();
        }

        @Test
        @DisplayName("an opportunity has a sent quote once any of its quotes is out of draft, whatever became of it; "
                + "drafts, and sent quotes of another opportunity, of none or of another tenant, do not count")
        void anySentFor() {
            save(dated(minimalQuote(TENANT, "q-1", C1), O1, "2024-03-01"));
            save(quote(TENANT, "q-2", C1).toBuilder().opportunity(O2).build());
            save(quote(TENANT, "q-3", C1).toBuilder().opportunity(null).build());
            save(quote(OTHER_TENANT, "q-4", C1).toBuilder().opportunity(O1).build());

            assertThat(store.quotes().anySentFor(TENANT, O1)).as("a draft").isFalse();
            assertThat(store.quotes().anySentFor(TENANT, O2)).as("sent").isTrue();
            assertThat(store.quotes().anySentFor(TENANT, new OpportunityId("o-9"))).as("no quote").isFalse();
            for (QuoteStatus status : List.of(QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.REJECTED,
                    QuoteStatus.SUPERSEDED)) {
                OpportunityId opportunity = new OpportunityId("o-" + status);
                save(quote(TENANT, "q-" + status, C1).toBuilder().opportunity(opportunity).status(status).build());
                assertThat(store.quotes().anySentFor(TENANT, opportunity)).as("%s", status).isTrue();
            }
        }

        private Quote dated(Quote quote, OpportunityId opportunity, String date) {
            return quote.toBuilder().opportunity(opportunity).date(LocalDate.parse(date)).build();
        }
    }

    @Nested
    @DisplayName("Development plans keep their steps in order and are listed by id")
    class PlanRecords {
        @Test
        @DisplayName("an update replaces the steps: added, moved, done, removed, or none")
        void updatesReplaceTheSteps() {
            DevelopmentPlan v1 = save(plan(TENANT, "plan-1", O1));

            DevelopmentPlan changed = store.developmentPlans().save(v1
                    .addStep("签约 🎉", LocalDate.of(2024, 4, 1), LocalTime.of(23, 59, 59), "合同 \\ 100%", T0)
                    .moveStep(4, 1, T0)
                    .recordResult(4, "已报价", LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 2), T0)
                    .removeStep(3, t0PlusMicros(5)));
            assertStored(store.developmentPlans().find(TENANT, v1.id()), changed);
            assertThat(changed.steps()).extracting(PlanStep::what).containsExactly("签约 🎉", "拜访 CTO 'Zhang'", "报价");

            DevelopmentPlan emptied = store.developmentPlans().save(changed.toBuilder().steps(List.of()).build());
            assertStored(store.developmentPlans().find(TENANT, v1.id()), emptied);
        }

        @Test
        @DisplayName("the plans of an opportunity and of an owner are listed by id")
        void plansAreListedById() {
            List<DevelopmentPlan> saved = Stream.of(
                            owned(minimalPlan(TENANT, "plan-B10", O1), WANG),
                            owned(plan(TENANT, "plan-B9", O1), LI),
                            owned(minimalPlan(TENANT, "plan-a1", O2), WANG),
                            owned(plan(TENANT, "plan-A1", O1), WANG))
                    .map(SalesStoreCompatibilityKit.this::save)
                    .toList();

            assertListed(store.developmentPlans().ofOpportunity(TENANT, O1), saved, p -> p.opportunity().equals(O1),
                    p -> p.id().value(), "plan-A1", "plan-B10", "plan-B9");
            assertListed(store.developmentPlans().ownedBy(TENANT, WANG), saved, p -> p.owner().equals(WANG),
                    p -> p.id().value(), "plan-A1", "plan-B10", "plan-a1");
            assertListed(store.developmentPlans().ownedBy(TENANT, LI), saved, p -> p.owner().equals(LI),
                    p -> p.id().value(), "plan-B9");
            assertThat(store.developmentPlans().ofOpportunity(TENANT, new OpportunityId("o-9"))).isEmpty();
        }

        private DevelopmentPlan owned(DevelopmentPlan plan, UserId owner) {
            return plan.toBuilder().owner(owner).build();
        }
    }

    @Nested
    @DisplayName("Activities are listed by due time then id, as ActivityQuery.matches selects them")
    class ActivityQueries {
        @Test
        @DisplayName("by owner, customer, opportunity and openness, or all; due times compare to the microsecond")
        void matchingSelectsAsTheQuerySays() {
            Instant inTwoHours = T0.plusSeconds(7200);
            List<Activity> saved = Stream.of(
                            open("act-B9", WANG, C1, null, inTwoHours),
                            open("act-B10", WANG, C1, O1, inTwoHours),
                            activity(TENANT, "act-a1", C1),
                            open("act-A2", WANG, null, O2, T0.plusSeconds(3600)).toBuilder()
                                    .contact(new ContactId("k-1")).status(ActivityStatus.CANCELLED)
                                    .cancelledAt(T0).build(),
                            open("act-a2", WANG, C2, null, inTwoHours.plusNanos(1000)),
                            open("act-C1", LI, C2, O2, T0.plusSeconds(3600)),
                            open("act-a0", LI, C1, null, inTwoHours.minusNanos(1000)))
                    .map(SalesStoreCompatibilityKit.this::save)
                    .toList();

            assertActivities(saved, ActivityQuery.all(),
                    "act-a1", "act-A2", "act-C1", "act-a0", "act-B10", "act-B9", "act-a2");
            assertActivities(saved, ActivityQuery.openOf(WANG), "act-B10", "act-B9", "act-a2");
            assertActivities(saved, ActivityQuery.openOf(LI), "act-C1", "act-a0");
            assertActivities(saved, ActivityQuery.all().withCustomer(C1), "act-a1", "act-a0", "act-B10", "act-B9");
            assertActivities(saved, ActivityQuery.all().withOpportunity(O2), "act-A2", "act-C1");
            assertActivities(saved, new ActivityQuery(WANG, C1, O1, true), "act-B10");
            assertActivities(saved, new ActivityQuery(null, null, null, true),
                    "act-C1", "act-a0", "act-B10", "act-B9", "act-a2");
            assertActivities(saved, ActivityQuery.all().withCustomer(new CustomerId("c-9")));
        }

        private Activity open(String id, UserId owner, CustomerId customer, OpportunityId opportunity, Instant due) {
            return minimalActivity(TENANT, id, C1).toBuilder().owner(owner).customer(customer)
                    .opportunity(opportunity).due(due).build();
        }

        private void assertActivities(List<Activity> saved, ActivityQuery query, String... ids) {
            assertListed(store.activities().matching(TENANT, query), saved, query::matches, a -> a.id().value(), ids);
        }
    }

    @Nested
    @DisplayName("Round-robin positions are versioned per tenant and team")
    class RoundRobin {
        @Test
        @DisplayName("a team that never took turns has no position")
        void noPositionAtFirst() {
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).isEmpty();
        }

        @Test
        @DisplayName("the first save expects version 0 and stores version 1; each later save expects the stored version")
        void savesCountVersions() {
            Stored first = store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);
            assertThat(first).isEqualTo(new Stored(RoundRobinPosition.start(TEAM), 1));
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).contains(first);

            Stored second = store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, WANG), 1);
            Stored third = store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, LI), 2);

            assertThat(second).isEqualTo(new Stored(new RoundRobinPosition(TEAM, WANG), 2));
            assertThat(third).isEqualTo(new Stored(new RoundRobinPosition(TEAM, LI), 3));
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).contains(third);
        }

        @Test
        @DisplayName("a save expecting another version than the stored one is refused and the position is unchanged")
        void wrongVersionIsStale() {
            store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);
            Stored current = store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, WANG), 1);

            for (long wrong : List.of(0L, 1L, 3L)) {
                assertThatThrownBy(() -> store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, LI), wrong))
                        .as("expecting version %d", wrong).isInstanceOf(StaleRecordException.class);
            }

            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).contains(current);
        }

        @Test
        @DisplayName("a save expecting a version when none is stored is refused and nothing is written")
        void versionOfMissingPositionIsStale() {
            assertThatThrownBy(() -> store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, LI), 1))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).isEmpty();
        }

        @Test
        @DisplayName("each team of each tenant has a position and a version of its own")
        void positionsArePerTenantAndTeam() {
            store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);
            Stored east = store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, WANG), 1);

            Stored west = store.roundRobinPositions().save(TENANT, new RoundRobinPosition(OTHER_TEAM, LI), 0);
            Stored eastElsewhere = store.roundRobinPositions().save(OTHER_TENANT, RoundRobinPosition.start(TEAM), 0);

            assertThat(west.version()).isEqualTo(1);
            assertThat(eastElsewhere.version()).isEqualTo(1);
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).contains(east);
            assertThat(store.roundRobinPositions().find(TENANT, OTHER_TEAM)).contains(west);
            assertThat(store.roundRobinPositions().find(OTHER_TENANT, TEAM)).contains(eastElsewhere);
            assertThat(store.roundRobinPositions().find(OTHER_TENANT, OTHER_TEAM)).isEmpty();
        }

        @Test
        @DisplayName("of several batches moving the position from one version at once, exactly one succeeds")
        void concurrentMovesOfOneVersion() throws InterruptedException {
            store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);

            checkExactlyOneMoves(1);
        }

        @Test
        @DisplayName("of several batches starting a team's round robin at once, exactly one succeeds")
        void concurrentFirstMoves() throws InterruptedException {
            checkExactlyOneMoves(0);
        }

        private void checkExactlyOneMoves(long expectedVersion) throws InterruptedException {
            List<Callable<Stored>> moves = IntStream.range(0, 4).<Callable<Stored>>mapToObj(i -> () ->
                    store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, new UserId("u-" + i)),
                            expectedVersion))
                    .toList();

            List<Object> outcomes = race(moves);

            List<Object> winners = outcomes.stream().filter(Stored.class::isInstance).toList();
            assertThat(winners).hasSize(1);
            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).contains((Stored) winners.get(0));
            assertThat(((Stored) winners.get(0)).version()).isEqualTo(expectedVersion + 1);
        }
    }

    @Nested
    @DisplayName("Writes of the sales ports commit and roll back with the transaction")
    class TransactionBoundaries {
        @Test
        @DisplayName("an exception rolls back every record saved, line appended, record attached or detached and position moved")
        void exceptionRollsBackEverything() {
            Opportunity opportunity = save(minimalOpportunity(TENANT, "opp-1", C1));
            store.opportunities().append(TENANT, stageChange(opportunity.id(), 1));
            AttachedRecord attached = requirement(TENANT, "r-1", opportunity.id(), T0);
            store.opportunities().attach(attached);
            Stored position = store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);
            List<Port<?>> ports = ports();
            ports.forEach(port -> port.saveMinimal("x-1"));
            RuntimeException failure = new IllegalStateException("the use case fails after writing");

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                ports.forEach(port -> port.updateToFull("x-1"));
                ports.forEach(port -> port.saveFull("x-2"));
                store.opportunities().append(TENANT, stageChange(opportunity.id(), 2));
                store.opportunities().attach(competitor(TENANT, "r-2", opportunity.id(), T0));
                store.opportunities().detach(TENANT, attached.id());
                store.roundRobinPositions().save(TENANT, new RoundRobinPosition(TEAM, WANG), 1);
                store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(OTHER_TEAM), 0);
                throw failure;
            })).isSameAs(failure);

            ports.forEach(port -> {
                port.checkStoredIsMinimal("x-1");
                assertThat(port.find(TENANT, "x-2")).as(port.recordType).isEmpty();
            });
            assertThat(store.opportunities().history(TENANT, opportunity.id()))
                    .containsExactly(stageChange(opportunity.id(), 1));
            assertThat(store.opportunities().attachments(TENANT, opportunity.id())).containsExactly(attached);
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).contains(position);
            assertThat(store.roundRobinPositions().find(TENANT, OTHER_TEAM)).isEmpty();
        }

        @Test
        @DisplayName("a transaction sees its own writes before it commits, and commits them all")
        void transactionSeesAndCommitsItsWrites() {
            List<Port<?>> ports = ports();
            OpportunityId id = new OpportunityId("opp-1");
            AttachedRecord attached = requirement(TENANT, "r-1", id, T0);

            store.transactions().useTransaction(() -> {
                save(minimalOpportunity(TENANT, id.value(), C1));
                store.opportunities().append(TENANT, stageChange(id, 1));
                store.opportunities().attach(attached);
                store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);
                ports.forEach(port -> port.saveMinimal("x-1"));

                assertThat(store.opportunities().history(TENANT, id)).containsExactly(stageChange(id, 1));
                assertThat(store.opportunities().attachments(TENANT, id)).containsExactly(attached);
                assertThat(store.roundRobinPositions().find(TENANT, TEAM)).isPresent();
                ports.forEach(port -> port.checkStoredIsMinimal("x-1"));
                assertThat(store.leads().matching(TENANT, LeadQuery.all())).extracting(l -> l.id().value())
                        .containsExactly("x-1");
                assertThat(store.opportunities().matching(TENANT, OpportunityQuery.all()))
                        .extracting(o -> o.id().value()).contains("opp-1", "x-1");
                assertThat(store.quotes().ofCustomer(TENANT, C1)).extracting(q -> q.id().value())
                        .containsExactly("x-1");
                assertThat(store.developmentPlans().ofOpportunity(TENANT, O1)).extracting(p -> p.id().value())
                        .containsExactly("x-1");
                assertThat(store.activities().matching(TENANT, ActivityQuery.all())).extracting(a -> a.id().value())
                        .containsExactly("x-1");
            });

            ports.forEach(port -> port.checkStoredIsMinimal("x-1"));
            assertThat(store.opportunities().history(TENANT, id)).containsExactly(stageChange(id, 1));
            assertThat(store.opportunities().attachments(TENANT, id)).containsExactly(attached);
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).isPresent();
        }
    }

    @Nested
    @DisplayName("Sales records of one tenant are invisible to every other tenant")
    class TenantIsolation {
        @TestFactory
        @DisplayName("a record cannot be updated through another tenant, and is not found there")
        Stream<DynamicTest> recordsCannotBeUpdatedThroughAnotherTenant() {
            return eachPort(Port::checkOtherTenantCannotUpdate);
        }

        @Test
        @DisplayName("no lead, opportunity, history line or attached record of one tenant is listed for another")
        void leadsAndOpportunitiesAreInvisible() {
            save(lead(TENANT, "lead-1"));
            Opportunity opportunity = save(opportunity(TENANT, "opp-1", C1));
            store.opportunities().append(TENANT, stageChange(opportunity.id(), 1));
            AttachedRecord attached = competitor(TENANT, "r-1", opportunity.id(), T0);
            store.opportunities().attach(attached);

            assertThat(store.leads().matching(OTHER_TENANT, LeadQuery.all())).isEmpty();
            assertThat(store.opportunities().matching(OTHER_TENANT, OpportunityQuery.all())).isEmpty();
            assertThat(store.opportunities().totals(OTHER_TENANT, OpportunityQuery.all(),
                    OpportunityTotals.Grouping.STAGE)).isEmpty();
            assertThat(store.opportunities().history(OTHER_TENANT, opportunity.id())).isEmpty();
            assertThat(store.opportunities().attachments(OTHER_TENANT, opportunity.id())).isEmpty();
            assertThat(store.opportunities().detach(OTHER_TENANT, attached.id())).isFalse();

            assertThat(store.leads().matching(TENANT, LeadQuery.all())).hasSize(1);
            assertThat(store.opportunities().history(TENANT, opportunity.id())).hasSize(1);
            assertThat(store.opportunities().attachments(TENANT, opportunity.id())).containsExactly(attached);
        }

        @Test
        @DisplayName("no quote, plan or activity of one tenant is listed for another")
        void quotesPlansAndActivitiesAreInvisible() {
            save(quote(TENANT, "q-1", C1));
            save(plan(TENANT, "plan-1", O1));
            save(activity(TENANT, "act-1", C1));

            assertThat(store.quotes().ofOpportunity(OTHER_TENANT, O1)).isEmpty();
            assertThat(store.quotes().ofCustomer(OTHER_TENANT, C1)).isEmpty();
            assertThat(store.developmentPlans().ofOpportunity(OTHER_TENANT, O1)).isEmpty();
            assertThat(store.developmentPlans().ownedBy(OTHER_TENANT, LI)).isEmpty();
            assertThat(store.activities().matching(OTHER_TENANT, ActivityQuery.all())).isEmpty();
            assertThat(store.activities().matching(OTHER_TENANT, ActivityQuery.all().withCustomer(C1))).isEmpty();

            assertThat(store.quotes().ofCustomer(TENANT, C1)).extracting(q -> q.id().value()).contains("q-1");
            assertThat(store.developmentPlans().ownedBy(TENANT, LI)).hasSize(1);
            assertThat(store.activities().matching(TENANT, ActivityQuery.all())).hasSize(1);
        }

        @Test
        @DisplayName("a round-robin position of one tenant is not found for another")
        void positionsAreInvisible() {
            store.roundRobinPositions().save(TENANT, RoundRobinPosition.start(TEAM), 0);

            assertThat(store.roundRobinPositions().find(OTHER_TENANT, TEAM)).isEmpty();
            assertThat(store.roundRobinPositions().find(TENANT, TEAM)).isPresent();
        }
    }

    /**
     * What the kit needs of one versioned port to check the rules they all follow: a record with every field filled
     * in and one with every optional field empty, saving, finding, and setting a version. Every check uses the id
     * {@code x-1} in {@link TestRecords#TENANT}.
     */
    private final class Port<T> {
        final String recordType;
        private final BiFunction<TenantId, String, T> full;
        private final BiFunction<TenantId, String, T> minimal;
        private final UnaryOperator<T> save;
        private final UnaryOperator<T> saveThroughPortOnly;
        private final BiFunction<TenantId, String, Optional<T>> find;
        private final BiFunction<T, Long, T> versioned;

        /**
         * @param save                saves what the record names, then the record
         * @param saveThroughPortOnly saves the record alone
         */
        Port(String recordType, BiFunction<TenantId, String, T> full, BiFunction<TenantId, String, T> minimal,
             UnaryOperator<T> save, UnaryOperator<T> saveThroughPortOnly,
             BiFunction<TenantId, String, Optional<T>> find, BiFunction<T, Long, T> versioned) {
            this.recordType = recordType;
            this.full = full;
            this.minimal = minimal;
            this.save = save;
            this.saveThroughPortOnly = saveThroughPortOnly;
            this.find = find;
            this.versioned = versioned;
        }

        Optional<T> find(TenantId tenant, String id) {
            return find.apply(tenant, id);
        }

        void saveFull(String id) {
            save.apply(full.apply(TENANT, id));
        }

        void saveMinimal(String id) {
            save.apply(minimal.apply(TENANT, id));
        }

        /** Replaces the record of version 1 with the full one. */
        void updateToFull(String id) {
            save.apply(full(id, 1));
        }

        void checkStoredIsMinimal(String id) {
            assertStored(find(TENANT, id), minimal(id, 1));
        }

        void checkRoundTrip(boolean everyField) {
            T record = everyField ? full("x-1", 0) : minimal("x-1", 0);

            T saved = save.apply(record);

            assertThat(saved).isEqualTo(versioned.apply(record, 1L));
            assertStored(find(TENANT, "x-1"), saved);
        }

        void checkUpdatesReplaceEveryField() {
            T v1 = save.apply(minimal("x-1", 0));

            T v2 = save.apply(full("x-1", 1));
            assertStored(find(TENANT, "x-1"), full("x-1", 2));

            T v3 = save.apply(minimal("x-1", 2));
            assertStored(find(TENANT, "x-1"), minimal("x-1", 3));
            assertThat(List.of(v1, v2, v3)).containsExactly(minimal("x-1", 1), full("x-1", 2), minimal("x-1", 3));
        }

        void checkStaleVersionWritesNothing() {
            save.apply(minimal("x-1", 0));
            T v2 = save.apply(full("x-1", 1));

            assertThatThrownBy(() -> save.apply(minimal("x-1", 1))).isInstanceOf(StaleRecordException.class);

            assertStored(find(TENANT, "x-1"), v2);
        }

        void checkSecondInsertFails() {
            T first = save.apply(full("x-1", 0));

            assertThatThrownBy(() -> save.apply(minimal("x-1", 0))).isInstanceOf(StaleRecordException.class);

            assertStored(find(TENANT, "x-1"), first);
        }

        void checkUpdateOfMissingRecordFails() {
            assertThatThrownBy(() -> save.apply(full("x-1", 3))).isInstanceOf(StaleRecordException.class);

            assertThat(find(TENANT, "x-1")).isEmpty();
        }

        void checkRefusalNamesTheRecord() {
            T v1 = save.apply(minimal("x-1", 0));
            save.apply(v1);

            assertThatThrownBy(() -> save.apply(v1)).isInstanceOfSatisfying(StaleRecordException.class, e -> {
                assertThat(e.recordType()).isEqualTo(recordType);
                assertThat(e.recordId()).isEqualTo("x-1");
                assertThat(e.expectedVersion()).isEqualTo(1);
            });
        }

        void checkConcurrentUpdates() throws InterruptedException {
            save.apply(full("x-1", 0));
            // What the record names exists now: the threads go straight through the port, and race only there.
            List<Callable<T>> updates = IntStream.range(0, 4)
                    .<Callable<T>>mapToObj(i -> () -> saveThroughPortOnly.apply(full("x-1", 1)))
                    .toList();

            List<Object> outcomes = race(updates);

            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).containsExactly(full("x-1", 2));
            assertStored(find(TENANT, "x-1"), full("x-1", 2));
        }

        void checkOtherTenantCannotUpdate() {
            T stored = save.apply(full("x-1", 0));

            // Through the port alone: what the record names exists only in the tenant it belongs to.
            assertThatThrownBy(() -> saveThroughPortOnly.apply(versioned.apply(full.apply(OTHER_TENANT, "x-1"), 1L)))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(find(OTHER_TENANT, "x-1")).isEmpty();
            assertStored(find(TENANT, "x-1"), stored);
        }

        private T full(String id, long version) {
            return versioned.apply(full.apply(TENANT, id), version);
        }

        private T minimal(String id, long version) {
            return versioned.apply(minimal.apply(TENANT, id), version);
        }
    }

    /** The five versioned ports. */
    private List<Port<?>> ports() {
        return List.of(
                new Port<Lead>(Lead.RECORD_TYPE, TestRecords::lead, TestRecords::minimalLead,
                        this::save, lead -> store.leads().save(lead),
                        (tenant, id) -> store.leads().find(tenant, new LeadId(id)),
                        SalesStoreCompatibilityKit::versioned),
                new Port<Opportunity>(Opportunity.RECORD_TYPE, (tenant, id) -> opportunity(tenant, id, C1),
                        (tenant, id) -> minimalOpportunity(tenant, id, C1),
                        this::save, opportunity -> store.opportunities().save(opportunity),
                        (tenant, id) -> store.opportunities().find(tenant, new OpportunityId(id)),
                        (opportunity, version) -> opportunity.toBuilder().version(version).build()),
                new Port<Quote>(Quote.RECORD_TYPE, (tenant, id) -> quote(tenant, id, C1),
                        (tenant, id) -> minimalQuote(tenant, id, C1),
                        this::save, quote -> store.quotes().save(quote),
                        (tenant, id) -> store.quotes().find(tenant, new QuoteId(id)),
                        (quote, version) -> quote.toBuilder().version(version).build()),
                new Port<DevelopmentPlan>(DevelopmentPlan.RECORD_TYPE, (tenant, id) -> plan(tenant, id, O1),
                        (tenant, id) -> minimalPlan(tenant, id, O1),
                        this::save, plan -> store.developmentPlans().save(plan),
                        (tenant, id) -> store.developmentPlans().find(tenant, new DevelopmentPlanId(id)),
                        (plan, version) -> plan.toBuilder().version(version).build()),
                new Port<Activity>(Activity.RECORD_TYPE, (tenant, id) -> activity(tenant, id, C1),
                        (tenant, id) -> minimalActivity(tenant, id, C1),
                        this::save, activity -> store.activities().save(activity),
                        (tenant, id) -> store.activities().find(tenant, new ActivityId(id)),
                        (activity, version) -> activity.toBuilder().version(version).build()));
    }

    private Stream<DynamicTest> eachPort(ThrowingConsumer<Port<?>> check) {
        return ports().stream().map(port -> dynamicTest(port.recordType, () -> check.accept(port)));
    }

    /**
     * Checks that the reference {@code matches} selects exactly {@code ids} among the {@code saved} records, and
     * that the store listed those records, as saved, in the order of {@code ids}.
     */
    private static <T> void assertListed(List<T> listed, List<T> saved, Predicate<T> matches, Function<T, String> id,
                                         String... ids) {
        assertThat(saved.stream().filter(matches).map(id)).as("the reference selection")
                .containsExactlyInAnyOrder(ids);
        List<T> expected = Stream.of(ids)
                .map(wanted -> saved.stream().filter(r -> id.apply(r).equals(wanted)).findFirst().orElseThrow())
                .toList();
        assertThat(listed).extracting(id).containsExactly(ids);
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    // Saving a record first saves what it names, so that a store may require that it exists.

    private Lead save(Lead lead) {
        Conversion conversion = lead.conversion();
        if (conversion != null) {
            ensureOpportunity(lead.tenant(), conversion.opportunity(), conversion.customer());
            ensureContact(lead.tenant(), conversion.contact(), conversion.customer());
        }
        return store.leads().save(lead);
    }

    private Opportunity save(Opportunity opportunity) {
        ensureCustomer(opportunity.tenant(), opportunity.customer());
        return store.opportunities().save(opportunity);
    }

    private Quote save(Quote quote) {
        ensureOpportunity(quote.tenant(), quote.opportunity(), quote.customer());
        if (quote.previous() != null && store.quotes().find(quote.tenant(), quote.previous()).isEmpty()) {
            store.quotes().save(minimalQuote(quote.tenant(), quote.previous().value(), quote.customer()));
        }
        return store.quotes().save(quote);
    }

    private DevelopmentPlan save(DevelopmentPlan plan) {
        ensureOpportunity(plan.tenant(), plan.opportunity(), C1);
        return store.developmentPlans().save(plan);
    }

    private Activity save(Activity activity) {
        CustomerId customer = activity.customer() != null ? activity.customer() : C1;
        ensureOpportunity(activity.tenant(), activity.opportunity(), customer);
        ensureContact(activity.tenant(), activity.contact(), customer);
        return store.activities().save(activity);
    }

    private void ensureCustomer(TenantId tenant, CustomerId id) {
        if (store.customers().find(tenant, id).isEmpty()) {
            store.customers().save(minimalCustomer(tenant, id.value(), "Customer " + id));
        }
    }

    private void ensureContact(TenantId tenant, ContactId id, CustomerId customer) {
        ensureCustomer(tenant, customer);
        if (id != null && store.contacts().find(tenant, id).isEmpty()) {
            store.contacts().save(minimalContact(tenant, id.value(), customer, "Contact " + id));
        }
    }

    private void ensureOpportunity(TenantId tenant, OpportunityId id, CustomerId customer) {
        ensureCustomer(tenant, customer);
        if (id != null && store.opportunities().find(tenant, id).isEmpty()) {
            store.opportunities().save(minimalOpportunity(tenant, id.value(), customer));
        }
    }

    /** The fully populated lead of {@link TestRecords#lead} with another owner and status; a lead has no builder. */
    private static Lead leadOf(TenantId tenant, String id, UserId owner, LeadStatus status, String discardReason,
                               Conversion conversion) {
        Lead lead = lead(tenant, id);
        return new Lead(lead.id(), tenant, lead.source(), lead.company(), lead.person(), lead.phone(), lead.email(),
                lead.notes(), owner, status, discardReason, conversion, lead.createdAt(), lead.updatedAt(), 0);
    }

    private static Lead versioned(Lead lead, long version) {
        return new Lead(lead.id(), lead.tenant(), lead.source(), lead.company(), lead.person(), lead.phone(),
                lead.email(), lead.notes(), lead.owner(), lead.status(), lead.discardReason(), lead.conversion(),
                lead.createdAt(), lead.updatedAt(), version);
    }
}
