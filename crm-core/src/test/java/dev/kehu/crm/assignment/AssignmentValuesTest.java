package dev.kehu.crm.assignment;

import static dev.kehu.crm.assignment.AssignmentStrategy.leastLoaded;
import static dev.kehu.crm.assignment.Fixtures.item;
import static dev.kehu.crm.assignment.Fixtures.noLoad;
import static dev.kehu.crm.assignment.Fixtures.rep;
import static dev.kehu.crm.assignment.Fixtures.reps;
import static dev.kehu.crm.assignment.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.assignment.AssignmentPlan.Assigned;
import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssignmentValuesTest {
    private static final AssignmentStrategy LEAST = leastLoaded(LoadMeasure.OPEN_COUNT);

    @Test
    @DisplayName("a rep is available only when active and not absent")
    void availability() {
        assertThat(rep("an").build().available()).isTrue();
        assertThat(rep("an").inactive().build().available()).isFalse();
        assertThat(rep("an").absent().build().available()).isFalse();
    }

    @Test
    @DisplayName("a negative cap is refused")
    void negativeCap() {
        assertThatThrownBy(() -> rep("an").cap(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a work item's id follows the identifier rule and its weighted amount is not negative")
    void workItem() {
        assertThatThrownBy(() -> item("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("o1", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a workload holds amounts in its own currency only, and no negative count or amount")
    void workload() {
        assertThatThrownBy(() -> new Workload(Money.CNY, Map.of(), Map.of(user("an"), Money.of("1", "USD"))))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> new Workload(Money.CNY, Map.of(user("an"), -1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Workload(Money.CNY, Map.of(), Map.of(user("an"), Money.of("-1", "CNY"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a batch with an item twice, or reps with a person twice, is refused")
    void duplicates() {
        assertThatThrownBy(() -> LEAST.assign(List.of(item("o1"), item("o1")), reps(rep("an")), noLoad()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o1");
        assertThatThrownBy(() -> LEAST.assign(List.of(item("o1")), reps(rep("an"), rep("an").absent()), noLoad()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an");
    }

    @Test
    @DisplayName("a plan cannot give one item two reps, nor both assign and leave it")
    void planListsEachItemOnce() {
        assertThatThrownBy(() -> new AssignmentPlan(List.of(new Assigned("o1", user("an")), new Assigned("o1", user("bai"))),
                List.of(), noLoad(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssignmentPlan(List.of(new Assigned("o1", user("an"))),
                List.of(new Unassigned("o1", Unassigned.OVER_CAP)), noLoad(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an empty batch gives an empty plan with the load unchanged")
    void emptyBatch() {
        AssignmentPlan plan = LEAST.assign(List.of(), reps(rep("an")), noLoad());

        assertThat(plan.assigned()).isEmpty();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.load()).isEqualTo(noLoad());
    }
}
