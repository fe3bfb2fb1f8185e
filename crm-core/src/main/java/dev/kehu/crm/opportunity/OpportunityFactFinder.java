package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.TenantId;

/**
 * What the stage rules need to know about an opportunity that is kept elsewhere (whether a quote was made).
 * Kehu supplies it from its own records; it is a port so the opportunity rules do not depend on quotes.
 */
@FunctionalInterface
public interface OpportunityFactFinder {
    OpportunityFacts factsOf(TenantId tenant, OpportunityId opportunity);
}
