package dev.kehu.crm.order;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: where sales orders are kept, and each customer's last purchase (C6). Every method takes part in the
 * calling thread's transaction of the same store. Lists are read page by page: {@code after} names the last item
 * of the previous page ({@code null} for the first), {@code limit} (1 to {@link dev.kehu.crm.common.PageRequest#MAX_SIZE}) is the most a page
 * holds; another limit is an {@code IllegalArgumentException}.
 *
 * <p>The store keeps one row per customer who ever had an order: the date of their last purchase
 * ({@link DormancyRule#lastPurchase}: the latest order date of an order not cancelled), updated by every
 * {@link #save} in the same transaction. So the dormant customers are a range of that row's index, never a
 * grouping of every order; and two transactions that change one customer's orders at the same moment meet on that
 * row: one of them is stale.
 */
public interface SalesOrders {
    Optional<SalesOrder> find(TenantId tenant, SalesOrderId id);

    /**
     * Inserts an order of version 0, or updates one whose stored version equals {@code order.version()}; its lines
     * are stored with it, in order. The last purchase of its customer (and of its former customer, if that changed)
     * is brought up to date in the same transaction, and that row's own version checked.
     *
     * @return the order as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone, or an
     *         insert finds the id taken), or another transaction changed the customer's last purchase meanwhile;
     *         nothing is written
     * @throws dev.kehu.crm.common.DuplicateRecordException when another order of the tenant has its number; nothing
     *         is written
     */
    SalesOrder save(SalesOrder order);

    /** The order with this number (compared exactly) in the tenant. */
    Optional<SalesOrder> findByNumber(TenantId tenant, String number);

    /**
     * The customer's orders, cancelled ones included, by order date then id. With {@code after}, the orders after
     * that one in this order; an id the tenant does not have gives an empty list.
     */
    List<SalesOrder> ofCustomer(TenantId tenant, CustomerId customer, SalesOrderId after, int limit);

    /** The date of the customer's last purchase; empty when they never bought or every order was cancelled. */
    Optional<LocalDate> lastPurchase(TenantId tenant, CustomerId customer);

    /**
     * The customers whose last purchase is before {@code purchasedBefore}, by that date then customer id; customers
     * who never bought are not listed. With {@code after}, the customers after that one in this order; a customer
     * without a purchase gives an empty list.
     */
    List<CustomerPurchase> dormant(TenantId tenant, LocalDate purchasedBefore, CustomerId after, int limit);
}
