package dev.kehu.crm.examples.bench.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code kehu_audit_entry} with its {@code kehu_audit_change} rows as an ordered element collection.
 * The entity's id is the unique (tenant, id), not the identity column {@code seq}, which the database fills:
 * an identity id would stop Hibernate from batching the inserts.
 */
@Entity
@Table(name = "kehu_audit_entry")
@IdClass(TenantKey.class)
public class AuditEntryEntity {
    @Id @Column(name = "tenant_id") String tenantId;
    @Id @Column(name = "id") String id;
    @Column(name = "actor") String actor;
    @Column(name = "recorded_at") Instant recordedAt;
    @Column(name = "record_type") String recordType;
    @Column(name = "record_id") String recordId;
    @Column(name = "action") String action;
    @ElementCollection
    @CollectionTable(name = "kehu_audit_change", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "entry_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_index")
    List<Change> changes = new ArrayList<>();

    protected AuditEntryEntity() {
    }

    AuditEntryEntity(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Embeddable
    public static class Change {
        @Column(name = "field") String field;
        @Column(name = "from_value") String fromValue;
        @Column(name = "to_value") String toValue;

        protected Change() {
        }

        Change(String field, String toValue) {
            this.field = field;
            this.toValue = toValue;
        }
    }
}
