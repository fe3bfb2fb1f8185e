package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerStatus;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.order.CustomerPurchase;
import dev.kehu.crm.order.DormancyRule;
import dev.kehu.crm.order.SalesOrders;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Active customers who have bought nothing for more than the dormancy period (C6, six months by default): their
 * account manager is reminded once per dormant spell — the key holds the first dormant day, so a customer who buys
 * again and falls dormant again is reminded again. Customers who never bought are prospects, not dormant. Uses
 * the index on each customer's last purchase date.
 */
final class DormantCustomerRule implements CareRule<CustomerPurchase> {
    private final SalesOrders orders;
    private final Customers customers;
    private final Period threshold;

    DormantCustomerRule(SalesOrders orders, Customers customers, Period threshold) {
        this.orders = orders;
        this.customers = customers;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return CareRules.DORMANT_CUSTOMERS;
    }

    @Override
    public List<CustomerPurchase> page(TenantId tenant, LocalDate today, CustomerPurchase after, int limit) {
        return orders.dormant(tenant, DormancyRule.purchasedBefore(today, threshold),
                after == null ? null : after.customer(), limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<CustomerPurchase> rows, LocalDate today) {
        List<ReminderCandidate> found = new ArrayList<>();
        Map<CustomerId, Customer> byId = customers.findAll(tenant, rows.stream().map(CustomerPurchase::customer).toList());
        for (CustomerPurchase row : rows) {
            Optional<Customer> customer = Optional.ofNullable(byId.get(row.customer()))
                    .filter(c -> c.status() == CustomerStatus.ACTIVE && c.owner() != null);
            if (customer.isEmpty()) continue;
            LocalDate dormantSince = DormancyRule.dormantFrom(row.lastPurchase(), threshold);
            found.add(new ReminderCandidate(Customer.RECORD_TYPE, row.customer().value(), row.customer().value(),
                    dormantSince, customer.get().owner(), customer.get().name(),
                    Map.of("lastPurchase", row.lastPurchase().toString())));
        }
        return found;
    }
}
