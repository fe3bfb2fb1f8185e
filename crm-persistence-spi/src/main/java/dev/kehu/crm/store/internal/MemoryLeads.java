package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadId;
import dev.kehu.crm.lead.LeadQuery;
import dev.kehu.crm.lead.Leads;
import java.util.List;
import java.util.Optional;

public final class MemoryLeads implements Leads {
    private final VersionedTable<Lead> leads;

    public MemoryLeads(MemoryTransactions transactions) {
        leads = new VersionedTable<>(transactions, Lead.RECORD_TYPE, tables -> tables.leads, Lead::version);
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return leads.find(tenant, id.value());
    }

    @Override
    public Lead save(Lead lead) {
        requireNonNull(lead, "lead");
        return leads.save(lead.tenant(), lead.id().value(), lead.version(), version -> new Lead(lead.id(),
                lead.tenant(), lead.source(), lead.company(), lead.person(), lead.phone(), lead.email(), lead.notes(),
                lead.owner(), lead.status(), lead.discardReason(), lead.conversion(), lead.createdAt(),
                lead.updatedAt(), version));
    }

    @Override
    public List<Lead> matching(TenantId tenant, LeadQuery query) {
        requireNonNull(query, "query");
        return leads.list(tenant, query::matches, Ordering.LEADS_BY_ID);
    }
}
