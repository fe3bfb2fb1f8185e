package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: where opportunities, their stage history and their attached records are kept. Every method takes
 * part in the calling thread's transaction of the same store.
 */
public interface Opportunities {
    Optional<Opportunity> find(TenantId tenant, OpportunityId id);

    /**
     * Inserts an opportunity of version 0, or updates one whose stored version equals {@code opportunity.version()}.
     *
     * @return the opportunity as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Opportunity save(Opportunity opportunity);

    /** The opportunities matching {@code query}, by id. */
    List<Opportunity> matching(TenantId tenant, OpportunityQuery query);

    /**
     * The opportunities matching {@code query} counted and summed per group: exactly
     * {@link OpportunityTotals#of} over {@link #matching}, in no particular order, answered without loading them
     * (the funnel and the forecast read every opportunity of a tenant; on JDBC this is one {@code GROUP BY}).
     */
    List<OpportunityTotals> totals(TenantId tenant, OpportunityQuery query, OpportunityTotals.Grouping by);

    /**
     * Appends a line to the stage history of a stored opportunity (a store may refuse a line or an attached
     * record for an opportunity it does not have); lines are never changed or removed.
     *
     * @throws dev.kehu.crm.common.StaleRecordException naming the opportunity, when it already has a line with
     *         this sequence number (another change got there first); nothing is written
     */
    void append(TenantId tenant, StageChange line);

    /** The stage history of the opportunity, by sequence number; empty when it has none. */
    List<StageChange> history(TenantId tenant, OpportunityId id);

    /** Attaches a record; an id already taken is a {@code DuplicateRecordException}. */
    void attach(AttachedRecord record);

    /** Removes an attached record; {@code false} when there was none with this id. */
    boolean detach(TenantId tenant, AttachedRecordId id);

    /** The records attached to the opportunity, oldest first (ties by id). */
    List<AttachedRecord> attachments(TenantId tenant, OpportunityId id);

    // Care reminders

    /**
     * The tenant's open opportunities last changed before {@code before} ({@code updatedAt}), by time of the last
     * change then id, after {@code after}, the last opportunity of the previous page (none: from the first), at most
     * {@code limit} (1–1000); in the order of the index on status, time of the last change and id.
     */
    List<Opportunity> openUnchangedSince(TenantId tenant, Instant before, Opportunity after, int limit);

    /**
     * The tenant's open opportunities expected to be signed before {@code before} (none without a date), by
     * expected signing date then id, after {@code after}, the last opportunity of the previous page (none: from the
     * first), at most {@code limit} (1–1000); in the order of the index on status, expected signing date and id.
     */
    List<Opportunity> openExpectedBefore(TenantId tenant, LocalDate before, Opportunity after, int limit);
}
