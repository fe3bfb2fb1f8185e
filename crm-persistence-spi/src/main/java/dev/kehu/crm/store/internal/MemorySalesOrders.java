package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.order.CustomerPurchase;
import dev.kehu.crm.order.DormancyRule;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.order.SalesOrderId;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.store.internal.Tables.Key;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sales orders and each customer's last purchase. Transactions of this store run one at a time, so the last
 * purchase is simply recomputed from the customer's orders at every save.
 */
public final class MemorySalesOrders implements SalesOrders {
    private final MemoryTransactions transactions;
    private final VersionedTable<SalesOrder> orders;

    public MemorySalesOrders(MemoryTransactions transactions) {
        this.transactions = transactions;
        orders = new VersionedTable<>(transactions, SalesOrder.RECORD_TYPE, tables -> tables.salesOrders,
                SalesOrder::version);
    }

    @Override
    public Optional<SalesOrder> find(TenantId tenant, SalesOrderId id) {
        return orders.find(tenant, id.value());
    }

    @Override
    public SalesOrder save(SalesOrder order) {
        requireNonNull(order, "order");
        return transactions.inTransaction(() -> {
            Optional<SalesOrder> before = find(order.tenant(), order.id());
            SalesOrder saved = orders.save(order.tenant(), order.id().value(), order.version(),
                    version -> order.toBuilder().version(version).build(),
                    tables -> Tables.checkNumberIsFree(tables.salesOrders, SalesOrder.RECORD_TYPE, order.tenant(),
                            order.id().value(), order.number(), SalesOrder::number, o -> o.id().value()));
            transactions.write(tables -> {
                refreshLastPurchase(tables, order.tenant(), order.customer());
                before.filter(b -> !b.customer().equals(order.customer()))
                        .ifPresent(b -> refreshLastPurchase(tables, order.tenant(), b.customer()));
                return null;
            });
            return saved;
        });
    }

    private static void refreshLastPurchase(Tables tables, TenantId tenant, CustomerId customer) {
        List<SalesOrder> ofCustomer = Tables.ofTenant(tables.salesOrders, tenant)
                .filter(o -> o.customer().equals(customer)).toList();
        tables.lastPurchases.put(new Key(tenant, customer.value()), DormancyRule.lastPurchase(ofCustomer));
    }

    @Override
    public Optional<SalesOrder> findByNumber(TenantId tenant, String number) {
        requireNonNull(number, "number");
        return transactions.read(tables -> Tables.ofTenant(tables.salesOrders, tenant)
                .filter(o -> number.equals(o.number())).findAny());
    }

    @Override
    public List<SalesOrder> ofCustomer(TenantId tenant, CustomerId customer, SalesOrderId after, int limit) {
        requireNonNull(customer, "customer");
        PageRequest.checkLimit(limit);
        return transactions.read(tables -> {
            SalesOrder last = after == null ? null : tables.salesOrders.get(new Key(tenant, after.value()));
            if (after != null && last == null) return List.of();
            return Ordering.after(Tables.ofTenant(tables.salesOrders, tenant).filter(o -> o.customer().equals(customer)),
                    Ordering.SALES_ORDERS, last, limit);
        });
    }

    @Override
    public Optional<LocalDate> lastPurchase(TenantId tenant, CustomerId customer) {
        requireNonNull(customer, "customer");
        return transactions.read(tables -> tables.lastPurchases.getOrDefault(new Key(tenant, customer.value()),
                Optional.empty()));
    }

    @Override
    public List<CustomerPurchase> dormant(TenantId tenant, LocalDate purchasedBefore, CustomerId after, int limit) {
        requireNonNull(purchasedBefore, "purchasedBefore");
        PageRequest.checkLimit(limit);
        return transactions.read(tables -> {
            Stream<CustomerPurchase> purchases = tables.lastPurchases.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant) && e.getValue().isPresent())
                    .map(e -> new CustomerPurchase(new CustomerId(e.getKey().id()), e.getValue().get()));
            CustomerPurchase last = null;
            if (after != null) {
                Optional<LocalDate> date = tables.lastPurchases.getOrDefault(new Key(tenant, after.value()),
                        Optional.empty());
                if (date.isEmpty()) return List.of();
                last = new CustomerPurchase(after, date.get());
            }
            return Ordering.after(purchases.filter(p -> p.lastPurchase().isBefore(purchasedBefore)),
                    Ordering.PURCHASES, last, limit);
        });
    }
}
