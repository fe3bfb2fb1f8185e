package dev.kehu.crm.assignment;

import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.UserId;
import java.util.List;
import java.util.Map;

/** The supervisor's pick for each item, refused when that rep cannot take it. */
final class ByHand extends AssignmentStrategy {
    private final Map<String, UserId> picks;

    ByHand(Map<String, UserId> picks) {
        this.picks = Map.copyOf(picks);
        this.picks.keySet().forEach(item -> Identifiers.check(item, "work item id"));
    }

    @Override
    Choice choose(WorkItem item, List<SalesRep> reps, Workload load, RoundRobinPosition position) {
        UserId pick = picks.get(item.id());
        if (pick == null) return Choice.refused(Unassigned.NOT_PICKED);
        SalesRep rep = reps.stream().filter(r -> r.user().equals(pick)).findFirst().orElse(null);
        if (rep == null) return Choice.refused(Unassigned.REP_UNKNOWN);
        if (!rep.active()) return Choice.refused(Unassigned.REP_INACTIVE);
        if (rep.absent()) return Choice.refused(Unassigned.REP_ABSENT);
        if (!rep.canTakeOneMore(load)) return Choice.refused(Unassigned.OVER_CAP);
        return Choice.to(rep);
    }

    @Override
    public String toString() {
        return "by hand " + picks;
    }

    @Override
    RoundRobinPosition startingPosition() {
        return null;
    }
}
