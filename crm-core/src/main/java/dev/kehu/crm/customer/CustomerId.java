package dev.kehu.crm.customer;

import dev.kehu.crm.common.Identifiers;

public record CustomerId(String value) {
    public CustomerId {
        Identifiers.check(value, "customer id");
    }

    @Override
    public String toString() { return value; }
}
