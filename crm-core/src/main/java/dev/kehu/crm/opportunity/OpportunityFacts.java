package dev.kehu.crm.opportunity;

/**
 * What the rules need to know about an opportunity beyond its own fields, gathered by the use case from
 * other features (quotes, later activities).
 */
public record OpportunityFacts(boolean quoteMade) {
    public static final OpportunityFacts NONE = new OpportunityFacts(false);
}
