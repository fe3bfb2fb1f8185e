package dev.kehu.crm.assignment;

import java.util.List;

/** A strategy's answer for one item: the rep, or the reason there is none; {@code inTurn} when a round robin chose. */
record Choice(SalesRep rep, String refusal, boolean inTurn) {
    static Choice to(SalesRep rep) {
        return new Choice(rep, null, false);
    }

    static Choice inTurnTo(SalesRep rep) {
        return new Choice(rep, null, true);
    }

    static Choice refused(String reason) {
        return new Choice(null, reason, false);
    }

    /** Why none of {@code reps} can take one more item: all full, or nobody available at all. */
    static Choice noneOf(List<SalesRep> reps) {
        return refused(reps.stream().anyMatch(SalesRep::available)
                ? AssignmentPlan.Unassigned.OVER_CAP : AssignmentPlan.Unassigned.NOBODY_AVAILABLE);
    }
}
