package dev.kehu.crm.order;

import dev.kehu.crm.common.Identifiers;

/** The id of a sales order (销售订单). */
public record SalesOrderId(String value) {
    public SalesOrderId {
        Identifiers.check(value, "sales order id");
    }

    @Override
    public String toString() { return value; }
}
