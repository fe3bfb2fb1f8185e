package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.TeamId;
import java.util.List;
import java.util.Optional;

/**
 * Port: the account managers the assignment may choose from, supplied by the host from its own directory
 * (HR, OA, LDAP): who is in which team, who is active or away, what they cover and their caps. Kehu keeps no
 * copy, so a person marked absent there is never chosen here.
 */
public interface SalesForce {
    /** The members of the team, available or not (the strategies skip those who are not). */
    List<SalesRep> team(TenantId tenant, TeamId team);

    /** The account manager, whatever their team; empty for anyone who is not one. */
    Optional<SalesRep> rep(TenantId tenant, UserId user);

    /** A fixed list of account managers, the same for every tenant: for small hosts, examples and tests. */
    static SalesForce of(List<SalesRep> reps) {
        List<SalesRep> all = List.copyOf(reps);
        return new SalesForce() {
            @Override
            public List<SalesRep> team(TenantId tenant, TeamId team) {
                requireNonNull(team, "team");
                return all.stream().filter(rep -> rep.teams().contains(team)).toList();
            }

            @Override
            public Optional<SalesRep> rep(TenantId tenant, UserId user) {
                return all.stream().filter(rep -> rep.user().equals(user)).findFirst();
            }
        };
    }
}
