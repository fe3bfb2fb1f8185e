package dev.kehu.crm.customer;

import dev.kehu.crm.common.Identifiers;

/** A department or position in a customer's own organisation (C4). */
public record OrgUnitId(String value) {
    public OrgUnitId {
        Identifiers.check(value, "org unit id");
    }

    @Override
    public String toString() { return value; }
}
