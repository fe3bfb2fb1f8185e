package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;
import static dev.kehu.crm.jdbc.internal.Columns.readInteger;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.support.CorrectiveMeasure;
import dev.kehu.crm.support.SatisfactionSurvey;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.SlaTarget;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketId;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketPriority;
import dev.kehu.crm.support.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A row of {@code kehu_service_ticket} (a builder still missing its measures, and the deadline), and of its measures. */
final class ServiceTicketRowMapper implements RowMapper<ServiceTicketRowMapper.Row> {
    /** A ticket's row: the ticket without its measures, and its stored service-level deadline. */
    record Row(ServiceTicket.Builder ticket, Instant deadline) {
    }

    private final Dialect dialect;

    ServiceTicketRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Row map(ResultSet row) throws SQLException {
        Integer score = readInteger(row, "survey_score");
        ServiceTicket.Builder ticket = ServiceTicket.builder()
                .id(new TicketId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .number(row.getString("ticket_number"))
                .customer(new CustomerId(row.getString("customer_id")))
                .contact(read(row, "contact_id", ContactId::new))
                .kind(TicketKind.valueOf(row.getString("kind")))
                .channel(TicketChannel.valueOf(row.getString("channel")))
                .priority(TicketPriority.valueOf(row.getString("priority")))
                .subject(row.getString("subject"))
                .description(row.getString("description"))
                .status(TicketStatus.valueOf(row.getString("status")))
                .assignee(read(row, "assignee", UserId::new))
                .skill(row.getString("skill"))
                .firstResponseAt(dialect.getInstant(row, "first_response_at"))
                .resolution(row.getString("resolution"))
                .resolvedAt(dialect.getInstant(row, "resolved_at"))
                .closedAt(dialect.getInstant(row, "closed_at"))
                .survey(score == null ? null : new SatisfactionSurvey(score, row.getString("survey_comment"),
                        dialect.getInstant(row, "survey_answered_at")))
                .escalated(escalated(row.getString("escalated")))
                .escalatedTo(read(row, "escalated_to", UserId::new))
                .historyLength(row.getInt("history_length"))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"));
        return new Row(ticket, dialect.getInstant(row, "sla_deadline"));
    }

    /** The escalated targets as one column: their names in order, comma-separated; NULL for none. */
    static String escalated(Set<SlaTarget> targets) {
        if (targets.isEmpty()) return null;
        return EnumSet.copyOf(targets).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<SlaTarget> escalated(String column) {
        if (column == null) return Set.of();
        return Arrays.stream(column.split(",")).map(SlaTarget::valueOf).collect(Collectors.toSet());
    }

    /** A row of {@code kehu_service_ticket_measure}, joined to its ticket's. */
    static RowMapper<CorrectiveMeasure> measures(Dialect dialect) {
        return row -> new CorrectiveMeasure(row.getInt("measure_no"), row.getString("what"),
                new UserId(row.getString("measure_owner")), row.getObject("due_date", java.time.LocalDate.class),
                dialect.getInstant(row, "done_at"), row.getString("follow_up"));
    }
}
