package dev.kehu.crm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.assignment.AssignmentPlan.Assigned;
import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.TeamId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The invariants of assignment, over random teams, loads, batches and strategies. */
class AssignmentPropertiesTest {
    private static final List<TeamId> TEAMS = List.of(Fixtures.EAST, Fixtures.WEST);

    /** One call of a strategy. */
    record Scenario(List<WorkItem> batch, List<SalesRep> reps, Workload load, AssignmentStrategy strategy) {
        AssignmentPlan plan() {
            return strategy.assign(batch, reps, load);
        }
    }

    // ---- invariants of every strategy

    @Property(tries = 500)
    @Label("nobody is ever given an item beyond their cap")
    void nobodyOverCap(@ForAll("scenarios") Scenario s) {
        assertNobodyOverCap(s, s.plan());
    }

    @Property(tries = 500)
    @Label("inactive and absent reps, and people who are not reps, are never chosen")
    void onlyAvailableRepsChosen(@ForAll("scenarios") Scenario s) {
        assertOnlyAvailableRepsChosen(s, s.plan());
    }

    @Property(tries = 500)
    @Label("every item of the batch is either assigned to one rep or left with a reason, exactly once, in batch order")
    void everyItemOnce(@ForAll("scenarios") Scenario s) {
        assertEveryItemOnce(s, s.plan());
    }

    @Property(tries = 500)
    @Label("the plan's load is the given load plus each assigned item on its rep")
    void loadGrowsByAssignedItems(@ForAll("scenarios") Scenario s) {
        assertLoadGrowsByAssignedItems(s, s.plan());
    }

    @Property(tries = 500)
    @Label("the same inputs give the same plan, whatever the order of the reps")
    void deterministic(@ForAll("scenarios") Scenario s, @ForAll Random random) {
        List<SalesRep> shuffled = new ArrayList<>(s.reps());
        Collections.shuffle(shuffled, random);

        AssignmentPlan plan = s.plan();

        assertThat(s.plan()).isEqualTo(plan);
        assertThat(s.strategy().assign(s.batch(), shuffled, s.load())).isEqualTo(plan);
    }

    @Property(tries = 10)
    @Label("a batch of 1,000 items over 20 reps keeps every invariant")
    void thousandItemsOverTwentyReps(@ForAll("thousandItemScenarios") Scenario s) {
        AssignmentPlan plan = s.plan();

        assertNobodyOverCap(s, plan);
        assertOnlyAvailableRepsChosen(s, plan);
        assertEveryItemOnce(s, plan);
        assertLoadGrowsByAssignedItems(s, plan);
    }

    // ---- round robin

    @Property(tries = 500)
    @Label("round robin without caps gives every available team member a count within one of the others, and assigns all when anyone is available")
    void roundRobinIsFair(@ForAll("uncappedReps") List<SalesRep> reps, @ForAll("positions") RoundRobinPosition position,
                          @ForAll @IntRange(max = 80) int size) {
        AssignmentPlan plan = AssignmentStrategy.roundRobin(position).assign(Fixtures.items(size), reps,
                Workload.none(Money.CNY));

        List<UserId> eligible = eligibleMembers(reps, position.team());
        assertFair(Fixtures.countsPerRep(plan), eligible);
        assertThat(plan.assigned()).hasSize(eligible.isEmpty() ? 0 : size);
    }

    @Property(tries = 500)
    @Label("round robin over a batch split into parts, each starting from the previous plan's position, stays fair and equals the whole batch")
    void roundRobinResumesFairly(@ForAll("uncappedReps") List<SalesRep> reps,
                                 @ForAll("positions") RoundRobinPosition start,
                                 @ForAll("splits") List<Integer> partSizes) {
        List<WorkItem> all = Fixtures.items(partSizes.stream().mapToInt(Integer::intValue).sum());
        List<Assigned> inParts = new ArrayList<>();
        RoundRobinPosition position = start;
        Workload load = Workload.none(Money.CNY);
        int from = 0;
        for (int partSize : partSizes) {
            AssignmentPlan plan = AssignmentStrategy.roundRobin(position).assign(all.subList(from, from + partSize), reps, load);
            inParts.addAll(plan.assigned());
            position = plan.position().orElseThrow();
            load = plan.load();
            from += partSize;
        }

        Map<String, Long> counts = inParts.stream()
                .collect(Collectors.groupingBy(a -> a.rep().value(), Collectors.counting()));
        assertFair(counts, eligibleMembers(reps, start.team()));
        assertThat(inParts).isEqualTo(AssignmentStrategy.roundRobin(start).assign(all, reps, Workload.none(Money.CNY)).assigned());
    }

    // ---- least loaded

