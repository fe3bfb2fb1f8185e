package dev.kehu.crm.assignment;

import dev.kehu.crm.common.Decision;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;

/** Who may assign opportunities (O6): a sales supervisor, and nobody else. Pure. */
public final class AssignmentPolicy {
    /** The refusal when the actor is not a sales supervisor. */
    public static final String SUPERVISOR_ONLY = "assignment.supervisor-only";

    private AssignmentPolicy() {
    }

    /** Allowed for a sales supervisor, refused as {@value #SUPERVISOR_ONLY} for anyone else. */
    public static Decision check(Actor actor) {
        return actor.hasRole(Role.SALES_SUPERVISOR) ? Decision.allow() : Decision.refuse(SUPERVISOR_ONLY);
    }
}
