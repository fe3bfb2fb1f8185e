package dev.kehu.crm.examples.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/** A row of {@code kehu_opportunity}, with the columns a stage move reads and changes. */
@Entity
@Table(name = "kehu_opportunity")
@IdClass(TenantKey.class)
@DynamicUpdate
public class OpportunityEntity {
    @Id @Column(name = "tenant_id") String tenantId;
    @Id @Column(name = "id") String id;
    @Column(name = "stage") String stage;
    @Column(name = "probability") int probability;
    @Column(name = "stage_note") String stageNote;
    @Column(name = "status") String status;
    @Column(name = "stage_entered_at") Instant stageEnteredAt;
    @Column(name = "history_length") int historyLength;
    @Column(name = "updated_at") Instant updatedAt;
    @Version @Column(name = "version") long version;

    protected OpportunityEntity() {
    }
}
