package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.plan.PlanStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;

/** A row of {@code kehu_development_plan_step}. */
final class PlanStepRowMapper implements RowMapper<PlanStep> {
    @Override
    public PlanStep map(ResultSet row) throws SQLException {
        return new PlanStep(row.getInt("step_number"), row.getString("what"),
                row.getObject("planned_date", LocalDate.class), row.getObject("planned_time", LocalTime.class),
                row.getString("notes"), row.getString("result"), row.getObject("done_on", LocalDate.class));
    }
}
