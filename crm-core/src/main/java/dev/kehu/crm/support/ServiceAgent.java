package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import java.util.Map;
import java.util.Set;

/**
 * A service agent (客服人员) as ticket assignment sees them, supplied by the host from its own directory.
 *
 * @param skills the skills they have (codes of the host's list, compared exactly)
 * @param active whether they still work as a service agent; an inactive agent is never chosen
 * @param absent whether they are away (leave, illness, off shift); an absent agent is never chosen
 * @param cap    the most open tickets they may hold, or {@code null} for no limit
 */
public record ServiceAgent(UserId user, Set<String> skills, boolean active, boolean absent, Integer cap) {
    public ServiceAgent {
        requireNonNull(user, "user");
        skills = Set.copyOf(skills);
        if (cap != null && cap < 0) throw new IllegalArgumentException("the cap of " + user + " must not be negative");
    }

    /** Whether they can take a ticket needing {@code skill}; a ticket needing no skill suits everybody. */
    public boolean has(String skill) {
        return skill == null || skills.contains(skill);
    }

    /** Active and not absent. */
    public boolean available() {
        return active && !absent;
    }

    /** Available, and one more open ticket keeps them within their cap. */
    public boolean canTakeOneMore(Map<UserId, Integer> openTickets) {
        return available() && (cap == null || load(openTickets) < cap);
    }

    int load(Map<UserId, Integer> openTickets) {
        return openTickets.getOrDefault(user, 0);
    }
}
