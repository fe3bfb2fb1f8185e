package dev.kehu.crm.examples.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A pending event in {@code kehu_outbox_message}; its entity id is the unique (tenant, id). */
@Entity
@Table(name = "kehu_outbox_message")
@IdClass(TenantKey.class)
public class OutboxMessageEntity {
    @Id @Column(name = "tenant_id") String tenantId;
    @Id @Column(name = "id") String id;
    @Column(name = "kind") String kind = "EVENT";
    @Column(name = "idempotency_key") String idempotencyKey;
    @Column(name = "topic") String topic;
    @Column(name = "record_type") String recordType;
    @Column(name = "record_id") String recordId;
    @Column(name = "actor") String actor;
    @Column(name = "created_at") Instant createdAt;
    @Column(name = "data") String data;
    @Column(name = "status") String status = "PENDING";
    @Column(name = "attempts") int attempts;
    @Column(name = "next_attempt_at") Instant nextAttemptAt;
    @Version @Column(name = "version") long version;

    protected OutboxMessageEntity() {
    }

    OutboxMessageEntity(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }
}
