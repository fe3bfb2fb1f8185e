package dev.kehu.crm.security;

import dev.kehu.crm.common.UserId;

/**
 * Port: decides whether an actor may perform an action on a record. The services ask it before every
 * read or change; a refusal is an {@link AccessDeniedException}. The default permits everything
 * within the actor's tenant (C5: customer data belongs to the company and is shared).
 */
@FunctionalInterface
public interface AccessPolicy {
    /**
     * @param actor      who acts
     * @param action     what they do, e.g. {@code customer.update}
     * @param recordType the kind of record, e.g. {@code customer}
     * @param owner      the record's owner, or {@code null} when it has none or it is being created
     */
    boolean permits(Actor actor, String action, String recordType, UserId owner);

    static AccessPolicy permitAll() {
        return (actor, action, recordType, owner) -> true;
    }
}
