package dev.kehu.crm.security;

import dev.kehu.crm.common.Identifiers;

/** A sales or service team (Y5). */
public record TeamId(String value) {
    public TeamId {
        Identifiers.check(value, "team id");
    }

    @Override
    public String toString() { return value; }
}
