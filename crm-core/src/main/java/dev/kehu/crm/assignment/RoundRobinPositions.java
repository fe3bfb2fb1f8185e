package dev.kehu.crm.assignment;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.security.TeamId;
import java.util.Optional;

/**
 * Port: where each team's round-robin position is kept, so turns survive a restart and are shared by every
 * host instance on the same store. Every method takes part in the calling thread's transaction.
 */
public interface RoundRobinPositions {
    /** The record type a stale save names, with the team's id. */
    String RECORD_TYPE = "round-robin-position";

    /** The team's position and its version; empty when the team has never taken turns. */
    Optional<Stored> find(TenantId tenant, TeamId team);

    /**
     * Stores the team's new position if its stored version is still {@code expectedVersion} (0 when none is
     * stored yet).
     *
     * @return the position as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when another batch moved the position since; nothing
     *         is written
     */
    Stored save(TenantId tenant, RoundRobinPosition position, long expectedVersion);

    /** A position as stored: its version grows by one with every save. */
    record Stored(RoundRobinPosition position, long version) {
        public Stored {
            java.util.Objects.requireNonNull(position, "position");
            if (version < 1) throw new IllegalArgumentException("a stored position has version ≥ 1");
        }
    }
}
