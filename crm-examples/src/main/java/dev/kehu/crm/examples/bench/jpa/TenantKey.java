package dev.kehu.crm.examples.bench.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of Kehu's records: the tenant, then the id, as the tables declare it. */
public class TenantKey implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    String id;

    protected TenantKey() {
    }

    public TenantKey(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantKey key && tenantId.equals(key.tenantId) && id.equals(key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
