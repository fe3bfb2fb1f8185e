package dev.kehu.crm.contract;

import static dev.kehu.crm.contract.ContractFixtures.END;
import static dev.kehu.crm.contract.ContractFixtures.START;
import static dev.kehu.crm.contract.ContractFixtures.approved;
import static dev.kehu.crm.contract.ContractFixtures.completed;
import static dev.kehu.crm.contract.ContractFixtures.draft;
import static dev.kehu.crm.contract.ContractFixtures.executing;
import static dev.kehu.crm.contract.ContractFixtures.expired;
import static dev.kehu.crm.contract.ContractFixtures.rejected;
import static dev.kehu.crm.contract.ContractFixtures.submitted;
import static dev.kehu.crm.contract.ContractFixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.LifecycleStage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleRuleTest {
    private static final LocalDate DURING = START.plusMonths(3);
    private static final LocalDate AFTER = END.plusDays(1);

    private static Contract withId(String id, Contract contract) {
        return contract.toBuilder().id(new ContractId(id)).build();
    }

    private static LifecycleStage stage(LocalDate today, Contract... contracts) {
        return LifecycleRule.stageFor(List.of(contracts), today);
    }

    @Test
    @DisplayName("a customer without a signed contract is in pre-sales tracking, whatever is being drafted or approved")
    void preSales() {
        assertThat(stage(DURING)).isEqualTo(LifecycleStage.PRE_SALES);
        assertThat(stage(DURING, draft(), withId("k-2", submitted()), withId("k-3", approved()), withId("k-4", rejected())))
                .isEqualTo(LifecycleStage.PRE_SALES);
    }

    @Test
    @DisplayName("any contract in execution puts the customer in contract execution")
    void execution() {
        assertThat(stage(DURING, executing())).isEqualTo(LifecycleStage.CONTRACT_EXECUTION);
        assertThat(stage(DURING, expired(), withId("k-2", completed()), withId("k-3", executing()), withId("k-4", terminated())))
                .isEqualTo(LifecycleStage.CONTRACT_EXECUTION);
        assertThat(stage(END, executing())).as("on its last day").isEqualTo(LifecycleStage.CONTRACT_EXECUTION);
    }

    @Test
    @DisplayName("a contract completed before its end date serves the customer after sales until that date")
    void afterSales() {
        assertThat(stage(DURING, completed())).isEqualTo(LifecycleStage.AFTER_SALES);
        assertThat(stage(END, completed(), withId("k-2", terminated()))).isEqualTo(LifecycleStage.AFTER_SALES);
        assertThat(stage(AFTER, completed())).isEqualTo(LifecycleStage.CONTRACT_EXPIRED);
    }

    @Test
    @DisplayName("once every signed contract has expired, been terminated or run out, the customer's contracts have expired")
    void expiredStage() {
        assertThat(stage(DURING, expired())).isEqualTo(LifecycleStage.CONTRACT_EXPIRED);
        assertThat(stage(DURING, terminated())).isEqualTo(LifecycleStage.CONTRACT_EXPIRED);
        assertThat(stage(AFTER, executing())).as("past its end, even before anyone expires it")
                .isEqualTo(LifecycleStage.CONTRACT_EXPIRED);
        assertThat(stage(DURING, expired(), withId("k-2", draft()))).as("a renewal being drafted does not change it")
                .isEqualTo(LifecycleStage.CONTRACT_EXPIRED);
    }

    @Test
    @DisplayName("the contracts of several customers are not one customer's")
    void oneCustomer() {
        Contract other = withId("k-9", executing()).toBuilder().customer(new CustomerId("c-other")).build();

        assertThatIllegalArgumentException().isThrownBy(() -> stage(DURING, executing(), other));
    }
}
