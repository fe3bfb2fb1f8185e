package dev.kehu.crm.examples.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code kehu_customer}, with the columns an import fills. */
@Entity
@Table(name = "kehu_customer")
@IdClass(TenantKey.class)
public class CustomerEntity {
    @Id @Column(name = "tenant_id") String tenantId;
    @Id @Column(name = "id") String id;
    @Column(name = "type") String type;
    @Column(name = "name") String name;
    @Column(name = "name_lc") String nameLc;
    @Column(name = "mnemonic") String mnemonic;
    @Column(name = "number") String number;
    @Column(name = "number_lc") String numberLc;
    @Column(name = "value_rating") String valueRating = "MEDIUM";
    @Column(name = "credit_rating") String creditRating = "MEDIUM";
    @Column(name = "category") String category = "POTENTIAL";
    @Column(name = "relationship") String relationship = "FAIR";
    @Column(name = "lifecycle_stage") String lifecycleStage = "PRE_SALES";
    @Column(name = "city") String city;
    @Column(name = "phone") String phone;
    @Column(name = "email") String email;
    @Column(name = "email_lc") String emailLc;
    @Column(name = "owner") String owner;
    @Column(name = "status") String status = "ACTIVE";
    @Column(name = "created_at") Instant createdAt;
    @Column(name = "updated_at") Instant updatedAt;
    @Version @Column(name = "version") long version;

    protected CustomerEntity() {
    }

    CustomerEntity(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }
}
