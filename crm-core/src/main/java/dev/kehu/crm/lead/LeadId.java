package dev.kehu.crm.lead;

import dev.kehu.crm.common.Identifiers;

public record LeadId(String value) {
    public LeadId {
        Identifiers.check(value, "lead id");
    }

    @Override
    public String toString() { return value; }
}
