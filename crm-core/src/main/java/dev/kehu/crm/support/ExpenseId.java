package dev.kehu.crm.support;

import dev.kehu.crm.common.Identifiers;

public record ExpenseId(String value) {
    public ExpenseId {
        Identifiers.check(value, "expense id");
    }

    @Override
    public String toString() { return value; }
}
