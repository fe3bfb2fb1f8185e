package dev.kehu.crm.support;

import static dev.kehu.crm.common.Refusals.refusal;
import static dev.kehu.crm.support.Tickets.HUAXIA;
import static dev.kehu.crm.support.Tickets.LIU;
import static dev.kehu.crm.support.Tickets.SUPERVISOR;
import static dev.kehu.crm.support.Tickets.TENANT;
import static dev.kehu.crm.support.Tickets.ZHANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpenseTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 5);
    static final Instant T0 = Instant.parse("2026-11-05T02:00:00Z");
    static final Money TAXI = Money.of("86.50", "CNY");

    static Expense taxi() {
        return Expense.submit(new ExpenseId("e-1"), TENANT, HUAXIA, new TicketId("tk-1"), ExpenseCategory.TRAVEL, TAXI,
                "上门维修打车", LocalDate.of(2026, 11, 4), ZHANG, TODAY, T0);
    }

    @Test
    @DisplayName("a submitted expense names the customer, the ticket, the category and the amount, and awaits approval")
    void submits() {
        Expense e = taxi();
        assertThat(e.status()).isEqualTo(ExpenseStatus.SUBMITTED);
        assertThat(e.ticket()).isEqualTo(new TicketId("tk-1"));
        assertThat(e.amount()).isEqualTo(TAXI);
        assertThat(e.approver()).isNull();
        assertThat(e.auditFields()).containsEntry("amount", "86.50 CNY").containsEntry("category", "TRAVEL");
        assertThat(ExpenseCategory.ENTERTAINMENT.label(Locale.CHINA)).isEqualTo("招待费");
    }

    @Test
    @DisplayName("an amount of zero or less, or a day still to come, is refused")
    void submitRefusals() {
        assertThat(refusal(() -> Expense.submit(new ExpenseId("e-2"), TENANT, HUAXIA, null, ExpenseCategory.MEALS,
                Money.of("0", "CNY"), null, TODAY, ZHANG, TODAY, T0)).code()).isEqualTo("expense.amount.not-positive");
        assertThat(refusal(() -> Expense.submit(new ExpenseId("e-2"), TENANT, HUAXIA, null, ExpenseCategory.MEALS,
                Money.of("-5", "CNY"), null, TODAY, ZHANG, TODAY, T0)).code()).isEqualTo("expense.amount.not-positive");
        assertThat(refusal(() -> Expense.submit(new ExpenseId("e-2"), TENANT, HUAXIA, null, ExpenseCategory.MEALS,
                TAXI, null, TODAY.plusDays(1), ZHANG, TODAY, T0)).code()).isEqualTo("expense.incurred.future");
        assertThat(Expense.submit(new ExpenseId("e-2"), TENANT, HUAXIA, null, ExpenseCategory.MEALS, TAXI, null, TODAY,
                ZHANG, TODAY, T0).ticket()).isNull();
    }

    @Test
    @DisplayName("somebody else approves it, once; an approved expense is final")
    void approve() {
        Expense approved = taxi().approve(SUPERVISOR, T0.plusSeconds(60));
        assertThat(approved.status()).isEqualTo(ExpenseStatus.APPROVED);
        assertThat(approved.approver()).isEqualTo(SUPERVISOR);
        assertThat(approved.decidedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(refusal(() -> taxi().approve(ZHANG, T0)).code()).isEqualTo("expense.approver.self");
        var again = refusal(() -> approved.reject(SUPERVISOR, "重复", T0));
        assertThat(again.code()).isEqualTo("expense.decided");
        assertThat(Messages.get(Locale.CHINA, again.code(), again.arguments().toArray())).isEqualTo("费用e-1的状态是已批准，不能再审批");
        assertThat(refusal(() -> approved.revise(ExpenseCategory.TRAVEL, TAXI, null, TODAY, ZHANG, TODAY, T0)).code())
                .isEqualTo("expense.approved");
    }

    @Test
    @DisplayName("a rejection needs the reason; the claimant may revise a rejected expense, which submits it again")
    void rejectAndRevise() {
        assertThat(refusal(() -> taxi().reject(SUPERVISOR, " ", T0)).code()).isEqualTo("expense.rejection.reason");
        Expense rejected = taxi().reject(SUPERVISOR, "缺少发票", T0.plusSeconds(60));
        assertThat(rejected.rejectionReason()).isEqualTo("缺少发票");
        assertThat(refusal(() -> rejected.revise(ExpenseCategory.TRAVEL, TAXI, null, TODAY, LIU, TODAY, T0)).code())
                .isEqualTo("expense.not-submitter");
        Expense revised = rejected.revise(ExpenseCategory.TRAVEL, Money.of("80", "CNY"), "打车（附发票）", TODAY, ZHANG,
                TODAY, T0.plusSeconds(120));
        assertThat(revised.status()).isEqualTo(ExpenseStatus.SUBMITTED);
        assertThat(revised.approver()).isNull();
        assertThat(revised.rejectionReason()).isNull();
        assertThat(revised.amount()).isEqualTo(Money.of("80.00", "CNY"));
        assertThat(revised.approve(SUPERVISOR, T0.plusSeconds(180)).status()).isEqualTo(ExpenseStatus.APPROVED);
    }

    @Test
    @DisplayName("inconsistent expenses are programming errors")
    void invariants() {
        Expense e = taxi();
        assertThatThrownBy(() -> new Expense(e.id(), e.tenant(), e.customer(), e.ticket(), e.category(), e.amount(),
                e.description(), e.incurredOn(), e.submittedBy(), ExpenseStatus.APPROVED, null, null, null,
                e.createdAt(), e.updatedAt(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Expense(e.id(), e.tenant(), e.customer(), e.ticket(), e.category(), e.amount(),
                e.description(), e.incurredOn(), e.submittedBy(), ExpenseStatus.APPROVED, ZHANG, T0, null,
                e.createdAt(), e.updatedAt(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Expense(e.id(), e.tenant(), e.customer(), e.ticket(), e.category(), e.amount(),
                e.description(), e.incurredOn(), e.submittedBy(), ExpenseStatus.REJECTED, SUPERVISOR, T0, null,
                e.createdAt(), e.updatedAt(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
