package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.support.CorrectiveMeasure;
import dev.kehu.crm.support.ListPosition;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.support.StepKind;
import dev.kehu.crm.support.TicketId;
import dev.kehu.crm.support.TicketStatus;
import dev.kehu.crm.support.TicketStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Service tickets in {@code kehu_service_ticket} with their corrective measures in
 * {@code kehu_service_ticket_measure}, and their history in {@code kehu_service_ticket_step}. The row's version
 * guards a ticket against lost updates; the history's primary key refuses a second line with the same number, even
 * from a concurrent transaction. The next service-level deadline is a column of the ticket's row, written with it.
 */
public final class JdbcServiceTickets implements ServiceTickets {
    private static final String COLUMNS = """
            t.tenant_id, t.id, t.ticket_number, t.customer_id, t.contact_id, t.kind, t.channel, t.priority, t.subject,
            t.description, t.status, t.assignee, t.skill, t.first_response_at, t.resolution, t.resolved_at,
            t.closed_at, t.survey_score, t.survey_comment, t.survey_answered_at, t.escalated, t.escalated_to,
            t.history_length, t.sla_deadline, t.created_at, t.updated_at, t.version""";

    /** The tickets a subquery {@code t} selects (limited there), each joined to its measures. */
    private static String withMeasures(String tickets, String orderBy) {
        return "SELECT " + COLUMNS + """
                ,
                    m.measure_no, m.what, m.owner AS measure_owner, m.due_date, m.done_at, m.follow_up
                FROM (""" + tickets + """
                ) t
                LEFT JOIN kehu_service_ticket_measure m ON m.tenant_id = t.tenant_id AND m.ticket_id = t.id
                ORDER BY """ + " " + orderBy + ", m.measure_no";
    }

    private static final NamedSql FIND = NamedSql.of(withMeasures("""
            SELECT * FROM kehu_service_ticket WHERE tenant_id = :tenant_id AND id = :id""", "t.id"));

    // kehu_service_ticket_customer_ix
    private static final NamedSql OF_CUSTOMER = NamedSql.of(withMeasures("""
            SELECT * FROM kehu_service_ticket
            WHERE tenant_id = :tenant_id AND customer_id = :customer_id
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""", "t.created_at DESC, t.id DESC"));

    private static final NamedSql OF_CUSTOMER_BEFORE = NamedSql.of(withMeasures("""
            SELECT * FROM kehu_service_ticket
            WHERE tenant_id = :tenant_id AND customer_id = :customer_id
              AND (created_at < :before_at OR (created_at = :before_at AND id < :before_id))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""", "t.created_at DESC, t.id DESC"));

    // kehu_service_ticket_sla_ix
    private static final NamedSql SLA_DUE = NamedSql.of(withMeasures("""
            SELECT * FROM kehu_service_ticket
            WHERE tenant_id = :tenant_id AND sla_deadline < :before
            ORDER BY sla_deadline, id
            LIMIT :limit""", "t.sla_deadline, t.id"));

