package dev.kehu.crm.support;

import dev.kehu.crm.common.Identifiers;

public record TicketId(String value) {
    public TicketId {
        Identifiers.check(value, "ticket id");
    }

    @Override
    public String toString() { return value; }
}
