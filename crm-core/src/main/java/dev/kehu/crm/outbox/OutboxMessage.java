package dev.kehu.crm.outbox;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification or domain event written to the outbox in the transaction of the change that caused it, and
 * delivered after that transaction commits (at least once). Immutable; the relay saves a new version for each
 * attempt.
 *
 * @param key           the idempotency key, unique per tenant: a second message with the same key is not
 *                      written, and a receiver can use it to drop a redelivery
 * @param topic         what happened, e.g. {@code opportunity.assigned} or {@code customer.create}
 * @param recipient     who a notification is for; {@code null} for an event
 * @param data          the values a receiver needs, in a stable order
 * @param attempts      how many deliveries were started
 * @param nextAttemptAt when the relay may try (again); while an attempt runs, the end of its lease
 * @param lastError     why the last attempt failed, or {@code null}
 * @param version       0 before the first save; every save increments it (two relays cannot both claim it)
 */
public record OutboxMessage(String id, TenantId tenant, OutboxKind kind, String key, String topic, String recordType,
                            String recordId, UserId recipient, UserId actor, Instant createdAt, Map<String, String> data,
                            OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError,
                            Instant deliveredAt, long version) {
    public static final String RECORD_TYPE = "outbox-message";

    public OutboxMessage {
        Identifiers.check(id, "outbox message id");
        requireNonNull(tenant, "tenant");
        requireNonNull(kind, "kind");
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("an outbox message needs an idempotency key of 1 to 200 characters");
        }
        Identifiers.check(topic, "topic");
        Identifiers.check(recordType, "record type");
        Identifiers.check(recordId, "record id");
        if ((kind == OutboxKind.NOTIFICATION) != (recipient != null)) {
            throw new IllegalArgumentException("a notification, and only it, has a recipient");
        }
        requireNonNull(actor, "actor");
        createdAt = micros(requireNonNull(createdAt, "createdAt"));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(data, "data")));
        if (data.containsKey(null)) throw new IllegalArgumentException("every value of a message's data has a name");
        requireNonNull(status, "status");
        if (attempts < 0) throw new IllegalArgumentException("attempts must be ≥ 0");
        nextAttemptAt = micros(requireNonNull(nextAttemptAt, "nextAttemptAt"));
        if ((status == OutboxStatus.DELIVERED) != (deliveredAt != null)) {
            throw new IllegalArgumentException("a delivered message, and only it, has a delivery time");
        }
        deliveredAt = deliveredAt == null ? null : micros(deliveredAt);
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A new message, due at once. */
    public static OutboxMessage pending(String id, TenantId tenant, OutboxKind kind, String key, String topic,
                                        String recordType, String recordId, UserId recipient, UserId actor,
                                        Instant at, Map<String, String> data) {
        return new OutboxMessage(id, tenant, kind, key, topic, recordType, recordId, recipient, actor, at, data,
                OutboxStatus.PENDING, 0, at, null, null, 0);
    }

    /** This message, claimed for an attempt that may take until {@code leaseEnds}. */
    public OutboxMessage claimed(Instant leaseEnds) {
        return with(OutboxStatus.PENDING, attempts + 1, leaseEnds, lastError, null);
    }

    public OutboxMessage delivered(Instant at) {
        return with(OutboxStatus.DELIVERED, attempts, nextAttemptAt, null, at);
    }

    /** This message after a failed attempt: tried again at {@code retryAt}, or dead when {@code retryAt} is null. */
    public OutboxMessage failed(String error, Instant retryAt) {
        return retryAt == null ? with(OutboxStatus.DEAD, attempts, nextAttemptAt, error, null)
                : with(OutboxStatus.PENDING, attempts, retryAt, error, null);
    }

    private OutboxMessage with(OutboxStatus newStatus, int newAttempts, Instant next, String error, Instant delivered) {
        return new OutboxMessage(id, tenant, kind, key, topic, recordType, recordId, recipient, actor, createdAt, data,
                newStatus, newAttempts, next, error, delivered, version);
    }

    /** The same message as stored with {@code newVersion}; for stores. */
    public OutboxMessage withVersion(long newVersion) {
        return new OutboxMessage(id, tenant, kind, key, topic, recordType, recordId, recipient, actor, createdAt, data,
                status, attempts, nextAttemptAt, lastError, deliveredAt, newVersion);
    }
}
