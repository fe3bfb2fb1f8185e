package dev.kehu.crm.contract;

import static dev.kehu.crm.common.Refusals.refusal;
import static dev.kehu.crm.contract.ContractFixtures.END;
import static dev.kehu.crm.contract.ContractFixtures.ID;
import static dev.kehu.crm.contract.ContractFixtures.MANAGER;
import static dev.kehu.crm.contract.ContractFixtures.SALES;
import static dev.kehu.crm.contract.ContractFixtures.SIGNED;
import static dev.kehu.crm.contract.ContractFixtures.T0;
import static dev.kehu.crm.contract.ContractFixtures.T1;
import static dev.kehu.crm.contract.ContractFixtures.approved;
import static dev.kehu.crm.contract.ContractFixtures.complete;
import static dev.kehu.crm.contract.ContractFixtures.completed;
import static dev.kehu.crm.contract.ContractFixtures.draft;
import static dev.kehu.crm.contract.ContractFixtures.empty;
import static dev.kehu.crm.contract.ContractFixtures.everyStatus;
import static dev.kehu.crm.contract.ContractFixtures.executing;
import static dev.kehu.crm.contract.ContractFixtures.expired;
import static dev.kehu.crm.contract.ContractFixtures.rejected;
import static dev.kehu.crm.contract.ContractFixtures.submitted;
import static dev.kehu.crm.contract.ContractFixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractLifecycleTest {
    private static final Instant T2 = T1.plusSeconds(3600);

    /** The contracts of {@link ContractFixtures#everyStatus} on which {@code step} is refused with {@code code}. */
    private static List<ContractStatus> refusedWith(String code, Function<Contract, Object> step) {
        List<ContractStatus> refused = new ArrayList<>();
        for (Contract contract : everyStatus()) {
            try {
                step.apply(contract);
            } catch (BusinessRuleException e) {
                assertThat(e.code()).as(contract.status().name()).isEqualTo(code);
                assertThat(Messages.find(Locale.ROOT, e.code())).isNotNull();
                assertThat(Messages.find(Locale.CHINESE, e.code())).isNotNull();
                refused.add(contract.status());
            }
        }
        return refused;
    }

    private static List<ContractStatus> allBut(ContractStatus... allowed) {
        EnumSet<ContractStatus> refused = EnumSet.allOf(ContractStatus.class);
        refused.removeAll(List.of(allowed));
        return List.copyOf(refused);
    }

    @Test
    @DisplayName("a new contract is a draft with one history line, made by who and when")
    void created() {
        Contract.Change created = Contract.draft(ID, ContractFixtures.TENANT, "HT-2025-001", ContractFixtures.CUSTOMER,
                Money.CNY, SALES, Instant.parse("2025-03-03T01:00:00.123456789Z"));

        assertThat(created.contract().status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(created.contract().historyLength()).isEqualTo(1);
        assertThat(created.contract().createdAt()).isEqualTo(Instant.parse("2025-03-03T01:00:00.123456Z"));
        assertThat(created.step()).isEqualTo(new ContractStep(ID, 1, created.contract().createdAt(), SALES, null,
                ContractStatus.DRAFT, null));
    }

    @Test
    @DisplayName("the whole flow: submitted, approved, signed into execution, completed; each step recorded with who, when, from and to")
    void happyPath() {
        Contract.Change submitted = draft().submit(SALES, T1);
        Contract.Change approved = submitted.contract().approve("同意", MANAGER, T2);
        Contract.Change executing = approved.contract().startExecution(SIGNED, SALES, T2.plusSeconds(1));
        Contract.Change completed = executing.contract().complete("已验收", SALES, T2.plusSeconds(2));

        assertThat(submitted.step()).isEqualTo(new ContractStep(ID, 2, T1, SALES, ContractStatus.DRAFT,
                ContractStatus.SUBMITTED, null));
        assertThat(approved.step()).isEqualTo(new ContractStep(ID, 3, T2, MANAGER, ContractStatus.SUBMITTED,
                ContractStatus.APPROVED, "同意"));
        assertThat(executing.contract().signingDate()).isEqualTo(SIGNED);
        assertThat(executing.step().to()).isEqualTo(ContractStatus.IN_EXECUTION);
        assertThat(completed.contract().status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(completed.contract().historyLength()).isEqualTo(5);
        assertThat(completed.contract().updatedAt()).isEqualTo(T2.plusSeconds(2));
        assertThat(completed.contract().createdAt()).isEqualTo(T0);
        assertThat(ContractHistory.replay(List.of(
                new ContractStep(ID, 1, T0, SALES, null, ContractStatus.DRAFT, null), submitted.step(), approved.step(),
                executing.step(), completed.step()))).isEqualTo(ContractStatus.COMPLETED);
    }

    @Test
    @DisplayName("only a draft is edited")
    void editOnlyDraft() {
        assertThat(refusedWith("contract.not-editable", c -> c.edit(complete(), T1))).isEqualTo(allBut(ContractStatus.DRAFT));
    }

    @Test
    @DisplayName("only a draft is submitted, and only with its parties, dates, amount and terms")
    void submit() {
        assertThat(refusedWith("contract.not-submittable", c -> c.submit(SALES, T1))).isEqualTo(allBut(ContractStatus.DRAFT));

        BusinessRuleException incomplete = refusal(() -> empty().submit(SALES, T1));
        assertThat(incomplete.code()).isEqualTo("contract.incomplete");
        assertThat(incomplete.getMessage()).endsWith("ourParty, theirParty, startDate, endDate, amount, terms");
        ContractContent noTerms = new ContractContent("甲", "乙", ContractFixtures.START, END,
                ContractFixtures.cny("1.00"), " ", null);
        assertThat(refusal(() -> empty().edit(noTerms, T1).submit(SALES, T1)).getMessage()).endsWith(": terms");
    }

    @Test
    @DisplayName("only a submitted contract is approved or rejected, and a rejection says why")
    void approveOrReject() {
        assertThat(refusedWith("contract.not-approvable", c -> c.approve(null, MANAGER, T1)))
                .isEqualTo(allBut(ContractStatus.SUBMITTED));
        assertThat(refusedWith("contract.not-rejectable", c -> c.reject("不同意", MANAGER, T1)))
                .isEqualTo(allBut(ContractStatus.SUBMITTED));
        assertThat(refusal(() -> submitted().reject(" ", MANAGER, T1)).code()).isEqualTo("contract.rejection.reason");
        assertThat(refusal(() -> submitted().reject(null, MANAGER, T1)).code()).isEqualTo("contract.rejection.reason");

        Contract.Change rejected = submitted().reject("付款条件不符合公司规定", MANAGER, T2);
        assertThat(rejected.contract().rejectionReason()).isEqualTo("付款条件不符合公司规定");
        assertThat(rejected.step().note()).isEqualTo("付款条件不符合公司规定");
        assertThat(rejected.step().actor()).isEqualTo(MANAGER);
    }

    @Test
    @DisplayName("a rejected contract is not edited where it stands: it goes back to draft, is reworked and submitted again")
    void rework() {
        Contract.Change back = rejected().rework("按审批意见修改", SALES, T2);
        Contract resubmitted = back.contract().edit(complete(), T2).submit(SALES, T2).contract();

        assertThat(refusal(() -> rejected().edit(complete(), T2)).code()).isEqualTo("contract.not-editable");
        assertThat(back.contract().status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(back.contract().rejectionReason()).as("the reason stays in the history").isNull();
        assertThat(back.step().from()).isEqualTo(ContractStatus.REJECTED);
        assertThat(resubmitted.status()).isEqualTo(ContractStatus.SUBMITTED);
        assertThat(resubmitted.historyLength()).as("created, submitted, rejected, back to draft, submitted").isEqualTo(5);
        assertThat(refusedWith("contract.not-reworkable", c -> c.rework(null, SALES, T1)))
                .isEqualTo(allBut(ContractStatus.REJECTED));
    }

    @Test
    @DisplayName("only an approved contract is signed into execution")
    void execution() {
        assertThat(refusedWith("contract.not-executable", c -> c.startExecution(SIGNED, SALES, T1)))
                .isEqualTo(allBut(ContractStatus.APPROVED));
        assertThat(approved().signingDate()).as("signed is what going into execution means").isNull();
    }

    @Test
    @DisplayName("only a contract in execution is completed or terminated, and a termination says why")
    void completeOrTerminate() {
        assertThat(refusedWith("contract.not-completable", c -> c.complete(null, SALES, T1)))
                .isEqualTo(allBut(ContractStatus.IN_EXECUTION));
        assertThat(refusedWith("contract.not-terminable", c -> c.terminate("客户违约", SALES, T1)))
                .isEqualTo(allBut(ContractStatus.IN_EXECUTION));
        assertThat(refusal(() -> executing().terminate("", SALES, T1)).code()).isEqualTo("contract.termination.reason");
        assertThat(terminated().terminationReason()).isEqualTo("客户破产");
        assertThat(terminated().status().isFinal()).isTrue();
    }

    @Test
    @DisplayName("an approved or executing contract expires only after its end date")
    void expire() {
        LocalDate after = END.plusDays(1);

        assertThat(refusedWith("contract.not-expirable", c -> c.expire(after, SALES, T1)))
                .isEqualTo(allBut(ContractStatus.APPROVED, ContractStatus.IN_EXECUTION));
        assertThat(refusal(() -> executing().expire(END, SALES, T1)).code()).isEqualTo("contract.not-ended");
        assertThat(refusal(() -> approved().expire(END.minusYears(1), SALES, T1)).code()).isEqualTo("contract.not-ended");
        assertThat(executing().expire(after, SALES, T1).contract().status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(approved().expire(after, SALES, T1).contract().signingDate()).as("never signed").isNull();
    }

    @Test
    @DisplayName("an approved or executing contract is due for its expiry reminder within the notice period before its end")
    void expiring() {
        Period month = Period.ofDays(30);

        assertThat(executing().isExpiring(END.minusDays(30), month)).isTrue();
        assertThat(executing().isExpiring(END, month)).isTrue();
        assertThat(executing().isExpiring(END.minusDays(31), month)).isFalse();
        assertThat(executing().isExpiring(END.plusDays(1), month)).as("past its end it has expired").isFalse();
        assertThat(approved().isExpiring(END, month)).isTrue();
        assertThat(completed().isExpiring(END, month)).isFalse();
        assertThat(draft().isExpiring(END, month)).isFalse();
        assertThat(expired().isExpiring(END, month)).isFalse();
    }

    @Test
    @DisplayName("the transition table says which steps a status allows")
    void transitions() {
        assertThat(ContractStatus.DRAFT.next()).containsExactly(ContractStatus.SUBMITTED);
        assertThat(ContractStatus.SUBMITTED.next()).containsExactly(ContractStatus.APPROVED, ContractStatus.REJECTED);
        assertThat(ContractStatus.REJECTED.next()).containsExactly(ContractStatus.DRAFT);
        assertThat(ContractStatus.APPROVED.next()).containsExactly(ContractStatus.IN_EXECUTION, ContractStatus.EXPIRED);
        assertThat(ContractStatus.IN_EXECUTION.next()).containsExactly(ContractStatus.COMPLETED,
                ContractStatus.TERMINATED, ContractStatus.EXPIRED);
        assertThat(ContractStatus.COMPLETED.next()).isEmpty();
        assertThat(ContractStatus.TERMINATED.next()).isEmpty();
        assertThat(ContractStatus.EXPIRED.next()).isEmpty();
    }

    @Test
    @DisplayName("a refusal names the contract and its status in the actor's language")
    void messages() {
        BusinessRuleException refused = refusal(() -> completed().submit(SALES, T1));

        assertThat(refused.getMessage()).isEqualTo("contract k-1 is completed; only a draft can be submitted");
        assertThat(refused.in(Locale.CHINESE).getMessage()).isEqualTo("合同k-1的状态是已完成；只有草稿可以提交审批");
    }
}
