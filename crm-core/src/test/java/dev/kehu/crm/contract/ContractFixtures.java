package dev.kehu.crm.contract;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Values shared by the contract tests. */
final class ContractFixtures {
    static final TenantId TENANT = new TenantId("acme");
    static final CustomerId CUSTOMER = new CustomerId("c-huaxia");
    static final ContractId ID = new ContractId("k-1");
    static final UserId SALES = new UserId("wang.wei");
    static final UserId MANAGER = new UserId("li.na");
    static final LocalDate START = LocalDate.of(2025, 4, 1);
    static final LocalDate END = LocalDate.of(2026, 3, 31);
    static final LocalDate SIGNED = LocalDate.of(2025, 3, 28);
    static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");
    static final Instant T1 = T0.plusSeconds(3600);

    private ContractFixtures() {
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** Everything a draft needs to be submitted, with two milestones of ¥30,000 and ¥70,000 for ¥100,000. */
    static ContractContent complete() {
        return new ContractContent("开元软件有限公司", "华夏机械股份有限公司", START, END, cny("100000.00"),
                "服务器及三年维保", List.of(PaymentMilestone.of(START, cny("30000.00"), "预付款"),
                PaymentMilestone.of(END, cny("70000.00"), "验收款")));
    }

    /** A new empty draft in CNY. */
    static Contract empty() {
        return Contract.draft(ID, TENANT, "HT-2025-001", CUSTOMER, Money.CNY, SALES, T0).contract();
    }

    static Contract draft() {
        return empty().edit(complete(), T0);
    }

    static Contract submitted() {
        return draft().submit(SALES, T1).contract();
    }

    static Contract approved() {
        return submitted().approve(null, MANAGER, T1).contract();
    }

    static Contract rejected() {
        return submitted().reject("付款条件不符合公司规定", MANAGER, T1).contract();
    }

    static Contract executing() {
        return approved().startExecution(SIGNED, SALES, T1).contract();
    }

    static Contract completed() {
        return executing().complete(null, SALES, T1).contract();
    }

    static Contract terminated() {
        return executing().terminate("客户破产", SALES, T1).contract();
    }

    static Contract expired() {
        return executing().expire(END.plusDays(1), SALES, T1).contract();
    }

    /** A contract in each status. */
    static List<Contract> everyStatus() {
        return List.of(draft(), submitted(), approved(), rejected(), executing(), completed(), terminated(), expired());
    }
}
