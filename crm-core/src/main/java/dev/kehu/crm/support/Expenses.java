package dev.kehu.crm.support;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import java.util.List;
import java.util.Optional;

/**
 * Port: where expenses are kept. Every method takes part in the calling thread's transaction of the same store.
 */
public interface Expenses {
    Optional<Expense> find(TenantId tenant, ExpenseId id);

    /**
     * Inserts an expense of version 0, or updates one whose stored version equals {@code expense.version()}.
     *
     * @return the expense as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Expense save(Expense expense);

    /**
     * The customer's expenses, newest first (by creation time, then id, both descending), at most {@code limit}
     * (1–1000); with {@code before}, only those after that position in this order.
     */
    List<Expense> ofCustomer(TenantId tenant, CustomerId customer, ListPosition before, int limit);
}
