package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.Identifiers;

public record AttachedRecordId(String value) {
    public AttachedRecordId {
        Identifiers.check(value, "attached record id");
    }

    @Override
    public String toString() { return value; }
}
