package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityId;
import dev.kehu.crm.activity.ActivityQuery;
import dev.kehu.crm.activity.ActivityStatus;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Activities in {@code kehu_activity}; the row's version guards against lost updates. */
public final class JdbcActivities implements Activities {
    private static final String COLUMNS = """
            a.tenant_id, a.id, a.kind, a.subject, a.customer_id, a.contact_id, a.opportunity_id, a.owner, a.due_at,
            a.reminder_at, a.notes, a.status, a.outcome, a.completed_at, a.cancelled_at, a.created_at, a.updated_at,
            a.version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_activity a
            WHERE a.tenant_id = :tenant_id AND a.id = :id""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_activity (tenant_id, id, kind, subject, customer_id, contact_id, opportunity_id, owner,
                due_at, reminder_at, notes, status, outcome, completed_at, cancelled_at, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :kind, :subject, :customer_id, :contact_id, :opportunity_id, :owner, :due_at,
                :reminder_at, :notes, :status, :outcome, :completed_at, :cancelled_at, :created_at, :updated_at,
                :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_activity
            SET kind = :kind, subject = :subject, customer_id = :customer_id, contact_id = :contact_id,
                opportunity_id = :opportunity_id, owner = :owner, due_at = :due_at, reminder_at = :reminder_at,
                notes = :notes, status = :status, outcome = :outcome, completed_at = :completed_at,
                cancelled_at = :cancelled_at, created_at = :created_at, updated_at = :updated_at,
                version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_activity", "id", INSERT, UPDATE);

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ActivityRowMapper mapper;

    public JdbcActivities(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.mapper = new ActivityRowMapper(dialect);
    }

    @Override
    public Optional<Activity> find(TenantId tenant, ActivityId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value()), mapper).stream().findFirst());
    }

    @Override
    public Activity save(Activity activity) {
        requireNonNull(activity, "activity");
        return transactions.withConnection(connection -> {
            ROWS.write(connection, dialect, activity.tenant().value(), activity.id().value(), activity.version(),
                    s -> bindRow(s, activity),
                    () -> new StaleRecordException(Activity.RECORD_TYPE, activity.id().value(), activity.version()));
            return activity.toBuilder().version(activity.version() + 1).build();
        });
    }

    @Override
    public List<Activity> matching(TenantId tenant, ActivityQuery query) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        // The SQL form of ActivityQuery.matches.
        Where where = new Where().and("a.tenant_id = :tenant_id", "tenant_id", tenant.value());
        if (query.owner() != null) where.and("a.owner = :owner", "owner", query.owner().value());
        if (query.customer() != null) where.and("a.customer_id = :customer_id", "customer_id", query.customer().value());
        if (query.opportunity() != null) {
            where.and("a.opportunity_id = :opportunity_id", "opportunity_id", query.opportunity().value());
        }
        if (query.openOnly()) where.and("a.status = :open", "open", ActivityStatus.OPEN.name());
        NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_activity a\nWHERE " + where.sql()
                + "\nORDER BY a.due_at, a.id");
        return transactions.withConnection(connection -> sql.list(connection, dialect, where::bind, mapper));
    }

    private static void bindRow(NamedSql.Bound statement, Activity a) throws SQLException {
        statement.string("tenant_id", a.tenant().value())
                .string("id", a.id().value())
                .string("kind", a.kind().name())
                .string("subject", a.subject())
                .string("customer_id", text(a.customer()))
                .string("contact_id", text(a.contact()))
                .string("opportunity_id", text(a.opportunity()))
                .string("owner", a.owner().value())
                .instant("due_at", a.due())
                .instant("reminder_at", a.reminder())
                .string("notes", a.notes())
                .string("status", a.status().name())
                .string("outcome", a.outcome())
                .instant("completed_at", a.completedAt())
                .instant("cancelled_at", a.cancelledAt())
                .instant("created_at", a.createdAt())
                .instant("updated_at", a.updatedAt());
    }

    /**
     * Open activities due before a time, by due time and id: a range of
     * {@code kehu_activity_status_due_ix (tenant_id, status, due_at, id)} read in its order.
     */
    @Override
    public List<Activity> overdue(TenantId tenant, Instant before, Activity after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(before, "before");
        Where where = new Where().and("a.tenant_id = :tenant_id", "tenant_id", tenant.value())
                .and("a.status = :status", "status", ActivityStatus.OPEN.name())
                .and("a.due_at < :before", s -> s.instant("before", before));
        return transactions.withConnection(connection -> Keyset.byColumnThenId(connection, dialect, COLUMNS,
                "kehu_activity a", where, "a.due_at", s -> s.instant("after_at", after.due()), "a.id",
                after == null ? null : after.id().value(), limit, mapper));
    }
}
