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
        assertThat(AssignmentPolicy.check(Actor.of("wang", "acme", Role.SALES_REPRESENTATIVE, Role.SALES_SUPERVISOR))
                .allowed()).isTrue();
    }

    @Test
    @DisplayName("anyone else, an administrator or a rep included, is refused as supervisor only")
    void others() {
        assertThat(AssignmentPolicy.check(Actor.of("li", "acme", Role.SALES_REPRESENTATIVE)).refusal())
                .isEqualTo("assignment.supervisor-only");
        assertThat(AssignmentPolicy.check(Actor.of("root", "acme", Role.ADMINISTRATOR)).refusal())
                .isEqualTo(AssignmentPolicy.SUPERVISOR_ONLY);
        assertThat(AssignmentPolicy.check(Actor.of("guest", "acme")).refusal()).isEqualTo(AssignmentPolicy.SUPERVISOR_ONLY);
    }
}
