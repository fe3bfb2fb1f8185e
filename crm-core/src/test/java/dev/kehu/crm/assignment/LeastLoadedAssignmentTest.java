package dev.kehu.crm.assignment;

import static dev.kehu.crm.assignment.AssignmentStrategy.leastLoaded;
import static dev.kehu.crm.assignment.Fixtures.chosen;
import static dev.kehu.crm.assignment.Fixtures.countsPerRep;
import static dev.kehu.crm.assignment.Fixtures.item;
import static dev.kehu.crm.assignment.Fixtures.items;
import static dev.kehu.crm.assignment.Fixtures.noLoad;
import static dev.kehu.crm.assignment.Fixtures.openCounts;
import static dev.kehu.crm.assignment.Fixtures.reasons;
import static dev.kehu.crm.assignment.Fixtures.rep;
import static dev.kehu.crm.assignment.Fixtures.reps;
import static dev.kehu.crm.assignment.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeastLoadedAssignmentTest {
    private static final AssignmentStrategy BY_COUNT = leastLoaded(LoadMeasure.OPEN_COUNT);
    private static final AssignmentStrategy BY_AMOUNT = leastLoaded(LoadMeasure.WEIGHTED_AMOUNT);

    @Test
    @DisplayName("each item goes to the rep with the fewest open opportunities at that moment, equal counts to the smallest user id")
    void fewestOpen() {
        AssignmentPlan plan = BY_COUNT.assign(items(3), reps(rep("an"), rep("bai"), rep("chen")),
                openCounts("an", 3, "bai", 1, "chen", 2));

        assertThat(chosen(plan)).containsExactly("bai", "bai", "chen");
    }

    @Test
    @DisplayName("by weighted amount the rep holding the smallest open amount takes the item, however many opportunities they hold")
    void smallestAmount() {
        Workload load = new Workload(Money.CNY, Map.of(user("an"), 1, user("bai"), 9),
                Map.of(user("an"), Money.of("50000", "CNY"), user("bai"), Money.of("20000", "CNY")));

        AssignmentPlan plan = BY_AMOUNT.assign(List.of(item("o1", "40000"), item("o2", "10000")),
                reps(rep("an"), rep("bai")), load);

        assertThat(chosen(plan)).containsExactly("bai", "an");
        assertThat(plan.load().amountOf(user("bai"))).isEqualTo(Money.of("60000", "CNY"));
        assertThat(plan.load().amountOf(user("an"))).isEqualTo(Money.of("60000", "CNY"));
    }

    @Test
    @DisplayName("the plan's load adds each assigned item's count and weighted amount to its rep")
    void loadGrows() {
        AssignmentPlan plan = BY_COUNT.assign(List.of(item("o1", "300"), item("o2", "200"), item("o3", "100")),
                reps(rep("an"), rep("bai")), openCounts("an", 4));

        assertThat(plan.load().countOf(user("bai"))).isEqualTo(3);
        assertThat(plan.load().amountOf(user("bai"))).isEqualTo(Money.of("600", "CNY"));
        assertThat(plan.load().countOf(user("an"))).isEqualTo(4);
        assertThat(plan.position()).isEmpty();
    }

    @Test
    @DisplayName("inactive and absent reps are never chosen, however little they hold")
    void skipsUnavailable() {
        AssignmentPlan plan = BY_COUNT.assign(items(2), reps(rep("an").inactive(), rep("bai").absent(), rep("chen")),
                openCounts("chen", 30));

        assertThat(chosen(plan)).containsExactly("chen", "chen");
    }

    @Test
    @DisplayName("reps stop at their cap and the rest of the batch is left over cap; with nobody available, nobody available")
    void caps() {
        AssignmentPlan plan = BY_COUNT.assign(items(5), reps(rep("an").cap(2), rep("bai").cap(1)), openCounts("an", 1));
        AssignmentPlan nobody = BY_COUNT.assign(items(1), reps(rep("an").absent()), noLoad());

        assertThat(chosen(plan)).containsExactly("bai", "an");
        assertThat(reasons(plan)).containsExactly(Unassigned.OVER_CAP, Unassigned.OVER_CAP, Unassigned.OVER_CAP);
        assertThat(reasons(nobody)).containsExactly(Unassigned.NOBODY_AVAILABLE);
    }

    @Test
    @DisplayName("1,000 items over 20 reps spread evenly, and with a cap of 40 each, 800 are assigned and 200 left over cap")
    void thousandItems() {
        List<SalesRep> twenty = new ArrayList<>();
        List<SalesRep> capped = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(rep(String.format("u%02d", i)).build());
            capped.add(rep(String.format("u%02d", i)).cap(40).build());
        }

        AssignmentPlan even = BY_COUNT.assign(items(1000), twenty, noLoad());
        AssignmentPlan full = BY_AMOUNT.assign(items(1000), capped, noLoad());

        assertThat(countsPerRep(even)).hasSize(20).allSatisfy((rep, count) -> assertThat(count).isEqualTo(50));
        assertThat(countsPerRep(full)).hasSize(20).allSatisfy((rep, count) -> assertThat(count).isEqualTo(40));
        assertThat(reasons(full)).hasSize(200).containsOnly(Unassigned.OVER_CAP);
    }

    @Test
    @DisplayName("an item in another currency than the load's refuses the whole batch, even when nobody could take it")
    void otherCurrency() {
        List<WorkItem> batch = List.of(item("o1"), new WorkItem("o2", null, null, null, Money.of("10", "USD")));

        assertThatThrownBy(() -> BY_AMOUNT.assign(batch, reps(rep("an")), noLoad()))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> BY_COUNT.assign(batch, reps(rep("an").absent()), noLoad()))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    @DisplayName("a rep missing from the load holds nothing")
    void missingMeansNothing() {
        UserId nobody = user("nobody");

        assertThat(noLoad().countOf(nobody)).isZero();
        assertThat(noLoad().amountOf(nobody)).isEqualTo(Money.zero(Money.CNY));
    }
}
