package dev.kehu.crm.security;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.util.Locale;
import java.util.Set;

/**
 * Who performs a use case. Every service method takes one: it scopes the data to the tenant, is
 * checked by the {@link AccessPolicy}, is written into the audit trail, and chooses the language of
 * messages.
 */
public record Actor(UserId user, Set<Role> roles, Set<TeamId> teams, TenantId tenant, Locale locale) {
    public Actor {
        requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
        requireNonNull(tenant, "tenant");
        requireNonNull(locale, "locale");
    }

    public static Actor of(String user, String tenant, Role... roles) {
        return new Actor(new UserId(user), Set.of(roles), Set.of(), new TenantId(tenant), Locale.SIMPLIFIED_CHINESE);
    }

    public Actor withLocale(Locale newLocale) {
        return new Actor(user, roles, teams, tenant, newLocale);
    }

    public Actor withTeams(TeamId... newTeams) {
        return new Actor(user, roles, Set.of(newTeams), tenant, locale);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
