package dev.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Fairness, caps and skills of ticket assignment, over random desks and runs of tickets. */
class TicketAssignmentPropertiesTest {
    private static final List<String> SKILLS = List.of("printer", "network", "billing");

    @Provide
    Arbitrary<List<ServiceAgent>> desks() {
        Arbitrary<ServiceAgent> agent = Combinators.combine(
                Arbitraries.integers().between(0, 99).map(i -> new UserId("agent-" + i)),
                Arbitraries.of(SKILLS).set().ofMaxSize(3),
                Arbitraries.of(true, true, true, false), Arbitraries.of(false, false, false, true),
                Arbitraries.integers().between(0, 6).injectNull(0.5))
                .as(ServiceAgent::new);
        return agent.list().ofMaxSize(8).uniqueElements(ServiceAgent::user);
    }

    @Provide
    Arbitrary<String> skills() {
        return Arbitraries.of(SKILLS).injectNull(0.2);
    }

    /** Runs {@code n} tickets through a strategy; each one assigned counts as open for its agent. */
    private static Map<UserId, Integer> run(int n, String skill, List<ServiceAgent> agents, boolean roundRobin,
                                           Map<UserId, Integer> start, List<UserId> chosen) {
        Map<UserId, Integer> load = new HashMap<>(start);
        UserId last = null;
        for (int i = 0; i < n; i++) {
            TicketAssignment.Choice choice = roundRobin
                    ? TicketAssignment.roundRobin(skill, agents, load, last)
                    : TicketAssignment.leastLoaded(skill, agents, load);
            boolean somebodyCould = agents.stream().anyMatch(a -> a.has(skill) && a.canTakeOneMore(load));
            assertThat(choice.agent().isPresent()).as("chosen exactly when somebody can take it").isEqualTo(somebodyCould);
            if (choice.agent().isPresent()) {
                UserId agent = choice.agent().get();
                ServiceAgent who = agents.stream().filter(a -> a.user().equals(agent)).findFirst().orElseThrow();
                assertThat(who.has(skill) && who.available()).as("only available agents with the skill").isTrue();
                if (!roundRobin) {
                    int least = agents.stream().filter(a -> a.has(skill) && a.canTakeOneMore(load))
                            .mapToInt(a -> load.getOrDefault(a.user(), 0)).min().orElseThrow();
                    assertThat(load.getOrDefault(agent, 0)).as("the least loaded").isEqualTo(least);
                }
                load.merge(agent, 1, Integer::sum);
                chosen.add(agent);
                last = choice.last();
            }
        }
        return load;
    }

    @Property(tries = 400)
    @Label("only available agents with the skill are chosen, nobody beyond their cap, and a ticket waits only when nobody can take it")
    void capsAndSkills(@ForAll("desks") List<ServiceAgent> agents, @ForAll("skills") String skill,
                       @ForAll @IntRange(max = 30) int tickets, @ForAll boolean roundRobin) {
        Map<UserId, Integer> start = new HashMap<>();
        agents.forEach(a -> start.put(a.user(), a.user().value().length() % 3));
        Map<UserId, Integer> load = run(tickets, skill, agents, roundRobin, start, new ArrayList<>());
        for (ServiceAgent agent : agents) {
            int before = start.get(agent.user());
            int after = load.get(agent.user());
            if (after > before && agent.cap() != null) assertThat(after).isLessThanOrEqualTo(agent.cap());
        }
    }

    @Property(tries = 300)
    @Label("without caps, round robin gives every eligible agent one ticket in each round")
    void roundRobinIsFair(@ForAll("desks") List<ServiceAgent> agents, @ForAll("skills") String skill,
                          @ForAll @IntRange(max = 40) int tickets) {
        List<ServiceAgent> uncapped = agents.stream()
                .map(a -> new ServiceAgent(a.user(), a.skills(), a.active(), a.absent(), null)).toList();
        List<UserId> chosen = new ArrayList<>();
        run(tickets, skill, uncapped, true, Map.of(), chosen);
        Set<UserId> eligible = Set.copyOf(uncapped.stream().filter(a -> a.has(skill) && a.available())
                .map(ServiceAgent::user).toList());
        int k = eligible.size();
        if (k == 0) {
            assertThat(chosen).isEmpty();
            return;
        }
        // Every window of k consecutive tickets goes to k different agents.
        IntStream.rangeClosed(0, chosen.size() - k).forEach(i ->
                assertThat(Set.copyOf(chosen.subList(i, i + k))).hasSize(k));
    }

    @Property(tries = 300)
    @Label("without caps and from equal loads, least loaded keeps the eligible agents within one ticket of each other")
    void leastLoadedIsFair(@ForAll("desks") List<ServiceAgent> agents, @ForAll("skills") String skill,
                           @ForAll @IntRange(max = 40) int tickets) {
        List<ServiceAgent> uncapped = agents.stream()
                .map(a -> new ServiceAgent(a.user(), a.skills(), a.active(), a.absent(), null)).toList();
        Map<UserId, Integer> load = run(tickets, skill, uncapped, false, Map.of(), new ArrayList<>());
        List<Integer> eligibleLoads = uncapped.stream().filter(a -> a.has(skill) && a.available())
                .map(a -> load.getOrDefault(a.user(), 0)).toList();
        if (eligibleLoads.isEmpty()) return;
        int spread = eligibleLoads.stream().mapToInt(i -> i).max().orElseThrow()
                - eligibleLoads.stream().mapToInt(i -> i).min().orElseThrow();
        assertThat(spread).isLessThanOrEqualTo(1);
    }
}
