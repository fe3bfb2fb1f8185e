package dev.kehu.crm.assignment;

import static dev.kehu.crm.assignment.AssignmentStrategy.byHand;
import static dev.kehu.crm.assignment.Fixtures.chosen;
import static dev.kehu.crm.assignment.Fixtures.items;
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

class ByHandAssignmentTest {
    private static final List<SalesRep> REPS = reps(rep("an"), rep("bai").inactive(), rep("chen").absent(),
            rep("du").cap(1), rep("fang").cap(2));

    @Test
    @DisplayName("each item goes to the rep the supervisor picked, and by hand takes no turns")
    void picked() {
        AssignmentPlan plan = byHand(Map.of("o0001", user("du"), "o0002", user("an"))).assign(items(2), REPS, noLoad());

        assertThat(chosen(plan)).containsExactly("du", "an");
        assertThat(plan.repFor("o0002")).contains(user("an"));
        assertThat(plan.position()).isEmpty();
    }

    @Test
    @DisplayName("an item the supervisor picked nobody for is left not picked")
    void notPicked() {
        AssignmentPlan plan = byHand(Map.of("o0002", user("an"))).assign(items(2), REPS, noLoad());

        assertThat(plan.unassigned()).containsExactly(new Unassigned("o0001", Unassigned.NOT_PICKED));
        assertThat(plan.repFor("o0001")).isEmpty();
    }

    @Test
    @DisplayName("a pick of an inactive, absent or unknown person is refused with the reason")
    void unavailablePicks() {
        AssignmentPlan plan = byHand(Map.of("o0001", user("bai"), "o0002", user("chen"), "o0003", user("zhao")))
                .assign(items(3), REPS, noLoad());

        assertThat(plan.assigned()).isEmpty();
        assertThat(reasons(plan)).containsExactly(Unassigned.REP_INACTIVE, Unassigned.REP_ABSENT, Unassigned.REP_UNKNOWN);
    }

    @Test
    @DisplayName("a pick beyond the rep's cap is refused, counting the items given earlier in the same batch")
    void overCap() {
        AssignmentPlan plan = byHand(Map.of("o0001", user("fang"), "o0002", user("fang"), "o0003", user("du")))
                .assign(items(3), REPS, openCounts("fang", 1, "du", 1));

        assertThat(chosen(plan)).containsExactly("fang");
        assertThat(plan.unassigned()).containsExactly(new Unassigned("o0002", Unassigned.OVER_CAP),
                new Unassigned("o0003", Unassigned.OVER_CAP));
    }
}
