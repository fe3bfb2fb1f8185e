package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.TeamId;
import java.util.Set;

/**
 * An account manager as the assignment rules see them: the teams they belong to, whether they can take work
 * now, the territories, industries and sources they cover (codes, compared exactly) and how many open
 * opportunities they may hold at most.
 *
 * @param active whether the person still works as an account manager; an inactive rep is never chosen
 * @param absent whether the person is away (leave, illness); an absent rep is never chosen
 * @param cap    the most open opportunities the rep may hold, or {@code null} for no limit
 */
public record SalesRep(UserId user, Set<TeamId> teams, boolean active, boolean absent, Set<String> territories,
                       Set<String> industries, Set<String> sources, Integer cap) {
    public SalesRep {
        requireNonNull(user, "user");
        teams = Set.copyOf(teams);
        territories = Set.copyOf(territories);
        industries = Set.copyOf(industries);
        sources = Set.copyOf(sources);
        if (cap != null && cap < 0) {
            throw new IllegalArgumentException("the cap of " + user + " must not be negative, got: " + cap);
        }
    }

    /** Whether the rep can be given work at all: active and not absent. */
    public boolean available() {
        return active && !absent;
    }

    /** Whether the rep is available and one more open opportunity keeps them within their cap. */
    boolean canTakeOneMore(Workload load) {
        return available() && (cap == null || load.countOf(user) < cap);
    }
}
