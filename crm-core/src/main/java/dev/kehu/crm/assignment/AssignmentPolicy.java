package dev.kehu.crm.assignment;

import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.util.Optional;

/** Who may assign opportunities (O6): a sales supervisor, and nobody else. Pure. */
public final class AssignmentPolicy {
    /** The refusal when the actor is not a sales supervisor. */
    public static final String SUPERVISOR_ONLY = "assignment.supervisor-only";

    private AssignmentPolicy() {
    }

    /** The code of the refusal, or empty when {@code actor} may assign. */
    public static Optional<String> refusal(Actor actor) {
        return actor.hasRole(Role.SALES_SUPERVISOR) ? Optional.empty() : Optional.of(SUPERVISOR_ONLY);
    }
}
