package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.Identifiers;

public record OpportunityId(String value) {
    public OpportunityId {
        Identifiers.check(value, "opportunity id");
    }

    @Override
    public String toString() { return value; }
}
