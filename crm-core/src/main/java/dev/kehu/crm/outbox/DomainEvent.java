package dev.kehu.crm.outbox;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a record, as the host's systems (a message broker, an ERP) receive it: one for
 * every audited change, with the fields that changed and their new values.
 *
 * @param key  the idempotency key: a redelivered event has the same key
 * @param type what happened, e.g. {@code opportunity.move} or {@code customer.merge}
 * @param data the fields that changed and their new values; {@code null} for a field that was emptied
 */
public record DomainEvent(String key, TenantId tenant, String type, String recordType, String recordId, UserId actor,
                          Instant at, Map<String, String> data) {
    public DomainEvent {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    static DomainEvent of(OutboxMessage m) {
        return new DomainEvent(m.key(), m.tenant(), m.topic(), m.recordType(), m.recordId(), m.actor(), m.createdAt(),
                m.data());
    }
}
