package dev.kehu.crm.contact;

import dev.kehu.crm.common.Identifiers;

public record ContactId(String value) {
    public ContactId {
        Identifiers.check(value, "contact id");
    }

    @Override
    public String toString() { return value; }
}
