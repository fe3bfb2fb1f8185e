package dev.kehu.crm.plan;

import dev.kehu.crm.common.Identifiers;

public record DevelopmentPlanId(String value) {
    public DevelopmentPlanId {
        Identifiers.check(value, "development plan id");
    }

    @Override
    public String toString() { return value; }
}
