package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.support.Expense;
import dev.kehu.crm.support.ExpenseId;
import dev.kehu.crm.support.Expenses;
import dev.kehu.crm.support.ListPosition;
import java.util.List;
import java.util.Optional;

public final class MemoryExpenses implements Expenses {
    private final MemoryTransactions transactions;
    private final VersionedTable<Expense> expenses;

    public MemoryExpenses(MemoryTransactions transactions) {
        this.transactions = transactions;
        expenses = new VersionedTable<>(transactions, Expense.RECORD_TYPE, tables -> tables.expenses, Expense::version);
    }

    @Override
    public Optional<Expense> find(TenantId tenant, ExpenseId id) {
        return expenses.find(tenant, id.value());
    }

    @Override
    public Expense save(Expense expense) {
        requireNonNull(expense, "expense");
        return expenses.save(expense.tenant(), expense.id().value(), expense.version(),
                version -> new Expense(expense.id(), expense.tenant(), expense.customer(), expense.ticket(),
                        expense.category(), expense.amount(), expense.description(), expense.incurredOn(),
                        expense.submittedBy(), expense.status(), expense.approver(), expense.decidedAt(),
                        expense.rejectionReason(), expense.createdAt(), expense.updatedAt(), version));
    }

    @Override
    public List<Expense> ofCustomer(TenantId tenant, CustomerId customer, ListPosition before, int limit) {
        requireNonNull(customer, "customer");
        Ordering.checkLimit(limit);
        return transactions.read(tables -> Tables.ofTenant(tables.expenses, tenant)
                .filter(e -> e.customer().equals(customer))
                .filter(e -> before == null || Ordering.NEWEST_FIRST.compare(position(e), before) > 0)
                .sorted((a, b) -> Ordering.NEWEST_FIRST.compare(position(a), position(b)))
                .limit(limit).toList());
    }

    private static ListPosition position(Expense e) {
        return new ListPosition(e.createdAt(), e.id().value());
    }
}
