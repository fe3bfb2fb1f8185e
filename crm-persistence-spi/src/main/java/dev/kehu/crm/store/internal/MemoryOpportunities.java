package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordId;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.store.internal.Tables.Key;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

public final class MemoryOpportunities implements Opportunities {
    private final MemoryTransactions transactions;
    private final VersionedTable<Opportunity> opportunities;

    public MemoryOpportunities(MemoryTransactions transactions) {
        this.transactions = transactions;
        opportunities = new VersionedTable<>(transactions, Opportunity.RECORD_TYPE, tables -> tables.opportunities,
                Opportunity::version);
    }

    @Override
    public Optional<Opportunity> find(TenantId tenant, OpportunityId id) {
        return opportunities.find(tenant, id.value());
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        requireNonNull(opportunity, "opportunity");
        return opportunities.save(opportunity.tenant(), opportunity.id().value(), opportunity.version(),
                version -> opportunity.toBuilder().version(version).build());
    }

    @Override
    public List<Opportunity> matching(TenantId tenant, OpportunityQuery query) {
        requireNonNull(query, "query");
        return opportunities.list(tenant, query::matches, Ordering.OPPORTUNITIES_BY_ID);
    }

    @Override
    public List<OpportunityTotals> totals(TenantId tenant, OpportunityQuery query, OpportunityTotals.Grouping by) {
        requireNonNull(by, "by");
        return OpportunityTotals.of(matching(tenant, query), by);
    }

    @Override
    public List<Opportunity> openUnchangedSince(TenantId tenant, Instant before, Opportunity after, int limit) {
        requireNonNull(before, "before");
        return opportunities.page(tenant, o -> o.status() == OpportunityStatus.OPEN && o.updatedAt().isBefore(before),
                Ordering.OPPORTUNITIES_BY_UPDATE, after, limit);
    }

    @Override
    public List<Opportunity> openExpectedBefore(TenantId tenant, LocalDate before, Opportunity after, int limit) {
        requireNonNull(before, "before");
        return opportunities.page(tenant, o -> o.status() == OpportunityStatus.OPEN
                        && o.expectedSigningDate() != null && o.expectedSigningDate().isBefore(before),
                Ordering.OPPORTUNITIES_BY_SIGNING, after, limit);
    }

    @Override
    public void append(TenantId tenant, StageChange line) {
        requireNonNull(line, "line");
        Key key = new Key(tenant, line.opportunity().value());
        transactions.write(tables -> {
            List<StageChange> history = tables.histories.getOrDefault(key, List.of());
            if (history.stream().anyMatch(l -> l.sequence() == line.sequence())) {
                // Whoever wrote this line had read a history one line shorter: the same conflict as a stale version.
                throw new StaleRecordException(Opportunity.RECORD_TYPE, key.id(), line.sequence() - 1);
            }
            return tables.histories.put(key,
                    Stream.concat(history.stream(), Stream.of(line)).sorted(Ordering.HISTORY).toList());
        });
    }

    @Override
    public List<StageChange> history(TenantId tenant, OpportunityId id) {
        Key key = new Key(tenant, id.value());
        return transactions.read(tables -> tables.histories.getOrDefault(key, List.of()));
    }

    @Override
    public void attach(AttachedRecord record) {
        requireNonNull(record, "record");
        Key key = new Key(record.tenant(), record.id().value());
        transactions.write(tables -> {
            if (tables.attachments.containsKey(key)) {
                throw new DuplicateRecordException(AttachedRecord.RECORD_TYPE,
                        "The attached record id " + key.id() + " is taken");
            }
            return tables.attachments.put(key, record);
        });
    }

    @Override
    public boolean detach(TenantId tenant, AttachedRecordId id) {
        Key key = new Key(tenant, id.value());
        return transactions.write(tables -> tables.attachments.remove(key) != null);
    }

    @Override
    public List<AttachedRecord> attachments(TenantId tenant, OpportunityId id) {
        requireNonNull(id, "id");
        return transactions.read(tables -> Tables.ofTenant(tables.attachments, tenant)
                .filter(a -> a.opportunity().equals(id))
                .sorted(Ordering.ATTACHMENTS)
                .toList());
    }
}
