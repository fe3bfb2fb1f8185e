package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.ChangeKind;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.Position;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.StageChange;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_opportunity_stage_change}. */
final class StageChangeRowMapper implements RowMapper<StageChange> {
    private final Dialect dialect;

    StageChangeRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public StageChange map(ResultSet row) throws SQLException {
        return new StageChange(new OpportunityId(row.getString("opportunity_id")), row.getInt("sequence_no"),
                dialect.getInstant(row, "changed_at"), new UserId(row.getString("actor")),
                ChangeKind.valueOf(row.getString("kind")), position(row, "from_"), position(row, "to_"),
                row.getString("note"));
    }

    /** The position in the columns {@code prefix}stage, probability and status; {@code null} when there is none. */
    private static Position position(ResultSet row, String prefix) throws SQLException {
        String stage = row.getString(prefix + "stage");
        if (stage == null) return null;
        return new Position(stage, Probability.of(row.getInt(prefix + "probability")),
                OpportunityStatus.valueOf(row.getString(prefix + "status")));
    }
}
