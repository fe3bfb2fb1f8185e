package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.internal.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An expense incurred in dealing with a customer (费用, S4), possibly for one service ticket, submitted by the
 * person who paid it and approved or rejected by somebody else. Immutable: each change returns a new
 * expense, or is refused with a {@link dev.kehu.crm.common.BusinessRuleException} whose code names the rule.
 *
 * <p>An approved expense is final. A submitted or rejected one may be revised, which submits it again.
 *
 * @param ticket          the service ticket it was incurred for, or {@code null}
 * @param amount          what it cost, more than zero, in any currency
 * @param submittedBy     who paid it and claims it
 * @param approver        who approved or rejected it, once decided
 * @param decidedAt       when it was approved or rejected
 * @param rejectionReason why it was rejected, only for a rejected expense
 */
public record Expense(ExpenseId id, TenantId tenant, CustomerId customer, TicketId ticket, ExpenseCategory category,
                      Money amount, String description, LocalDate incurredOn, UserId submittedBy,
                      ExpenseStatus status, UserId approver, Instant decidedAt, String rejectionReason,
                      Instant createdAt, Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "expense";

    public Expense {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        requireNonNull(category, "category");
        requireNonNull(amount, "amount");
        if (amount.amount().signum() <= 0) throw new IllegalArgumentException("an expense amount is more than zero");
        requireNonNull(incurredOn, "incurredOn");
        requireNonNull(submittedBy, "submittedBy");
        requireNonNull(status, "status");
        boolean decided = status != ExpenseStatus.SUBMITTED;
        if (decided != (approver != null) || decided != (decidedAt != null)) {
            throw new IllegalArgumentException("a decided expense, and only it, has an approver and a decision time");
        }
        if (submittedBy.equals(approver)) throw new IllegalArgumentException("nobody decides on their own expense");
        if ((status == ExpenseStatus.REJECTED) == Text.isBlank(rejectionReason)) {
            throw new IllegalArgumentException("a rejected expense, and only it, has the reason");
        }
        decidedAt = decidedAt == null ? null : micros(decidedAt);
        createdAt = micros(requireNonNull(createdAt, "createdAt"));
        updatedAt = micros(requireNonNull(updatedAt, "updatedAt"));
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A submitted expense. Refused for an amount of zero or less ({@code expense.amount.not-positive}) and
     * for a day after {@code today} ({@code expense.incurred.future}).
     *
     * @param today the current day in the host's zone, as the use case's clock gives it
     */
    public static Expense submit(ExpenseId id, TenantId tenant, CustomerId customer, TicketId ticket,
                                 ExpenseCategory category, Money amount, String description, LocalDate incurredOn,
                                 UserId submittedBy, LocalDate today, Instant at) {
        check(amount, incurredOn, today);
        return new Expense(id, tenant, customer, ticket, category, amount, Text.blankToNull(description), incurredOn,
                submittedBy, ExpenseStatus.SUBMITTED, null, null, null, at, at, 0);
    }

    private static void check(Money amount, LocalDate incurredOn, LocalDate today) {
        requireNonNull(amount, "amount");
        requireNonNull(incurredOn, "incurredOn");
        if (amount.amount().signum() <= 0) Decision.refuse("expense.amount.not-positive", amount).orThrow(Locale.ROOT);
        if (incurredOn.isAfter(today)) Decision.refuse("expense.incurred.future", incurredOn).orThrow(Locale.ROOT);
    }

    /** Approved by {@code approver}, who is not the one who claims it ({@code expense.approver.self}). */
    public Expense approve(UserId approver, Instant at) {
        mustBeUndecided(approver);
        return decided(ExpenseStatus.APPROVED, approver, null, at);
    }

    /** Rejected by {@code approver}, with the reason ({@code expense.rejection.reason}). */
    public Expense reject(UserId approver, String reason, Instant at) {
        mustBeUndecided(approver);
        if (Text.isBlank(reason)) Decision.refuse("expense.rejection.reason").orThrow(Locale.ROOT);
        return decided(ExpenseStatus.REJECTED, approver, reason, at);
    }

    /**
     * Corrected and submitted again, with the decision cleared. Refused once approved
     * ({@code expense.approved}), by anybody but the one who claims it ({@code expense.not-submitter}).
     */
    public Expense revise(ExpenseCategory newCategory, Money newAmount, String newDescription, LocalDate newIncurredOn,
                          UserId actor, LocalDate today, Instant at) {
        requireNonNull(newCategory, "newCategory");
        if (status == ExpenseStatus.APPROVED) Decision.refuse("expense.approved", id.value()).orThrow(Locale.ROOT);
        if (!submittedBy.equals(actor)) Decision.refuse("expense.not-submitter", id.value()).orThrow(Locale.ROOT);
        check(newAmount, newIncurredOn, today);
        return new Expense(id, tenant, customer, ticket, newCategory, newAmount, Text.blankToNull(newDescription),
                newIncurredOn, submittedBy, ExpenseStatus.SUBMITTED, null, null, null, createdAt, at, version);
    }

    private void mustBeUndecided(UserId approver) {
        requireNonNull(approver, "approver");
        if (status != ExpenseStatus.SUBMITTED) {
            Decision.refuse("expense.decided", id.value(), status).orThrow(Locale.ROOT);
        }
        if (approver.equals(submittedBy)) Decision.refuse("expense.approver.self").orThrow(Locale.ROOT);
    }

    private Expense decided(ExpenseStatus decision, UserId by, String reason, Instant at) {
        return new Expense(id, tenant, customer, ticket, category, amount, description, incurredOn, submittedBy,
                decision, by, at, reason, createdAt, at, version);
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customer", customer.value());
        fields.put("ticket", Text.of(ticket));
        fields.put("category", category.name());
        fields.put("amount", amount.toString());
        fields.put("description", description);
        fields.put("incurredOn", incurredOn.toString());
        fields.put("submittedBy", submittedBy.value());
        fields.put("status", status.name());
        fields.put("approver", Text.of(approver));
        fields.put("rejectionReason", rejectionReason);
        return fields;
    }
}
