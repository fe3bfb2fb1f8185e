package dev.kehu.crm.assignment;

import java.util.Set;

/**
 * A rule that sends an item to the reps who cover one of its attributes. An item whose attribute is unknown
 * ({@code null}) matches no rep under that rule.
 */
public enum AssignmentRule {
    /** Reps whose territories include the item's territory. */
    TERRITORY,
    /** Reps whose industries include the item's industry. */
    INDUSTRY,
    /** Reps whose sources include the item's source. */
    SOURCE;

    boolean matches(SalesRep rep, WorkItem item) {
        return switch (this) {
            case TERRITORY -> covers(rep.territories(), item.territory());
            case INDUSTRY -> covers(rep.industries(), item.industry());
            case SOURCE -> covers(rep.sources(), item.source());
        };
    }

    private static boolean covers(Set<String> codes, String code) {
        return code != null && codes.contains(code);
    }
}
