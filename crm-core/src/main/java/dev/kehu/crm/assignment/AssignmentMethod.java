package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a supervisor wants a batch assigned (O6). The use case turns it into an {@link AssignmentStrategy},
 * supplying what is kept in the store, such as the team's round-robin position.
 */
public sealed interface AssignmentMethod {
    /** The supervisor's own pick for each opportunity. */
    static AssignmentMethod byHand(Map<OpportunityId, UserId> picks) {
        return new ByHandPicks(Map.copyOf(picks));
    }

    /** Turns within the team, continuing from where the team's last batch stopped. */
    static AssignmentMethod roundRobin() {
        return new TakingTurns();
    }

    /** To whoever in the team has the least open work, by count or weighted amount. */
    static AssignmentMethod leastLoaded(LoadMeasure measure) {
        return new LeastLoad(requireNonNull(measure, "measure"));
    }

    /** By territory, industry or source, in the order given; what no rule places goes to {@code fallback}. */
    static AssignmentMethod byRules(List<AssignmentRule> rules, AssignmentMethod fallback) {
        if (fallback instanceof ByHandPicks) throw new IllegalArgumentException("rules fall back to a strategy, not to picks");
        return new Rules(List.copyOf(rules), requireNonNull(fallback, "fallback"));
    }

    record ByHandPicks(Map<OpportunityId, UserId> picks) implements AssignmentMethod {
    }

    record TakingTurns() implements AssignmentMethod {
    }

    record LeastLoad(LoadMeasure measure) implements AssignmentMethod {
    }

    record Rules(List<AssignmentRule> rules, AssignmentMethod fallback) implements AssignmentMethod {
    }

    /**
     * Whether the method compares weighted amounts; only then are amounts converted to the base currency, so a
     * deal in a currency without a rate does not stop the other methods.
     */
    default boolean weighsAmounts() {
        if (this instanceof LeastLoad l) return l.measure() == LoadMeasure.WEIGHTED_AMOUNT;
        return this instanceof Rules r && r.fallback().weighsAmounts();
    }

    /** The strategy for this method, a round robin starting from {@code position}. */
    default AssignmentStrategy strategy(RoundRobinPosition position) {
        if (this instanceof ByHandPicks p) {
            return AssignmentStrategy.byHand(p.picks().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue)));
        }
        if (this instanceof LeastLoad l) return AssignmentStrategy.leastLoaded(l.measure());
        if (this instanceof Rules r) return AssignmentStrategy.byRules(r.rules(), r.fallback().strategy(position));
        return AssignmentStrategy.roundRobin(position);
    }
}
