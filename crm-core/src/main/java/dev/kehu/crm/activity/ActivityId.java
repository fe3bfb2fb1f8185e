package dev.kehu.crm.activity;

import dev.kehu.crm.common.Identifiers;

public record ActivityId(String value) {
    public ActivityId {
        Identifiers.check(value, "activity id");
    }

    @Override
    public String toString() { return value; }
}
