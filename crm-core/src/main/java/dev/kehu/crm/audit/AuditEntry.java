package dev.kehu.crm.audit;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the log of changes (Y2): who changed which record, when, and which fields from what to what.
 * Entries are append-only.
 *
 * @param action  what was done, e.g. {@code customer.create}, {@code customer.merge}
 * @param changes the fields that changed, in a stable order; empty when nothing but the action is recorded
 */
public record AuditEntry(String id, TenantId tenant, UserId actor, Instant at, String recordType, String recordId,
                         String action, List<FieldChange> changes) {
    public AuditEntry {
        Identifiers.check(id, "audit entry id");
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(at, "at");
        Identifiers.check(recordType, "record type");
        Identifiers.check(recordId, "record id");
        Identifiers.check(action, "action");
        changes = List.copyOf(changes);
    }
}
