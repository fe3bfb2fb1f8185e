package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.assignment.RoundRobinPosition;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_round_robin_position}. */
final class RoundRobinPositionRowMapper implements RowMapper<RoundRobinPositions.Stored> {
    @Override
    public RoundRobinPositions.Stored map(ResultSet row) throws SQLException {
        return new RoundRobinPositions.Stored(new RoundRobinPosition(new TeamId(row.getString("team_id")),
                read(row, "last_user", UserId::new)), row.getLong("version"));
    }
}
