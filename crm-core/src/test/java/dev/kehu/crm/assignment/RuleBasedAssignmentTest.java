package dev.kehu.crm.assignment;

import static dev.kehu.crm.assignment.AssignmentRule.INDUSTRY;
import static dev.kehu.crm.assignment.AssignmentRule.SOURCE;
import static dev.kehu.crm.assignment.AssignmentRule.TERRITORY;
import static dev.kehu.crm.assignment.AssignmentStrategy.byHand;
import static dev.kehu.crm.assignment.AssignmentStrategy.byRules;
import static dev.kehu.crm.assignment.AssignmentStrategy.roundRobin;
import static dev.kehu.crm.assignment.Fixtures.EAST;
import static dev.kehu.crm.assignment.Fixtures.chosen;
import static dev.kehu.crm.assignment.Fixtures.item;
import static dev.kehu.crm.assignment.Fixtures.noLoad;
import static dev.kehu.crm.assignment.Fixtures.openCounts;
import static dev.kehu.crm.assignment.Fixtures.reasons;
import static dev.kehu.crm.assignment.Fixtures.rep;
import static dev.kehu.crm.assignment.Fixtures.reps;
import static dev.kehu.crm.assignment.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleBasedAssignmentTest {
    private static final AssignmentStrategy LEAVE_TO_ME = byHand(Map.of());

    @Test
    @DisplayName("an item goes to a rep covering its territory, industry or source, as the rule says")
    void eachRule() {
        List<SalesRep> reps = reps(rep("an").territories("huadong"), rep("bai").industries("energy"),
                rep("chen").sources("fair"));
        List<WorkItem> batch = List.of(item("o1", "huadong", null, null), item("o2", null, "energy", null),
                item("o3", null, null, "fair"));

        assertThat(chosen(byRules(List.of(TERRITORY, INDUSTRY, SOURCE), LEAVE_TO_ME).assign(batch, reps, noLoad())))
                .containsExactly("an", "bai", "chen");
    }

    @Test
    @DisplayName("among the reps covering the item, the one with the fewest open opportunities takes it")
    void fewestOpenAmongCovering() {
        List<SalesRep> reps = reps(rep("an").territories("huadong"), rep("bai").territories("huadong"), rep("chen"));

        AssignmentPlan plan = byRules(List.of(TERRITORY), LEAVE_TO_ME).assign(
                List.of(item("o1", "huadong", null, null), item("o2", "huadong", null, null)), reps,
                openCounts("an", 1, "chen", 0));

        assertThat(chosen(plan)).containsExactly("bai", "an");
    }

    @Test
    @DisplayName("rules apply in order: the first with a rep who can take the item decides")
    void firstRuleWins() {
        List<SalesRep> reps = reps(rep("an").territories("huadong"), rep("bai").industries("energy"));
        WorkItem item = item("o1", "huadong", "energy", null);

        assertThat(byRules(List.of(INDUSTRY, TERRITORY), LEAVE_TO_ME).assign(List.of(item), reps, noLoad())
                .repFor("o1")).contains(user("bai"));
        assertThat(byRules(List.of(TERRITORY, INDUSTRY), LEAVE_TO_ME).assign(List.of(item), reps, noLoad())
                .repFor("o1")).contains(user("an"));
    }

    @Test
    @DisplayName("a rule whose covering reps are absent, inactive or full gives way to the next rule")
    void unavailableCoveringRepsGiveWay() {
        List<SalesRep> reps = reps(rep("an").territories("huadong").absent(), rep("bai").territories("huadong").inactive(),
                rep("chen").territories("huadong").cap(0), rep("du").sources("web"));

        AssignmentPlan plan = byRules(List.of(TERRITORY, SOURCE), LEAVE_TO_ME)
                .assign(List.of(item("o1", "huadong", null, "web")), reps, noLoad());

        assertThat(chosen(plan)).containsExactly("du");
    }

    @Test
    @DisplayName("items no rule places, unknown territories included, go to the fallback, whose round robin alone moves the position")
    void fallback() {
        List<SalesRep> reps = reps(rep("an").territories("huadong"), rep("bai"), rep("chen"));
        List<WorkItem> batch = List.of(item("o1", "huabei", null, null), item("o2", "huadong", null, null),
                item("o3", null, null, null));

        AssignmentPlan plan = byRules(List.of(TERRITORY), roundRobin(RoundRobinPosition.start(EAST)))
                .assign(batch, reps, noLoad());

        assertThat(chosen(plan)).containsExactly("an", "an", "bai");
        assertThat(plan.position()).contains(new RoundRobinPosition(EAST, user("bai")));
    }

    @Test
    @DisplayName("when the fallback cannot place the item either, its reason is given")
    void fallbackReason() {
        AssignmentPlan plan = byRules(List.of(TERRITORY), LEAVE_TO_ME)
                .assign(List.of(item("o1", "huabei", null, null)), reps(rep("an").territories("huadong")), noLoad());

        assertThat(reasons(plan)).containsExactly(Unassigned.NOT_PICKED);
    }
}
