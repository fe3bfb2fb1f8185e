package dev.kehu.crm.store.internal;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.common.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

public final class MemoryAuditLog implements AuditLog {
    private final MemoryTransactions transactions;

    public MemoryAuditLog(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEntry entry) {
        requireNonNull(entry, "entry");
        transactions.write(tables -> tables.audit.add(entry));
    }

    @Override
    public void appendAll(List<AuditEntry> entries) {
        entries.forEach(entry -> requireNonNull(entry, "entry"));
        transactions.write(tables -> tables.audit.addAll(entries));
    }

    @Override
    public List<AuditEntry> forRecords(TenantId tenant, String recordType, Collection<String> recordIds) {
        requireNonNull(recordType, "recordType");
        Set<String> ids = Set.copyOf(recordIds);
        // The log is in append order and a stream sort is stable, so entries of one instant stay in that order.
        return transactions.read(tables -> tables.audit.stream()
                .filter(e -> e.tenant().equals(tenant) && e.recordType().equals(recordType))
                .filter(e -> ids.contains(e.recordId()))
                .sorted(comparing(AuditEntry::at))
                .toList());
    }
}
