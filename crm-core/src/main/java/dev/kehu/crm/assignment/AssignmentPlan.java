package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a strategy decided for a batch, in batch order: the rep of each assigned item, the reason each other
 * item was left alone, the load once the batch is assigned and, when the strategy takes turns, the round
 * robin's new position to store. Every item of the batch is in exactly one of the two lists. Nothing has
 * happened yet: the use case saves the owners, the position and the audit entries together.
 *
 * @param position the round robin's position after this batch, empty when the strategy takes no turns
 */
public record AssignmentPlan(List<Assigned> assigned, List<Unassigned> unassigned, Workload load,
                             Optional<RoundRobinPosition> position) {
    public AssignmentPlan {
        assigned = List.copyOf(assigned);
        unassigned = List.copyOf(unassigned);
        requireNonNull(load, "load");
        requireNonNull(position, "position");
        Set<String> items = new HashSet<>();
        for (String item : assigned.stream().map(Assigned::item).toList()) requireOnce(items, item);
        for (String item : unassigned.stream().map(Unassigned::item).toList()) requireOnce(items, item);
    }

    private static void requireOnce(Set<String> items, String item) {
        if (!items.add(item)) throw new IllegalArgumentException("item " + item + " is in the plan twice");
    }

    /** The rep the plan gives {@code item} to, if any. */
    public Optional<UserId> repFor(String item) {
        return assigned.stream().filter(a -> a.item().equals(item)).map(Assigned::rep).findFirst();
    }

    /** An item and the one account manager it goes to. */
    public record Assigned(String item, UserId rep) {
        public Assigned {
            Identifiers.check(item, "work item id");
            requireNonNull(rep, "rep");
        }
    }

    /**
     * An item the strategy could not assign, and why, as a message code whose message takes the item's id as
     * its argument.
     */
    public record Unassigned(String item, String reason) {
        /** No available rep (active, not absent, in the team) could take the item. */
        public static final String NOBODY_AVAILABLE = "assignment.nobody-available";
        /** Every rep who could take the item has reached their cap. */
        public static final String OVER_CAP = "assignment.over-cap";
        /** By hand: the supervisor chose nobody for the item. */
        public static final String NOT_PICKED = "assignment.not-picked";
        /** By hand: the chosen person is not one of the account managers given to the strategy. */
        public static final String REP_UNKNOWN = "assignment.rep-unknown";
        /** By hand: the chosen rep is inactive. */
        public static final String REP_INACTIVE = "assignment.rep-inactive";
        /** By hand: the chosen rep is absent. */
        public static final String REP_ABSENT = "assignment.rep-absent";

        public Unassigned {
            Identifiers.check(item, "work item id");
            requireNonNull(reason, "reason");
        }
    }
}
