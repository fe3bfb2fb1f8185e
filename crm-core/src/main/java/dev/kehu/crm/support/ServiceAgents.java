package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the service agents (客服人员) tickets may go to and who supervises them, supplied by the host from its own
 * directory (HR, OA, LDAP). Kehu keeps no copy, so an agent marked absent there is never chosen here.
 */
public interface ServiceAgents {
    /** The agents who have {@code skill} (every agent for {@code null}), available or not. */
    List<ServiceAgent> withSkill(TenantId tenant, String skill);

    /** The agent, available or not; empty for anyone who is not a service agent. */
    Optional<ServiceAgent> agent(TenantId tenant, UserId user);

    /**
     * Who a breach of {@code agent}'s ticket is escalated to; for {@code null} (a ticket nobody holds yet), the
     * head of the service desk. Empty when there is nobody.
     */
    Optional<UserId> supervisorOf(TenantId tenant, UserId agent);

    /** Whether {@code user} supervises service agents: they assign tickets and decide on expenses. */
    boolean isSupervisor(TenantId tenant, UserId user);

    /**
     * A fixed directory, the same for every tenant: for small hosts, examples and tests.
     *
     * @param supervisors each agent's supervisor
     * @param head        the head of the desk, who hears of breaches of unassigned tickets; may be {@code null}
     */
    static ServiceAgents of(List<ServiceAgent> agents, Map<UserId, UserId> supervisors, UserId head) {
        List<ServiceAgent> all = List.copyOf(agents);
        Map<UserId, UserId> bosses = Map.copyOf(supervisors);
        return new ServiceAgents() {
            @Override
            public List<ServiceAgent> withSkill(TenantId tenant, String skill) {
                return all.stream().filter(agent -> agent.has(skill)).toList();
            }

            @Override
            public Optional<ServiceAgent> agent(TenantId tenant, UserId user) {
                requireNonNull(user, "user");
                return all.stream().filter(agent -> agent.user().equals(user)).findFirst();
            }

            @Override
            public Optional<UserId> supervisorOf(TenantId tenant, UserId agent) {
                return Optional.ofNullable(agent == null ? head : bosses.getOrDefault(agent, head));
            }

            @Override
            public boolean isSupervisor(TenantId tenant, UserId user) {
                return user.equals(head) || bosses.containsValue(user);
            }
        };
    }
}
