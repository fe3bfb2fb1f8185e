package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.assignment.RoundRobinPosition;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.security.TeamId;
import java.util.Optional;

public final class MemoryRoundRobinPositions implements RoundRobinPositions {
    /** The record type a stale save names; the id it names is the team's. */
    static final String RECORD_TYPE = RoundRobinPositions.RECORD_TYPE;

    private final VersionedTable<Stored> positions;

    public MemoryRoundRobinPositions(MemoryTransactions transactions) {
        positions = new VersionedTable<>(transactions, RECORD_TYPE, tables -> tables.positions, Stored::version);
    }

    @Override
    public Optional<Stored> find(TenantId tenant, TeamId team) {
        return positions.find(tenant, team.value());
    }

    @Override
    public Stored save(TenantId tenant, RoundRobinPosition position, long expectedVersion) {
        requireNonNull(tenant, "tenant");
        requireNonNull(position, "position");
        return positions.save(tenant, position.team().value(), expectedVersion,
                version -> new Stored(position, version));
    }
}
