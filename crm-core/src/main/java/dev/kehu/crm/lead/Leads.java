package dev.kehu.crm.lead;

import dev.kehu.crm.common.TenantId;
import java.util.List;
import java.util.Optional;

/** Port: where leads are kept. Every method takes part in the calling thread's transaction of the same store. */
public interface Leads {
    Optional<Lead> find(TenantId tenant, LeadId id);

    /**
     * Inserts a lead of version 0, or updates one whose stored version equals {@code lead.version()}.
     *
     * @return the lead as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Lead save(Lead lead);

    /** The leads matching {@code query}, by id. */
    List<Lead> matching(TenantId tenant, LeadQuery query);
}