    @Property(tries = 500)
    @Label("least loaded never gives an item to a rep with strictly more load than another rep who could take it at that moment")
    void leastLoadedPicksTheLightest(@ForAll("scenarios") Scenario s, @ForAll LoadMeasure measure) {
        AssignmentPlan plan = AssignmentStrategy.leastLoaded(measure).assign(s.batch(), s.reps(), s.load());

        Map<String, WorkItem> items = s.batch().stream().collect(Collectors.toMap(WorkItem::id, Function.identity()));
        Workload load = s.load();
        for (Assigned assigned : plan.assigned()) {
            Workload now = load;
            SalesRep chosen = s.reps().stream().filter(r -> r.user().equals(assigned.rep())).findFirst().orElseThrow();
            s.reps().stream().filter(r -> r.canTakeOneMore(now)).forEach(other -> {
                if (measure == LoadMeasure.OPEN_COUNT) {
                    assertThat(now.countOf(chosen.user())).isLessThanOrEqualTo(now.countOf(other.user()));
                } else {
                    assertThat(now.amountOf(chosen.user())).isLessThanOrEqualTo(now.amountOf(other.user()));
                }
            });
            load = load.plus(assigned.rep(), items.get(assigned.item()).weightedAmount());
        }
    }

    // ---- checks

    private static void assertNobodyOverCap(Scenario s, AssignmentPlan plan) {
        Map<String, Long> received = Fixtures.countsPerRep(plan);
        for (SalesRep rep : s.reps()) {
            if (rep.cap() != null && received.containsKey(rep.user().value())) {
                assertThat(plan.load().countOf(rep.user())).as("open count of %s", rep.user()).isLessThanOrEqualTo(rep.cap());
            }
        }
    }

    private static void assertOnlyAvailableRepsChosen(Scenario s, AssignmentPlan plan) {
        for (Assigned assigned : plan.assigned()) {
            assertThat(s.reps()).filteredOn(rep -> rep.user().equals(assigned.rep())).singleElement()
                    .matches(SalesRep::available, "available");
        }
    }

    private static void assertEveryItemOnce(Scenario s, AssignmentPlan plan) {
        List<String> assigned = plan.assigned().stream().map(Assigned::item).toList();
        List<String> left = plan.unassigned().stream().map(Unassigned::item).toList();
        List<String> batch = s.batch().stream().map(WorkItem::id).toList();
        List<String> both = new ArrayList<>(assigned);
        both.addAll(left);

        assertThat(both).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(assigned).isEqualTo(batch.stream().filter(assigned::contains).toList());
        assertThat(left).isEqualTo(batch.stream().filter(left::contains).toList());
    }

    private static void assertLoadGrowsByAssignedItems(Scenario s, AssignmentPlan plan) {
        Map<String, WorkItem> items = s.batch().stream().collect(Collectors.toMap(WorkItem::id, Function.identity()));
        for (SalesRep rep : s.reps()) {
            List<WorkItem> received = plan.assigned().stream().filter(a -> a.rep().equals(rep.user()))
                    .map(a -> items.get(a.item())).toList();
            Money amount = received.stream().map(WorkItem::weightedAmount)
                    .reduce(s.load().amountOf(rep.user()), Money::plus);
            assertThat(plan.load().countOf(rep.user())).isEqualTo(s.load().countOf(rep.user()) + received.size());
            assertThat(plan.load().amountOf(rep.user())).isEqualTo(amount);
        }
    }

    private static List<UserId> eligibleMembers(List<SalesRep> reps, TeamId team) {
        return reps.stream().filter(rep -> rep.available() && rep.teams().contains(team)).map(SalesRep::user).toList();
    }

    /** Only the eligible got items, and their counts (zero included) differ by at most one. */
    private static void assertFair(Map<String, Long> counts, List<UserId> eligible) {
        assertThat(eligible.stream().map(UserId::value).toList()).containsAll(counts.keySet());
        List<Long> perEligible = eligible.stream().map(user -> counts.getOrDefault(user.value(), 0L)).toList();
        if (!perEligible.isEmpty()) {
            assertThat(Collections.max(perEligible) - Collections.min(perEligible)).isLessThanOrEqualTo(1);
        }
    }

