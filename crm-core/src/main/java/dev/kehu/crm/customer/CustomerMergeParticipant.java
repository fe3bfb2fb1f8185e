package dev.kehu.crm.customer;

import dev.kehu.crm.security.Actor;

/**
 * A feature that keeps records of customers and moves them to the survivor when two duplicate
 * customers are merged (contacts now; opportunities, quotes, tickets as they come). Called inside the
 * merge's transaction, so a failure undoes the whole merge.
 */
public interface CustomerMergeParticipant {
    void moveRecords(Actor actor, Customer duplicate, Customer survivor);
}
