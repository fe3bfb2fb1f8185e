package dev.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TicketAssignmentTest {
    static UserId user(String id) {
        return new UserId(id);
    }

    static ServiceAgent agent(String id, String... skills) {
        return new ServiceAgent(user(id), Set.of(skills), true, false, null);
    }

    static ServiceAgent capped(ServiceAgent a, int cap) {
        return new ServiceAgent(a.user(), a.skills(), a.active(), a.absent(), cap);
    }

    static ServiceAgent absent(ServiceAgent a) {
        return new ServiceAgent(a.user(), a.skills(), a.active(), true, a.cap());
    }

    static ServiceAgent inactive(ServiceAgent a) {
        return new ServiceAgent(a.user(), a.skills(), false, a.absent(), a.cap());
    }

    /** Round-robin choices for {@code n} tickets in a row, each counted as open for the agent chosen. */
    static List<String> turns(int n, String skill, List<ServiceAgent> agents, UserId start) {
        List<String> chosen = new ArrayList<>();
        Map<UserId, Integer> load = new java.util.HashMap<>();
        UserId last = start;
        for (int i = 0; i < n; i++) {
            TicketAssignment.Choice choice = TicketAssignment.roundRobin(skill, agents, load, last);
            last = choice.last();
            chosen.add(choice.agent().map(UserId::value).orElse("-"));
            choice.agent().ifPresent(a -> load.merge(a, 1, Integer::sum));
        }
        return chosen;
    }

    @Test
    @DisplayName("round robin serves the agents with the skill in user-id order, continuing after the last one")
    void roundRobin() {
        List<ServiceAgent> agents = List.of(agent("wu", "printer"), agent("an", "printer", "network"),
                agent("li", "network"), agent("bo", "printer"));
        assertThat(turns(4, "printer", agents, null)).containsExactly("an", "bo", "wu", "an");
        assertThat(turns(2, "printer", agents, user("bo"))).containsExactly("wu", "an");
        assertThat(turns(3, "network", agents, user("cao"))).as("the last one served has left").containsExactly("li", "an", "li");
        assertThat(turns(3, null, agents, null)).as("no skill needed").containsExactly("an", "bo", "li");
    }

    @Test
    @DisplayName("round robin skips inactive, absent and full agents, and keeps its position when nobody can take it")
    void roundRobinSkips() {
        List<ServiceAgent> agents = List.of(agent("an", "printer"), inactive(agent("bo", "printer")),
                absent(agent("cao", "printer")), capped(agent("du", "printer"), 1));
        assertThat(turns(4, "printer", agents, null)).containsExactly("an", "du", "an", "an");
        TicketAssignment.Choice none = TicketAssignment.roundRobin("printer", List.of(capped(agent("du", "printer"), 1)),
                Map.of(user("du"), 1), user("du"));
        assertThat(none.agent()).isEmpty();
        assertThat(none.refusal().refusal()).isEqualTo(TicketAssignment.OVER_CAP);
        assertThat(none.last()).isEqualTo(user("du"));
    }

    @Test
    @DisplayName("least loaded takes the skilled agent with the fewest open tickets, ties in user-id order")
    void leastLoaded() {
        List<ServiceAgent> agents = List.of(agent("wu", "printer"), agent("an", "printer"), agent("bo", "network"),
                capped(agent("cao", "printer"), 2));
        Map<UserId, Integer> load = Map.of(user("wu"), 3, user("an"), 3, user("bo"), 0, user("cao"), 2);
        assertThat(TicketAssignment.leastLoaded("printer", agents, load).agent()).contains(user("an"));
        assertThat(TicketAssignment.leastLoaded("printer", agents, Map.of(user("an"), 4)).agent()).contains(user("cao"));
        assertThat(TicketAssignment.leastLoaded("network", agents, load).agent()).contains(user("bo"));
    }

    @Test
    @DisplayName("nobody is chosen when nobody has the skill, nobody with it is available, or all are full")
    void refusals() {
        assertThat(TicketAssignment.leastLoaded("fax", List.of(agent("an", "printer")), Map.of()).refusal())
                .isEqualTo(Decision.refuse(TicketAssignment.NOBODY_SKILLED, "fax"));
        assertThat(TicketAssignment.leastLoaded("printer", List.of(absent(agent("an", "printer")),
                inactive(agent("bo", "printer"))), Map.of()).refusal().refusal()).isEqualTo(TicketAssignment.NOBODY_AVAILABLE);
        assertThat(TicketAssignment.leastLoaded("printer", List.of(capped(agent("an", "printer"), 0)), Map.of())
                .refusal().refusal()).isEqualTo(TicketAssignment.OVER_CAP);
        assertThat(TicketAssignment.roundRobin("printer", List.of(), Map.of(), null).refusal().refusal())
                .isEqualTo(TicketAssignment.NOBODY_SKILLED);
    }

    @Test
    @DisplayName("by hand, the agent chosen must be an available agent with the skill and below their cap")
    void byHand() {
        List<ServiceAgent> agents = List.of(agent("an", "printer"), absent(agent("bo", "printer")),
                agent("cao", "network"), capped(agent("du", "printer"), 2));
        assertThat(TicketAssignment.byHand(user("an"), "printer", agents, Map.of()).allowed()).isTrue();
        assertThat(TicketAssignment.byHand(user("zz"), "printer", agents, Map.of()).refusal())
                .isEqualTo(TicketAssignment.NOT_AN_AGENT);
        assertThat(TicketAssignment.byHand(user("bo"), "printer", agents, Map.of()).refusal())
                .isEqualTo(TicketAssignment.UNAVAILABLE);
        assertThat(TicketAssignment.byHand(user("cao"), "printer", agents, Map.of()))
                .isEqualTo(Decision.refuse(TicketAssignment.UNSKILLED, "cao", "printer"));
        assertThat(TicketAssignment.byHand(user("du"), "printer", agents, Map.of(user("du"), 2)))
                .isEqualTo(Decision.refuse(TicketAssignment.AGENT_OVER_CAP, "du", 2));
        assertThat(TicketAssignment.byHand(user("cao"), null, agents, Map.of()).allowed()).isTrue();
    }

    @Test
    @DisplayName("an agent listed twice or a negative cap is a programming error")
    void invalid() {
        assertThatThrownBy(() -> TicketAssignment.leastLoaded(null, List.of(agent("an"), agent("an")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> capped(agent("an"), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
