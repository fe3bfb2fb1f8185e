package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordId;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.Position;
import dev.kehu.crm.opportunity.StageChange;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opportunities in {@code kehu_opportunity}, their stage history in {@code kehu_opportunity_stage_change} and
 * their attached records in {@code kehu_opportunity_record}. The row's version guards an opportunity against lost
 * updates; the history's primary key refuses a second line with the same number, even from a concurrent
 * transaction.
 */
public final class JdbcOpportunities implements Opportunities {
    private static final String COLUMNS = """
            o.tenant_id, o.id, o.pipeline_id, o.subject, o.customer_id, o.discovered_on, o.source, o.owner,
            o.informant, o.customer_needs, o.expected_signing_date, o.expected_amount, o.expected_currency, o.stage,
            o.probability, o.stage_note, o.status, o.lost_reason, o.winning_competitor, o.stage_entered_at,
            o.closed_at, o.history_length, o.created_at, o.updated_at, o.version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_opportunity o
            WHERE o.tenant_id = :tenant_id AND o.id = :id""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_opportunity (tenant_id, id, pipeline_id, subject, customer_id, discovered_on, source,
                owner, informant, customer_needs, expected_signing_date, expected_amount, expected_currency, stage,
                probability, stage_note, status, lost_reason, winning_competitor, stage_entered_at, closed_at,
                history_length, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :pipeline_id, :subject, :customer_id, :discovered_on, :source, :owner,
                :informant, :customer_needs, :expected_signing_date, :expected_amount, :expected_currency, :stage,
                :probability, :stage_note, :status, :lost_reason, :winning_competitor, :stage_entered_at, :closed_at,
                :history_length, :created_at, :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_opportunity
            SET pipeline_id = :pipeline_id, subject = :subject, customer_id = :customer_id,
                discovered_on = :discovered_on, source = :source, owner = :owner, informant = :informant,
                customer_needs = :customer_needs, expected_signing_date = :expected_signing_date,
                expected_amount = :expected_amount, expected_currency = :expected_currency, stage = :stage,
                probability = :probability, stage_note = :stage_note, status = :status, lost_reason = :lost_reason,
                winning_competitor = :winning_competitor, stage_entered_at = :stage_entered_at,
                closed_at = :closed_at, history_length = :history_length, created_at = :created_at,
                updated_at = :updated_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_opportunity", "id", INSERT, UPDATE);

    private static final NamedSql LINE_EXISTS = NamedSql.of("""
            SELECT 1 AS found FROM kehu_opportunity_stage_change
            WHERE tenant_id = :tenant_id AND opportunity_id = :opportunity_id AND sequence_no = :sequence_no""");

    private static final NamedSql INSERT_LINE = NamedSql.of("""
            INSERT INTO kehu_opportunity_stage_change (tenant_id, opportunity_id, sequence_no, changed_at, actor, kind,
                from_stage, from_probability, from_status, to_stage, to_probability, to_status, note)
            VALUES (:tenant_id, :opportunity_id, :sequence_no, :changed_at, :actor, :kind, :from_stage,
                :from_probability, :from_status, :to_stage, :to_probability, :to_status, :note)""");

    private static final NamedSql HISTORY = NamedSql.of("""
            SELECT opportunity_id, sequence_no, changed_at, actor, kind, from_stage, from_probability, from_status,
                to_stage, to_probability, to_status, note
            FROM kehu_opportunity_stage_change
            WHERE tenant_id = :tenant_id AND opportunity_id = :opportunity_id
            ORDER BY sequence_no""");

    private static final NamedSql RECORD_EXISTS = NamedSql.of("""
            SELECT 1 AS found FROM kehu_opportunity_record WHERE tenant_id = :tenant_id AND id = :id""");

    private static final NamedSql INSERT_RECORD = NamedSql.of("""
            INSERT INTO kehu_opportunity_record (tenant_id, id, opportunity_id, kind, title, details, strengths,
                weaknesses, author, created_at)
            VALUES (:tenant_id, :id, :opportunity_id, :kind, :title, :details, :strengths, :weaknesses, :author,
                :created_at)""");

    private static final NamedSql DELETE_RECORD = NamedSql.of("""
            DELETE FROM kehu_opportunity_record WHERE tenant_id = :tenant_id AND id = :id""");

    private static final NamedSql ATTACHMENTS = NamedSql.of("""
            SELECT tenant_id, id, opportunity_id, kind, title, details, strengths, weaknesses, author, created_at
            FROM kehu_opportunity_record
            WHERE tenant_id = :tenant_id AND opportunity_id = :opportunity_id
            ORDER BY created_at, id""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final OpportunityRowMapper mapper;
    private final StageChangeRowMapper lineMapper;
    private final AttachedRecordRowMapper recordMapper;

