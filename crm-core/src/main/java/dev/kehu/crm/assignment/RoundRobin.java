package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Turns among a team's eligible members in user-id order, after the last one served. */
final class RoundRobin extends AssignmentStrategy {
    private final RoundRobinPosition start;

    RoundRobin(RoundRobinPosition start) {
        this.start = requireNonNull(start, "position");
    }

    @Override
    Choice choose(WorkItem item, List<SalesRep> reps, Workload load, RoundRobinPosition position) {
        List<SalesRep> team = reps.stream().filter(rep -> rep.teams().contains(position.team())).toList();
        List<SalesRep> eligible = team.stream().filter(rep -> rep.canTakeOneMore(load)).toList();
        if (eligible.isEmpty()) return Choice.noneOf(team);
        String last = position.last() == null ? null : position.last().value();
        SalesRep next = eligible.stream().filter(rep -> last == null || rep.user().value().compareTo(last) > 0)
                .findFirst().orElse(eligible.get(0));
        return Choice.inTurnTo(next);
    }

    @Override
    public String toString() {
        return "round robin from " + start;
    }

    @Override
    RoundRobinPosition startingPosition() {
        return start;
    }
}
