package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.PipelineId;
import dev.kehu.crm.opportunity.Probability;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** A row of {@code kehu_opportunity}. */
final class OpportunityRowMapper implements RowMapper<Opportunity> {
    private final Dialect dialect;

    OpportunityRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Opportunity map(ResultSet row) throws SQLException {
        return Opportunity.builder()
                .id(new OpportunityId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .pipeline(new PipelineId(row.getString("pipeline_id")))
                .subject(row.getString("subject"))
                .customer(new CustomerId(row.getString("customer_id")))
                .discoveredOn(row.getObject("discovered_on", LocalDate.class))
                .source(row.getString("source"))
                .owner(new UserId(row.getString("owner")))
                .informant(row.getString("informant"))
                .customerNeeds(row.getString("customer_needs"))
                .expectedSigningDate(row.getObject("expected_signing_date", LocalDate.class))
                .expectedAmount(Columns.readMoney(row, "expected_amount", "expected_currency"))
                .stage(row.getString("stage"))
                .probability(Probability.of(row.getInt("probability")))
                .stageNote(row.getString("stage_note"))
                .status(OpportunityStatus.valueOf(row.getString("status")))
                .lostReason(row.getString("lost_reason"))
                .winningCompetitor(row.getString("winning_competitor"))
                .stageEnteredAt(dialect.getInstant(row, "stage_entered_at"))
                .closedAt(dialect.getInstant(row, "closed_at"))
                .historyLength(row.getInt("history_length"))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"))
                .build();
    }
}
