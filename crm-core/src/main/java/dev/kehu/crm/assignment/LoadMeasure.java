package dev.kehu.crm.assignment;

import java.util.Comparator;

/** How {@linkplain AssignmentStrategy#leastLoaded least-loaded} assignment measures a rep's load. */
public enum LoadMeasure {
    /** The number of open opportunities. */
    OPEN_COUNT,
    /** The total weighted amount of open opportunities, in the workload's currency. */
    WEIGHTED_AMOUNT;

    /** Least load first; equal loads in user-id order. */
    Comparator<SalesRep> lightestFirst(Workload load) {
        Comparator<SalesRep> byLoad = this == OPEN_COUNT
                ? Comparator.comparingInt(rep -> load.countOf(rep.user()))
                : Comparator.comparing(rep -> load.amountOf(rep.user()));
        return byLoad.thenComparing(rep -> rep.user().value());
    }
}
