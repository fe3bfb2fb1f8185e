package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The first rule that places an item decides who may take it; the fallback takes the rest. */
final class ByRules extends AssignmentStrategy {
    private static final LeastLoaded FEWEST_OPEN = new LeastLoaded(LoadMeasure.OPEN_COUNT);

    private final List<AssignmentRule> rules;
    private final AssignmentStrategy fallback;

    ByRules(List<AssignmentRule> rules, AssignmentStrategy fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = requireNonNull(fallback, "fallback");
    }

    @Override
    Choice choose(WorkItem item, List<SalesRep> reps, Workload load, RoundRobinPosition position) {
        for (AssignmentRule rule : rules) {
            List<SalesRep> covering = reps.stream().filter(rep -> rule.matches(rep, item)).toList();
            if (covering.stream().anyMatch(rep -> rep.canTakeOneMore(load))) {
                return FEWEST_OPEN.choose(item, covering, load, position);
            }
        }
        return fallback.choose(item, reps, load, position);
    }

    @Override
    public String toString() {
        return "by rules " + rules + ", else " + fallback;
    }

    @Override
    RoundRobinPosition startingPosition() {
        return fallback.startingPosition();
    }
}
