package dev.kehu.crm.examples.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A line of {@code kehu_opportunity_stage_change}: written once, never changed. */
@Entity
@Table(name = "kehu_opportunity_stage_change")
@IdClass(StageChangeEntity.Key.class)
public class StageChangeEntity {
    @Id @Column(name = "tenant_id") String tenantId;
    @Id @Column(name = "opportunity_id") String opportunityId;
    @Id @Column(name = "sequence_no") int sequenceNo;
    @Column(name = "changed_at") Instant changedAt;
    @Column(name = "actor") String actor;
    @Column(name = "kind") String kind = "MOVED";
    @Column(name = "from_stage") String fromStage;
    @Column(name = "from_probability") Integer fromProbability;
    @Column(name = "from_status") String fromStatus;
    @Column(name = "to_stage") String toStage;
    @Column(name = "to_probability") int toProbability;
    @Column(name = "to_status") String toStatus;
    @Column(name = "note") String note;

    protected StageChangeEntity() {
    }

    StageChangeEntity(String tenantId, String opportunityId, int sequenceNo) {
        this.tenantId = tenantId;
        this.opportunityId = opportunityId;
        this.sequenceNo = sequenceNo;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String tenantId;
        String opportunityId;
        int sequenceNo;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && tenantId.equals(key.tenantId)
                    && opportunityId.equals(key.opportunityId) && sequenceNo == key.sequenceNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, opportunityId, sequenceNo);
        }
    }
}
