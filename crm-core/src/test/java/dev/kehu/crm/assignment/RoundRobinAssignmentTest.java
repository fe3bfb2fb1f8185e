package dev.kehu.crm.assignment;

import static dev.kehu.crm.assignment.AssignmentStrategy.roundRobin;
import static dev.kehu.crm.assignment.Fixtures.EAST;
import static dev.kehu.crm.assignment.Fixtures.WEST;
import static dev.kehu.crm.assignment.Fixtures.chosen;
import static dev.kehu.crm.assignment.Fixtures.countsPerRep;
import static dev.kehu.crm.assignment.Fixtures.items;
import static dev.kehu.crm.assignment.Fixtures.noLoad;
import static dev.kehu.crm.assignment.Fixtures.openCounts;
import static dev.kehu.crm.assignment.Fixtures.reasons;
import static dev.kehu.crm.assignment.Fixtures.rep;
import static dev.kehu.crm.assignment.Fixtures.reps;
import static dev.kehu.crm.assignment.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoundRobinAssignmentTest {
    private static final AssignmentStrategy FROM_THE_START = roundRobin(RoundRobinPosition.start(EAST));

    @Test
    @DisplayName("a new round robin serves the team in user-id order, whatever order the reps come in")
    void userIdOrder() {
        AssignmentPlan plan = FROM_THE_START.assign(items(4), reps(rep("chen"), rep("an"), rep("bai")), noLoad());

        assertThat(chosen(plan)).containsExactly("an", "bai", "chen", "an");
        assertThat(plan.position()).contains(new RoundRobinPosition(EAST, user("an")));
    }

    @Test
    @DisplayName("the turn continues after the rep of the stored position")
    void continuesAfterPosition() {
        AssignmentPlan plan = roundRobin(new RoundRobinPosition(EAST, user("bai")))
                .assign(items(2), reps(rep("an"), rep("bai"), rep("chen")), noLoad());

        assertThat(chosen(plan)).containsExactly("chen", "an");
    }

    @Test
    @DisplayName("when the last rep served has left, the turn goes to the next user id, and a newcomer gets their turn")
    void lastRepLeft() {
        AssignmentPlan plan = roundRobin(new RoundRobinPosition(EAST, user("bai")))
                .assign(items(3), reps(rep("an"), rep("ba"), rep("chen")), noLoad());

        assertThat(chosen(plan)).containsExactly("chen", "an", "ba");
    }

    @Test
    @DisplayName("only members of the position's team take turns")
    void onlyTheTeam() {
        AssignmentPlan plan = FROM_THE_START.assign(items(3),
                reps(rep("an").teams(WEST), rep("bai"), rep("chen").teams(EAST, WEST)), noLoad());

        assertThat(chosen(plan)).containsExactly("bai", "chen", "bai");
    }

    @Test
    @DisplayName("inactive and absent members are skipped")
    void skipsUnavailable() {
        AssignmentPlan plan = FROM_THE_START.assign(items(4),
                reps(rep("an").inactive(), rep("bai"), rep("chen").absent(), rep("du")), noLoad());

        assertThat(chosen(plan)).containsExactly("bai", "du", "bai", "du");
    }

    @Test
    @DisplayName("a member who reaches their cap drops out of the turns, and when all are full the rest is over cap")
    void caps() {
        AssignmentPlan plan = FROM_THE_START.assign(items(6), reps(rep("an").cap(1), rep("bai").cap(3)),
                openCounts("bai", 1));

        assertThat(chosen(plan)).containsExactly("an", "bai", "bai");
        assertThat(reasons(plan)).containsExactly(Unassigned.OVER_CAP, Unassigned.OVER_CAP, Unassigned.OVER_CAP);
        assertThat(plan.position()).contains(new RoundRobinPosition(EAST, user("bai")));
    }

    @Test
    @DisplayName("with no available member the items are left with nobody available and the position stays")
    void nobodyAvailable() {
        RoundRobinPosition position = new RoundRobinPosition(EAST, user("an"));

        AssignmentPlan plan = roundRobin(position).assign(items(2), reps(rep("an").absent(), rep("bai").teams(WEST)),
                noLoad());

        assertThat(reasons(plan)).containsExactly(Unassigned.NOBODY_AVAILABLE, Unassigned.NOBODY_AVAILABLE);
        assertThat(plan.position()).contains(position);
    }

    @Test
    @DisplayName("a batch split in three, each part starting from the previous plan's position, is assigned as one batch")
    void resumes() {
        List<SalesRep> team = reps(rep("an"), rep("bai"), rep("chen"));
        AssignmentPlan whole = FROM_THE_START.assign(items(10), team, noLoad());

        List<String> inParts = new ArrayList<>();
        RoundRobinPosition position = RoundRobinPosition.start(EAST);
        Workload load = noLoad();
        for (List<WorkItem> part : List.of(items(10).subList(0, 4), items(10).subList(4, 5), items(10).subList(5, 10))) {
            AssignmentPlan plan = roundRobin(position).assign(part, team, load);
            inParts.addAll(chosen(plan));
            position = plan.position().orElseThrow();
            load = plan.load();
        }

        assertThat(inParts).isEqualTo(chosen(whole));
        assertThat(load).isEqualTo(whole.load());
    }

    @Test
    @DisplayName("1,000 items over 20 reps give each rep 50")
    void thousandItems() {
        List<SalesRep> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) twenty.add(rep(String.format("u%02d", i)).build());

        AssignmentPlan plan = FROM_THE_START.assign(items(1000), twenty, noLoad());

        assertThat(countsPerRep(plan)).hasSize(20).allSatisfy((rep, count) -> assertThat(count).isEqualTo(50));
    }
}
