package dev.kehu.crm.audit;

import dev.kehu.crm.common.TenantId;
import java.util.Collection;
import java.util.List;

/** Port: the append-only store of audit entries. */
public interface AuditLog {
    void append(AuditEntry entry);

    /** Entries about any of the given records, oldest first (ties in the order they were appended). */
    List<AuditEntry> forRecords(TenantId tenant, String recordType, Collection<String> recordIds);
}
