package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The eligible rep with the least load at that moment; equal loads in user-id order. */
final class LeastLoaded extends AssignmentStrategy {
    private final LoadMeasure measure;

    LeastLoaded(LoadMeasure measure) {
        this.measure = requireNonNull(measure, "measure");
    }

    @Override
    Choice choose(WorkItem item, List<SalesRep> reps, Workload load, RoundRobinPosition position) {
        return reps.stream().filter(rep -> rep.canTakeOneMore(load)).min(measure.lightestFirst(load))
                .map(Choice::to).orElseGet(() -> Choice.noneOf(reps));
    }

    @Override
    public String toString() {
        return "least loaded by " + measure;
    }

    @Override
    RoundRobinPosition startingPosition() {
        return null;
    }
}
