package dev.kehu.crm.knowledge;

import dev.kehu.crm.common.Identifiers;

public record ArticleId(String value) {
    public ArticleId {
        Identifiers.check(value, "article id");
    }

    @Override
    public String toString() { return value; }
}