    public JdbcOpportunities(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.mapper = new OpportunityRowMapper(dialect);
        this.lineMapper = new StageChangeRowMapper(dialect);
        this.recordMapper = new AttachedRecordRowMapper(dialect);
    }

    @Override
    public Optional<Opportunity> find(TenantId tenant, OpportunityId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value()), mapper).stream().findFirst());
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        requireNonNull(opportunity, "opportunity");
        return transactions.withConnection(connection -> {
            ROWS.write(connection, dialect, opportunity.tenant().value(), opportunity.id().value(),
                    opportunity.version(), s -> bindRow(s, opportunity), () -> new StaleRecordException(
                            Opportunity.RECORD_TYPE, opportunity.id().value(), opportunity.version()));
            return opportunity.toBuilder().version(opportunity.version() + 1).build();
        });
    }

    @Override
    public List<Opportunity> matching(TenantId tenant, OpportunityQuery query) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        Where where = where(tenant, query);
        NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_opportunity o\nWHERE " + where.sql()
                + "\nORDER BY o.id");
        return transactions.withConnection(connection -> sql.list(connection, dialect, where::bind, mapper));
    }

    /**
     * One {@code GROUP BY} over the rows {@code query} matches. The weighted amount of each row is the column
     * {@code weighted_amount}, which the database computes from the expected amount and the probability whenever a
     * row is written (schema 8), rounded as {@link Opportunity#weightedAmount()} rounds, so the sum costs no more
     * than the sum of the amounts.
     */
    @Override
    public List<OpportunityTotals> totals(TenantId tenant, OpportunityQuery query, OpportunityTotals.Grouping by) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        requireNonNull(by, "by");
        String group = switch (by) {
            case STAGE -> "o.stage";
            case EXPECTED_MONTH ->
                    "EXTRACT(YEAR FROM o.expected_signing_date) * 100 + EXTRACT(MONTH FROM o.expected_signing_date)";
        };
        Where where = where(tenant, query);
        NamedSql sql = NamedSql.of("SELECT " + group + " AS group_key, o.status, o.expected_currency,"
                + " COUNT(*) AS opportunities, SUM(o.expected_amount) AS amount, SUM(o.weighted_amount) AS weighted"
                + "\nFROM kehu_opportunity o\nWHERE " + where.sql()
                + "\nGROUP BY " + group + ", o.status, o.expected_currency");
        OpportunityTotalsRowMapper totals = new OpportunityTotalsRowMapper(by);
        return transactions.withConnection(connection -> sql.list(connection, dialect, where::bind, totals));
    }

    /** The SQL form of {@link OpportunityQuery#matches}; a NULL signing date fails either bound, as there. */
    private static Where where(TenantId tenant, OpportunityQuery query) {
        Where where = new Where().and("o.tenant_id = :tenant_id", "tenant_id", tenant.value());
        if (query.pipeline() != null) where.and("o.pipeline_id = :pipeline_id", "pipeline_id", query.pipeline().value());
        if (query.owner() != null) where.and("o.owner = :owner", "owner", query.owner().value());
        if (query.customer() != null) where.and("o.customer_id = :customer_id", "customer_id", query.customer().value());
        if (!query.statuses().isEmpty()) where.in("o.status", "status", query.statuses());
        if (query.expectedFrom() != null) {
            where.and("o.expected_signing_date >= :expected_from", s -> s.date("expected_from", query.expectedFrom()));
        }
        if (query.expectedTo() != null) {
            where.and("o.expected_signing_date <= :expected_to", s -> s.date("expected_to", query.expectedTo()));
        }
        return where;
    }

    @Override
    public void append(TenantId tenant, StageChange line) {
        requireNonNull(tenant, "tenant");
        requireNonNull(line, "line");
        // The caller numbered the line after the history it read: a taken number means that history is stale.
        Supplier<KehuException> taken = () -> new StaleRecordException(Opportunity.RECORD_TYPE,
                line.opportunity().value(), line.sequence() - 1L);
        transactions.withConnection(connection -> {
            InsertOnce.insert(connection, dialect, LINE_EXISTS, s -> s.string("tenant_id", tenant.value())
                            .string("opportunity_id", line.opportunity().value()).integer("sequence_no", line.sequence()),
                    INSERT_LINE, s -> bindLine(s, tenant, line), taken);
            return null;
        });
    }

    @Override
    public List<StageChange> history(TenantId tenant, OpportunityId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> HISTORY.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("opportunity_id", id.value()), lineMapper));
    }

    @Override
    public void attach(AttachedRecord record) {
        requireNonNull(record, "record");
        Supplier<KehuException> taken = () -> new DuplicateRecordException(AttachedRecord.RECORD_TYPE,
                "attached record " + record.id() + " already exists");
        transactions.withConnection(connection -> {
            InsertOnce.insert(connection, dialect, RECORD_EXISTS,
                    s -> s.string("tenant_id", record.tenant().value()).string("id", record.id().value()),
                    INSERT_RECORD, s -> bindRecord(s, record), taken);
            return null;
        });
    }

    @Override
    public boolean detach(TenantId tenant, AttachedRecordId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> {
            try (NamedSql.Bound statement = DELETE_RECORD.prepare(connection, dialect)) {
                return statement.string("tenant_id", tenant.value()).string("id", id.value()).update() > 0;
            }
        });
    }

    @Override
    public List<AttachedRecord> attachments(TenantId tenant, OpportunityId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> ATTACHMENTS.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("opportunity_id", id.value()), recordMapper));
    }

    private static void bindRow(NamedSql.Bound statement, Opportunity o) throws SQLException {
        Money amount = o.expectedAmount();
        statement.string("tenant_id", o.tenant().value())
                .string("id", o.id().value())
                .string("pipeline_id", o.pipeline().value())
                .string("subject", o.subject())
                .string("customer_id", o.customer().value())
                .date("discovered_on", o.discoveredOn())
                .string("source", o.source())
                .string("owner", o.owner().value())
                .string("informant", o.informant())
                .string("customer_needs", o.customerNeeds())
                .date("expected_signing_date", o.expectedSigningDate())
                .decimal("expected_amount",
                        amount == null ? null : Decimals.MONEY.exact(amount.amount(), "expected amount"))
                .string("expected_currency", amount == null ? null : amount.currency().getCurrencyCode())
                .string("stage", o.stage())
                .integer("probability", o.probability().percent())
                .string("stage_note", o.stageNote())
                .string("status", o.status().name())
                .string("lost_reason", o.lostReason())
                .string("winning_competitor", o.winningCompetitor())
                .instant("stage_entered_at", o.stageEnteredAt())
                .instant("closed_at", o.closedAt())
                .integer("history_length", o.historyLength())
                .instant("created_at", o.createdAt())
                .instant("updated_at", o.updatedAt());
    }

    private static void bindLine(NamedSql.Bound statement, TenantId tenant, StageChange line) throws SQLException {
        Position from = line.from();
        statement.string("tenant_id", tenant.value())
                .string("opportunity_id", line.opportunity().value())
                .integer("sequence_no", line.sequence())
                .instant("changed_at", line.at())
                .string("actor", line.actor().value())
                .string("kind", line.kind().name())
                .string("from_stage", from == null ? null : from.stage())
                .integer("from_probability", from == null ? null : from.probability().percent())
                .string("from_status", from == null ? null : from.status().name())
                .string("to_stage", line.to().stage())
                .integer("to_probability", line.to().probability().percent())
                .string("to_status", line.to().status().name())
                .string("note", line.note());
    }

    private static void bindRecord(NamedSql.Bound statement, AttachedRecord r) throws SQLException {
        statement.string("tenant_id", r.tenant().value())
                .string("id", r.id().value())
                .string("opportunity_id", r.opportunity().value())
                .string("kind", r.kind().name())
                .string("title", r.title())
                .string("details", r.details())
                .string("strengths", r.strengths())
                .string("weaknesses", r.weaknesses())
                .string("author", text(r.author()))
                .instant("created_at", r.createdAt());
    }

    /**
     * Open opportunities last changed before a time, by that time and id: a range of
     * {@code kehu_opportunity_status_updated_ix (tenant_id, status, updated_at, id)} read in its order.
     */
    @Override
    public List<Opportunity> openUnchangedSince(TenantId tenant, Instant before, Opportunity after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(before, "before");
        return openPage(tenant, "o.updated_at", s -> s.instant("before", before),
                after == null ? null : s -> s.instant("after_at", after.updatedAt()), after, limit);
    }

    /**
     * Open opportunities expected to be signed before a day, by that day and id: a range of
     * {@code kehu_opportunity_status_ix (tenant_id, status, expected_signing_date, id)} read in its order.
     */
    @Override
    public List<Opportunity> openExpectedBefore(TenantId tenant, LocalDate before, Opportunity after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(before, "before");
        return openPage(tenant, "o.expected_signing_date", s -> s.date("before", before),
                after == null ? null : s -> s.date("after_at", after.expectedSigningDate()), after, limit);
    }

    /** The open opportunities whose {@code column} is before {@code :before}, by it then id, after {@code after}. */
    private List<Opportunity> openPage(TenantId tenant, String column, NamedSql.Binder before, NamedSql.Binder afterAt,
                                       Opportunity after, int limit) {
        Where where = new Where().and("o.tenant_id = :tenant_id", "tenant_id", tenant.value())
                .and("o.status = :status", "status", OpportunityStatus.OPEN.name())
                .and(column + " < :before", before);
        return transactions.withConnection(connection -> Keyset.byColumnThenId(connection, dialect, COLUMNS,
                "kehu_opportunity o", where, column, afterAt, "o.id", after == null ? null : after.id().value(), limit,
                mapper));
    }
}