    // ---- generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(items(60), repsWithCaps(12));
    }

    @Provide
    Arbitrary<Scenario> thousandItemScenarios() {
        Arbitrary<List<SalesRep>> twentyReps = salesReps(Arbitraries.integers().between(0, 60).injectNull(0.3))
                .list().ofSize(20).uniqueElements(SalesRep::user);
        return scenarios(itemAttributes().list().ofSize(1000).map(AssignmentPropertiesTest::numbered), twentyReps);
    }

    private static Arbitrary<Scenario> scenarios(Arbitrary<List<WorkItem>> batches, Arbitrary<List<SalesRep>> reps) {
        return Combinators.combine(batches, reps, loads()).flatAs((batch, team, load) -> strategies(batch, team)
                .map(strategy -> new Scenario(batch, team, load, strategy)));
    }

    @Provide
    Arbitrary<List<SalesRep>> uncappedReps() {
        return salesReps(Arbitraries.just(null)).list().ofMinSize(1).ofMaxSize(12).uniqueElements(SalesRep::user);
    }

    @Provide
    Arbitrary<RoundRobinPosition> positions() {
        return Combinators.combine(Arbitraries.of(TEAMS), userIds().injectNull(0.3)).as(RoundRobinPosition::new);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(0, 15).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Arbitrary<UserId> userIds() {
        return Arbitraries.integers().between(0, 24).map(i -> new UserId(String.format("u%02d", i)));
    }

    private static Arbitrary<List<SalesRep>> repsWithCaps(int maxSize) {
        return salesReps(Arbitraries.integers().between(0, 8).injectNull(0.4)).list().ofMinSize(1)
                .ofMaxSize(maxSize).uniqueElements(SalesRep::user);
    }

    private static Arbitrary<SalesRep> salesReps(Arbitrary<Integer> caps) {
        Arbitrary<Boolean> mostlyTrue = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(true)),
                Tuple.of(1, Arbitraries.just(false)));
        return Combinators.combine(userIds(), Arbitraries.of(TEAMS).set().ofMinSize(1), mostlyTrue, mostlyTrue.map(b -> !b),
                        codes("north", "south", "huadong"), codes("it", "retail", "energy"), codes("web", "fair"), caps)
                .as(SalesRep::new);
    }

    private static Arbitrary<Set<String>> codes(String... codes) {
        return Arbitraries.of(codes).set();
    }

    /** A work item without its id yet: the id comes from its place in the batch. */
    private static Arbitrary<Function<String, WorkItem>> itemAttributes() {
        Arbitrary<Money> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2)
                .map(amount -> Money.of(amount, Money.CNY));
        return Combinators.combine(Arbitraries.of("north", "south", "huadong").injectNull(0.2),
                        Arbitraries.of("it", "retail", "energy").injectNull(0.2), Arbitraries.of("web", "fair").injectNull(0.2),
                        amounts)
                .as((territory, industry, source, amount) -> id -> new WorkItem(id, territory, industry, source, amount));
    }

    private static List<WorkItem> numbered(List<Function<String, WorkItem>> items) {
        return IntStream.range(0, items.size()).mapToObj(i -> items.get(i).apply(itemId(i))).toList();
    }

    private static String itemId(int index) {
        return String.format("o%04d", index);
    }

    private static Arbitrary<List<WorkItem>> items(int maxSize) {
        return itemAttributes().list().ofMinSize(1).ofMaxSize(maxSize).map(AssignmentPropertiesTest::numbered);
    }

    private static Arbitrary<Workload> loads() {
        Arbitrary<Money> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500000")).ofScale(2)
                .map(amount -> Money.of(amount, Money.CNY));
        return Combinators.combine(Arbitraries.maps(userIds(), Arbitraries.integers().between(0, 10)).ofMaxSize(15),
                        Arbitraries.maps(userIds(), amounts).ofMaxSize(15))
                .as((counts, weighted) -> new Workload(Money.CNY, counts, weighted));
    }

    private static Arbitrary<AssignmentStrategy> strategies(List<WorkItem> batch, List<SalesRep> reps) {
        Arbitrary<AssignmentStrategy> leaves = Arbitraries.oneOf(byHand(batch, reps),
                Combinators.combine(Arbitraries.of(TEAMS), userIds().injectNull(0.3))
                        .as(RoundRobinPosition::new).map(AssignmentStrategy::roundRobin),
                Arbitraries.of(LoadMeasure.class).map(AssignmentStrategy::leastLoaded));
        Arbitrary<AssignmentStrategy> rules = Combinators.combine(Arbitraries.of(AssignmentRule.class).list().ofMaxSize(3),
                leaves).as(AssignmentStrategy::byRules);
        return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(1, rules));
    }

    /** Picks of mostly the given reps, sometimes of strangers, for most items of the batch. */
    private static Arbitrary<AssignmentStrategy> byHand(List<WorkItem> batch, List<SalesRep> reps) {
        Arbitrary<UserId> someone = reps.isEmpty() ? userIds()
                : Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(reps).map(SalesRep::user)), Tuple.of(1, userIds()));
        return someone.injectNull(0.1).list().ofSize(batch.size()).map(users -> {
            Map<String, UserId> picks = new HashMap<>();
            for (int i = 0; i < users.size(); i++) {
                if (users.get(i) != null) picks.put(batch.get(i).id(), users.get(i));
            }
            return AssignmentStrategy.byHand(picks);
        });
    }
}
