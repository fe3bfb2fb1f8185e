package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which opportunities to list; {@code null} criteria are ignored.
 *
 * @param statuses     opportunities in one of these statuses; empty for any
 * @param expectedFrom opportunities expected to be signed on or after this day (none without a date)
 * @param expectedTo   opportunities expected to be signed on or before this day (none without a date)
 */
public record OpportunityQuery(PipelineId pipeline, UserId owner, CustomerId customer, Set<OpportunityStatus> statuses,
                               LocalDate expectedFrom, LocalDate expectedTo) {
    public OpportunityQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public static OpportunityQuery all() {
        return new OpportunityQuery(null, null, null, Set.of(), null, null);
    }

    public static OpportunityQuery open() {
        return all().withStatuses(Set.of(OpportunityStatus.OPEN));
    }

    public OpportunityQuery withPipeline(PipelineId value) {
        return new OpportunityQuery(value, owner, customer, statuses, expectedFrom, expectedTo);
    }

    public OpportunityQuery withOwner(UserId value) {
        return new OpportunityQuery(pipeline, value, customer, statuses, expectedFrom, expectedTo);
    }

    public OpportunityQuery withCustomer(CustomerId value) {
        return new OpportunityQuery(pipeline, owner, value, statuses, expectedFrom, expectedTo);
    }

    public OpportunityQuery withStatuses(Set<OpportunityStatus> value) {
        return new OpportunityQuery(pipeline, owner, customer, value, expectedFrom, expectedTo);
    }

    public OpportunityQuery expectedBetween(LocalDate from, LocalDate to) {
        return new OpportunityQuery(pipeline, owner, customer, statuses, from, to);
    }

    /** Whether {@code o} matches; the reference semantics every store must reproduce. */
    public boolean matches(Opportunity o) {
        if (pipeline != null && !pipeline.equals(o.pipeline())) return false;
        if (owner != null && !owner.equals(o.owner())) return false;
        if (customer != null && !customer.equals(o.customer())) return false;
        if (!statuses.isEmpty() && !statuses.contains(o.status())) return false;
        LocalDate expected = o.expectedSigningDate();
        if (expectedFrom != null && (expected == null || expected.isBefore(expectedFrom))) return false;
        return expectedTo == null || (expected != null && !expected.isAfter(expectedTo));
    }
}