    private static final NamedSql SLA_DUE_AFTER = NamedSql.of(withMeasures("""
            SELECT * FROM kehu_service_ticket
            WHERE tenant_id = :tenant_id AND sla_deadline < :before
              AND (sla_deadline > :after_at OR (sla_deadline = :after_at AND id > :after_id))
            ORDER BY sla_deadline, id
            LIMIT :limit""", "t.sla_deadline, t.id"));

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_service_ticket (tenant_id, id, ticket_number, customer_id, contact_id, kind, channel,
                priority, subject, description, status, assignee, skill, first_response_at, resolution, resolved_at,
                closed_at, survey_score, survey_comment, survey_answered_at, escalated, escalated_to, history_length,
                sla_deadline, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :ticket_number, :customer_id, :contact_id, :kind, :channel, :priority, :subject,
                :description, :status, :assignee, :skill, :first_response_at, :resolution, :resolved_at, :closed_at,
                :survey_score, :survey_comment, :survey_answered_at, :escalated, :escalated_to, :history_length,
                :sla_deadline, :created_at, :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_service_ticket
            SET ticket_number = :ticket_number, customer_id = :customer_id, contact_id = :contact_id, kind = :kind,
                channel = :channel, priority = :priority, subject = :subject, description = :description,
                status = :status, assignee = :assignee, skill = :skill, first_response_at = :first_response_at,
                resolution = :resolution, resolved_at = :resolved_at, closed_at = :closed_at,
                survey_score = :survey_score, survey_comment = :survey_comment,
                survey_answered_at = :survey_answered_at, escalated = :escalated, escalated_to = :escalated_to,
                history_length = :history_length, sla_deadline = :sla_deadline, created_at = :created_at,
                updated_at = :updated_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_service_ticket", "id", INSERT, UPDATE);

    private static final NamedSql DELETE_MEASURES = NamedSql.of("""
            DELETE FROM kehu_service_ticket_measure WHERE tenant_id = :tenant_id AND ticket_id = :ticket_id""");

    private static final NamedSql INSERT_MEASURE = NamedSql.of("""
            INSERT INTO kehu_service_ticket_measure (tenant_id, ticket_id, measure_no, what, owner, due_date, done_at,
                follow_up)
            VALUES (:tenant_id, :ticket_id, :measure_no, :what, :owner, :due_date, :done_at, :follow_up)""");

    private static final NamedSql LINE_EXISTS = NamedSql.of("""
            SELECT 1 AS found FROM kehu_service_ticket_step
            WHERE tenant_id = :tenant_id AND ticket_id = :ticket_id AND sequence_no = :sequence_no""");

    private static final NamedSql INSERT_LINE = NamedSql.of("""
            INSERT INTO kehu_service_ticket_step (tenant_id, ticket_id, sequence_no, stepped_at, actor, kind,
                from_status, to_status, assignee, note)
            VALUES (:tenant_id, :ticket_id, :sequence_no, :stepped_at, :actor, :kind, :from_status, :to_status,
                :assignee, :note)""");

    private static final NamedSql HISTORY = NamedSql.of("""
            SELECT ticket_id, sequence_no, stepped_at, actor, kind, from_status, to_status, assignee, note
            FROM kehu_service_ticket_step
            WHERE tenant_id = :tenant_id AND ticket_id = :ticket_id
            ORDER BY sequence_no""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ChildRows<ServiceTicketRowMapper.Row, CorrectiveMeasure, Loaded> rows;
    private final RowMapper<TicketStep> lineMapper;

    public JdbcServiceTickets(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.rows = new ChildRows<>(new ServiceTicketRowMapper(dialect), ServiceTicketRowMapper.measures(dialect),
                "measure_no", (row, measures) -> new Loaded(row.ticket().measures(measures).build(), row.deadline()));
        this.lineMapper = row -> new TicketStep(new TicketId(row.getString("ticket_id")), row.getInt("sequence_no"),
                dialect.getInstant(row, "stepped_at"), new UserId(row.getString("actor")),
                StepKind.valueOf(row.getString("kind")), Columns.read(row, "from_status", TicketStatus::valueOf),
                TicketStatus.valueOf(row.getString("to_status")), Columns.read(row, "assignee", UserId::new),
                row.getString("note"));
    }

    @Override
    public Optional<ServiceTicket> find(TenantId tenant, TicketId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> rows.load(connection, dialect, FIND,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value()))
                .stream().map(Loaded::ticket).findFirst());
    }

    @Override
    public ServiceTicket save(ServiceTicket ticket, Instant slaDeadline) {
        requireNonNull(ticket, "ticket");
        return transactions.withConnection(connection -> {
            boolean isNew = ROWS.write(connection, dialect, ticket.tenant().value(), ticket.id().value(),
                    ticket.version(), s -> bindRow(s, ticket, slaDeadline), () -> new StaleRecordException(
                            ServiceTicket.RECORD_TYPE, ticket.id().value(), ticket.version()));
            ChildRows.replace(connection, dialect, DELETE_MEASURES, INSERT_MEASURE, isNew,
                    s -> s.string("tenant_id", ticket.tenant().value()).string("ticket_id", ticket.id().value()),
                    ticket.measures(), (s, m, index) -> s.integer("measure_no", m.number()).string("what", m.what())
                            .string("owner", m.owner().value()).date("due_date", m.due())
                            .instant("done_at", m.doneAt()).string("follow_up", m.followUp()));
            return ticket.toBuilder().version(ticket.version() + 1).build();
        });
    }

    @Override
    public void append(TenantId tenant, TicketStep line) {
        requireNonNull(tenant, "tenant");
        requireNonNull(line, "line");
        // The caller numbered the line after the history it read: a taken number means that history is stale.
        Supplier<KehuException> taken = () -> new StaleRecordException(ServiceTicket.RECORD_TYPE,
                line.ticket().value(), line.sequence() - 1L);
        transactions.withConnection(connection -> {
            try (NamedSql.Bound statement = LINE_EXISTS.prepare(connection, dialect)) {
                statement.string("tenant_id", tenant.value()).string("ticket_id", line.ticket().value())
                        .integer("sequence_no", line.sequence());
                try (ResultSet found = statement.query()) {
                    if (found.next()) throw taken.get();
                }
            }
            // A concurrent transaction that inserts the same line after the look-up is stopped by the primary key.
            try (NamedSql.Bound statement = INSERT_LINE.prepare(connection, dialect)) {
                statement.string("tenant_id", tenant.value()).string("ticket_id", line.ticket().value())
                        .integer("sequence_no", line.sequence()).instant("stepped_at", line.at())
                        .string("actor", line.actor().value()).string("kind", line.kind().name())
                        .string("from_status", text(line.from())).string("to_status", line.to().name())
                        .string("assignee", text(line.assignee())).string("note", line.note()).update();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e) || SqlErrors.isConcurrencyConflict(e)) throw taken.get();
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<TicketStep> history(TenantId tenant, TicketId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> HISTORY.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("ticket_id", id.value()), lineMapper));
    }

    @Override
    public List<ServiceTicket> ofCustomer(TenantId tenant, CustomerId customer, ListPosition before, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        Limits.check(limit);
        return transactions.withConnection(connection -> rows.load(connection, dialect,
                before == null ? OF_CUSTOMER : OF_CUSTOMER_BEFORE, s -> {
                    s.string("tenant_id", tenant.value()).string("customer_id", customer.value()).bigint("limit", limit);
                    if (before != null) s.instant("before_at", before.at()).string("before_id", before.id());
                }).stream().map(Loaded::ticket).toList());
    }

    @Override
    public Map<UserId, Integer> openCounts(TenantId tenant, Collection<UserId> agents) {
        requireNonNull(tenant, "tenant");
        Map<UserId, Integer> counts = new HashMap<>();
        List<String> open = List.of(TicketStatus.values()).stream().filter(TicketStatus::isOpen).map(Enum::name).toList();
        transactions.withConnection(connection -> {
            for (List<String> chunk : InList.chunks(agents.stream().map(UserId::value).distinct().toList())) {
                // kehu_service_ticket_assignee_ix
                NamedSql sql = NamedSql.of("SELECT assignee, COUNT(*) AS open_tickets FROM kehu_service_ticket"
                        + " WHERE tenant_id = :tenant_id AND assignee IN (" + InList.names("agent", chunk.size())
                        + ") AND status IN (" + InList.names("status", open.size()) + ") GROUP BY assignee");
                try (NamedSql.Bound statement = sql.prepare(connection, dialect)) {
                    statement.string("tenant_id", tenant.value());
                    InList.bind(statement, "agent", chunk);
                    InList.bind(statement, "status", open);
                    try (ResultSet result = statement.query()) {
                        while (result.next()) {
                            counts.put(new UserId(result.getString("assignee")), result.getInt("open_tickets"));
                        }
                    }
                }
            }
            return null;
        });
        return Map.copyOf(counts);
    }

    @Override
    public List<Due> slaDue(TenantId tenant, Instant before, ListPosition after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(before, "before");
        Limits.check(limit);
        return transactions.withConnection(connection -> rows.load(connection, dialect,
                after == null ? SLA_DUE : SLA_DUE_AFTER, s -> {
                    s.string("tenant_id", tenant.value()).instant("before", before).bigint("limit", limit);
                    if (after != null) s.instant("after_at", after.at()).string("after_id", after.id());
                }).stream().map(loaded -> new Due(loaded.ticket(), loaded.deadline())).toList());
    }

    /** A ticket as read, with its stored deadline ({@code null} when none). */
    private record Loaded(ServiceTicket ticket, Instant deadline) {
    }

    private static void bindRow(NamedSql.Bound statement, ServiceTicket t, Instant slaDeadline) throws SQLException {
        statement.string("tenant_id", t.tenant().value())
                .string("id", t.id().value())
                .string("ticket_number", t.number())
                .string("customer_id", t.customer().value())
                .string("contact_id", text(t.contact()))
                .string("kind", t.kind().name())
                .string("channel", t.channel().name())
                .string("priority", t.priority().name())
                .string("subject", t.subject())
                .string("description", t.description())
                .string("status", t.status().name())
                .string("assignee", text(t.assignee()))
                .string("skill", t.skill())
                .instant("first_response_at", t.firstResponseAt())
                .string("resolution", t.resolution())
                .instant("resolved_at", t.resolvedAt())
                .instant("closed_at", t.closedAt())
                .integer("survey_score", t.survey() == null ? null : t.survey().score())
                .string("survey_comment", t.survey() == null ? null : t.survey().comment())
                .instant("survey_answered_at", t.survey() == null ? null : t.survey().answeredAt())
                .string("escalated", ServiceTicketRowMapper.escalated(t.escalated()))
                .string("escalated_to", text(t.escalatedTo()))
                .integer("history_length", t.historyLength())
                .instant("sla_deadline", slaDeadline)
                .instant("created_at", t.createdAt())
                .instant("updated_at", t.updatedAt());
    }
}
