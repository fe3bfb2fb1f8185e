package dev.kehu.crm.audit;

import dev.kehu.crm.common.TenantId;
import java.util.Collection;
import java.util.List;

/** Port: the append-only store of audit entries. */
public interface AuditLog {
    void append(AuditEntry entry);

    /**
     * Appends entries in their order, as that many appends would, for a use case that writes many at once (an
     * import); a store writes them in batches.
     *
     * <p>When a store refuses one (an id already in the log), some entries may have been written: the exception must
     * end the transaction, which is rolled back as after any refusal.
     */
    default void appendAll(List<AuditEntry> entries) {
        entries.forEach(this::append);
    }

    /** Entries about any of the given records, oldest first (ties in the order they were appended). */
    List<AuditEntry> forRecords(TenantId tenant, String recordType, Collection<String> recordIds);
}
