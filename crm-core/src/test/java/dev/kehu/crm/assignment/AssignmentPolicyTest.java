package dev.kehu.crm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {
    @Test
    @DisplayName("a sales supervisor may assign opportunities")
    void supervisor() {
        assertThat(AssignmentPolicy.refusal(Actor.of("wang", "acme", Role.SALES_REPRESENTATIVE, Role.SALES_SUPERVISOR)))
                .isEmpty();
    }

    @Test
    @DisplayName("anyone else, an administrator or a rep included, is refused as supervisor only")
    void others() {
        assertThat(AssignmentPolicy.refusal(Actor.of("li", "acme", Role.SALES_REPRESENTATIVE)))
                .contains("assignment.supervisor-only");
        assertThat(AssignmentPolicy.refusal(Actor.of("root", "acme", Role.ADMINISTRATOR)))
                .contains(AssignmentPolicy.SUPERVISOR_ONLY);
        assertThat(AssignmentPolicy.refusal(Actor.of("guest", "acme"))).contains(AssignmentPolicy.SUPERVISOR_ONLY);
    }
}
