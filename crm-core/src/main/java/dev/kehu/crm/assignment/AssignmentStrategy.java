package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.assignment.AssignmentPlan.Assigned;
import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.common.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a sales supervisor assigns a batch of opportunities to account managers (O6). A strategy is an
 * immutable value and {@link #assign} a pure function: the same batch, reps and load always give the same
 * plan, whatever the order of the reps, and nothing is kept between calls — a round robin's turn comes in
 * with {@link #roundRobin(RoundRobinPosition)} and goes out in {@link AssignmentPlan#position()}.
 *
 * <p>Whatever the strategy, every item gets at most one rep, an inactive or absent rep is never chosen, and
 * nobody is given an item once they hold {@link SalesRep#cap()} open opportunities. Items are taken in batch
 * order and the load grows with each one, so a large batch spreads out and respects caps. Ties go to the
 * smallest user id.
 */
public abstract sealed class AssignmentStrategy permits ByHand, RoundRobin, LeastLoaded, ByRules {
    AssignmentStrategy() {
    }

    /**
     * The supervisor's own choice for each item. An item without a pick, or whose pick is unknown, inactive,
     * absent or at their cap, is left unassigned with the reason.
     */
    public static AssignmentStrategy byHand(Map<String, UserId> picks) {
        return new ByHand(picks);
    }

    /**
     * Turns among the available members of the position's team who are below their cap, in user-id order,
     * starting after the position's last rep. Over any run of items — one batch or several, each started from
     * the previous plan's position — the reps who stay eligible get counts that differ by at most one.
     */
    public static AssignmentStrategy roundRobin(RoundRobinPosition position) {
        return new RoundRobin(position);
    }

    /** Each item to the available rep below their cap with the least load at that moment. */
    public static AssignmentStrategy leastLoaded(LoadMeasure measure) {
        return new LeastLoaded(measure);
    }

    /**
     * Each item to the reps covering it under the first rule, in the given order, that matches a rep who can
     * take it; among those, the one with the fewest open opportunities. Items no rule places go to
     * {@code fallback}.
     */
    public static AssignmentStrategy byRules(List<AssignmentRule> rules, AssignmentStrategy fallback) {
        return new ByRules(rules, fallback);
    }

    /**
     * Plans the assignment of {@code batch}.
     *
     * @param batch the items to assign, each id once
     * @param reps  the account managers who may be chosen, each user once
     * @param load  their open work, not counting the items of the batch
     * @throws dev.kehu.crm.common.CurrencyMismatchException when an item's weighted amount is not in the
     *                                                       load's currency; nothing is planned
     */
    public final AssignmentPlan assign(List<WorkItem> batch, List<SalesRep> reps, Workload load) {
        requireNonNull(load, "load");
        checkBatch(batch, load);
        List<SalesRep> candidates = inUserIdOrder(reps);
        RoundRobinPosition position = startingPosition();
        List<Assigned> assigned = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        for (WorkItem item : batch) {
            Choice choice = choose(item, candidates, load, position);
            if (choice.rep() == null) {
                unassigned.add(new Unassigned(item.id(), choice.refusal()));
                continue;
            }
            UserId rep = choice.rep().user();
            assigned.add(new Assigned(item.id(), rep));
            load = load.plus(rep, item.weightedAmount());
            if (choice.inTurn()) position = position.after(rep);
        }
        return new AssignmentPlan(assigned, unassigned, load, Optional.ofNullable(position));
    }

    /** The choice for one item, given the reps in user-id order, the load so far and the round robin's turn. */
    abstract Choice choose(WorkItem item, List<SalesRep> reps, Workload load, RoundRobinPosition position);

    /** The round robin's position this strategy starts from, or {@code null} when it takes no turns. */
    abstract RoundRobinPosition startingPosition();

    private static void checkBatch(List<WorkItem> batch, Workload load) {
        Set<String> ids = new HashSet<>();
        for (WorkItem item : batch) {
            if (!ids.add(item.id())) throw new IllegalArgumentException("item " + item.id() + " is in the batch twice");
            Workload.requireCurrency(load.currency(), item.weightedAmount());
        }
    }

    private static List<SalesRep> inUserIdOrder(List<SalesRep> reps) {
        List<SalesRep> sorted = reps.stream().sorted(Comparator.comparing(rep -> rep.user().value())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).user().equals(sorted.get(i - 1).user())) {
                throw new IllegalArgumentException("rep " + sorted.get(i).user() + " is given twice");
            }
        }
        return sorted;
    }
}
