package dev.kehu.crm.common;

/** The tenant (company) that owns a record; records of one tenant are invisible to another. */
public record TenantId(String value) {
    public TenantId {
        Identifiers.check(value, "tenant id");
    }

    @Override
    public String toString() { return value; }
}
