package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.UserId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who takes a ticket (S1): chosen by hand, in turns (round robin) or by the fewest open tickets, always among
 * the agents who have the skill the ticket needs, are available and below their cap. Pure: the caller passes
 * the agents, their open-ticket counts and the round robin's position, and stores the new position.
 *
 * <p>Like the sales round robin, the position is the last agent served, not an index, so agents joining,
 * leaving or reaching their cap between two tickets neither skip nor repeat anybody. The caller keeps one
 * position per pool it takes turns in (per skill, say). Equal loads go in user-id order.
 */
public final class TicketAssignment {
    /** No agent has the skill the ticket needs; the argument is the skill. */
    public static final String NOBODY_SKILLED = "service.assignment.nobody-skilled";
    /** Agents have the skill, but none of them is available. */
    public static final String NOBODY_AVAILABLE = "service.assignment.nobody-available";
    /** Every available agent with the skill has reached their cap. */
    public static final String OVER_CAP = "service.assignment.over-cap";
    /** By hand: the person chosen is not a service agent. */
    public static final String NOT_AN_AGENT = "service.assignment.not-an-agent";
    /** By hand: the agent chosen is inactive or absent. */
    public static final String UNAVAILABLE = "service.assignment.unavailable";
    /** By hand: the agent chosen lacks the skill. */
    public static final String UNSKILLED = "service.assignment.unskilled";
    /** By hand: the agent chosen has reached their cap. */
    public static final String AGENT_OVER_CAP = "service.assignment.agent-over-cap";

    private TicketAssignment() {
    }

    /**
     * The outcome of an automatic choice.
     *
     * @param agent   the agent chosen, empty when refused
     * @param refusal why nobody was chosen, or {@link Decision#allow()}
     * @param last    the round robin's position after this choice: the agent chosen, or the position given when
     *                nobody was (for least-loaded choices, the position given, which may be {@code null})
     */
    public record Choice(Optional<UserId> agent, Decision refusal, UserId last) {
        public Choice {
            requireNonNull(agent, "agent");
            requireNonNull(refusal, "refusal");
            if (agent.isPresent() != refusal.allowed()) {
                throw new IllegalArgumentException("a choice either names an agent or says why not");
            }
        }
    }

    /**
     * The next agent in user-id order after {@code last} (wrapping around; from the start when {@code last}
     * is {@code null}) who can take a ticket needing {@code skill}.
     */
    public static Choice roundRobin(String skill, List<ServiceAgent> agents, Map<UserId, Integer> openTickets,
                                    UserId last) {
        List<ServiceAgent> eligible = eligible(skill, agents, openTickets);
        if (eligible.isEmpty()) return new Choice(Optional.empty(), noneOf(skill, agents, openTickets), last);
        ServiceAgent next = eligible.stream()
                .filter(agent -> last == null || agent.user().value().compareTo(last.value()) > 0)
                .findFirst().orElse(eligible.get(0));
        return new Choice(Optional.of(next.user()), Decision.allow(), next.user());
    }

    /** The agent with the fewest open tickets who can take a ticket needing {@code skill}; ties in user-id order. */
    public static Choice leastLoaded(String skill, List<ServiceAgent> agents, Map<UserId, Integer> openTickets) {
        return eligible(skill, agents, openTickets).stream()
                .min(Comparator.comparingInt((ServiceAgent agent) -> agent.load(openTickets)))
                .map(agent -> new Choice(Optional.of(agent.user()), Decision.allow(), null))
                .orElseGet(() -> new Choice(Optional.empty(), noneOf(skill, agents, openTickets), null));
    }

    /**
     * Whether a supervisor may give a ticket needing {@code skill} to {@code chosen}: the same conditions as
     * the automatic choices, so that a ticket never goes to somebody who could not handle it.
     */
    public static Decision byHand(UserId chosen, String skill, List<ServiceAgent> agents,
                                  Map<UserId, Integer> openTickets) {
        requireNonNull(chosen, "chosen");
        Optional<ServiceAgent> found = distinct(agents).stream().filter(a -> a.user().equals(chosen)).findFirst();
        if (found.isEmpty()) return Decision.refuse(NOT_AN_AGENT, chosen.value());
        ServiceAgent agent = found.get();
        if (!agent.available()) return Decision.refuse(UNAVAILABLE, chosen.value());
        if (!agent.has(skill)) return Decision.refuse(UNSKILLED, chosen.value(), skill);
        if (!agent.canTakeOneMore(openTickets)) return Decision.refuse(AGENT_OVER_CAP, chosen.value(), agent.cap());
        return Decision.allow();
    }

    private static List<ServiceAgent> eligible(String skill, List<ServiceAgent> agents, Map<UserId, Integer> openTickets) {
        return distinct(agents).stream().filter(agent -> agent.has(skill) && agent.canTakeOneMore(openTickets))
                .sorted(Comparator.comparing(agent -> agent.user().value())).toList();
    }

    private static Decision noneOf(String skill, List<ServiceAgent> agents, Map<UserId, Integer> openTickets) {
        List<ServiceAgent> skilled = agents.stream().filter(agent -> agent.has(skill)).toList();
        if (skilled.isEmpty()) return Decision.refuse(NOBODY_SKILLED, String.valueOf(skill));
        if (skilled.stream().noneMatch(ServiceAgent::available)) return Decision.refuse(NOBODY_AVAILABLE, String.valueOf(skill));
        return Decision.refuse(OVER_CAP, String.valueOf(skill));
    }

    private static List<ServiceAgent> distinct(List<ServiceAgent> agents) {
        Set<UserId> seen = new HashSet<>();
        for (ServiceAgent agent : agents) {
            if (!seen.add(agent.user())) throw new IllegalArgumentException("agent " + agent.user() + " is listed twice");
        }
        return agents;
    }
}
