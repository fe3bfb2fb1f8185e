package dev.kehu.crm.examples.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code kehu_contact}, with the columns an import fills. */
@Entity
@Table(name = "kehu_contact")
@IdClass(TenantKey.class)
public class ContactEntity {
    @Id @Column(name = "tenant_id") String tenantId;
    @Id @Column(name = "id") String id;
    @Column(name = "customer_id") String customerId;
    @Column(name = "name") String name;
    @Column(name = "name_lc") String nameLc;
    @Column(name = "mnemonic") String mnemonic;
    @Column(name = "category") String category = "ORDINARY";
    @Column(name = "is_primary") boolean primary;
    @Column(name = "position_name") String position;
    @Column(name = "mobile") String mobile;
    @Column(name = "email") String email;
    @Column(name = "email_lc") String emailLc;
    @Column(name = "created_at") Instant createdAt;
    @Column(name = "updated_at") Instant updatedAt;
    @Version @Column(name = "version") long version;

    protected ContactEntity() {
    }

    ContactEntity(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }
}
