package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.TeamId;

/**
 * Where a team's round robin stands: the last rep it gave an item to. The store keeps it (one row per team),
 * so the turn survives restarts and is shared by every host instance; a strategy only reads it and returns
 * the next one in {@link AssignmentPlan#position()}.
 *
 * <p>It remembers a person, not an index into the team: the next turn goes to the first eligible rep whose
 * user id comes after {@code last} (wrapping around). When reps join, leave, fall ill or reach their cap
 * between two batches, an index would point at somebody else and skip or repeat people; the last person
 * still marks the right place, even if they have left the team since.
 *
 * @param last the last rep given an item, or {@code null} when the team's round robin has not started
 */
public record RoundRobinPosition(TeamId team, UserId last) {
    public RoundRobinPosition {
        requireNonNull(team, "team");
    }

    /** A round robin that has given nothing yet: it starts with the smallest user id. */
    public static RoundRobinPosition start(TeamId team) {
        return new RoundRobinPosition(team, null);
    }

    RoundRobinPosition after(UserId user) {
        return new RoundRobinPosition(team, user);
    }
}
