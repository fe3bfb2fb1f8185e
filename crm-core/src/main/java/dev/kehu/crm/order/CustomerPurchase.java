package dev.kehu.crm.order;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.customer.CustomerId;
import java.time.LocalDate;

/** A customer and the date of their last purchase, as the dormant-customer watch (C6) lists them. */
public record CustomerPurchase(CustomerId customer, LocalDate lastPurchase) {
    public CustomerPurchase {
        requireNonNull(customer, "customer");
        requireNonNull(lastPurchase, "lastPurchase");
    }
}
