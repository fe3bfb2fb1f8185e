package dev.kehu.crm.quote;

import dev.kehu.crm.common.Identifiers;

/** The id of one revision of a quote (报价); each revision has its own. */
public record QuoteId(String value) {
    public QuoteId {
        Identifiers.check(value, "quote id");
    }

    @Override
    public String toString() { return value; }
}
