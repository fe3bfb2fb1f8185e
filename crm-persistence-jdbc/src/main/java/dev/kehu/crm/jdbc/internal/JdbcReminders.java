package dev.kehu.crm.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Care reminders in {@code kehu_reminder}, whose primary key is the tenant and the reminder's key. An add whose key
 * is taken writes nothing and must leave the transaction usable: as the outbox's append does, PostgreSQL is told to
 * do nothing on that conflict (a failed statement would abort its transaction), while H2, MariaDB and MySQL roll
 * back only the failed insert, so there its duplicate-key error is the answer. Concurrent adds of one key meet on
 * the primary key: the later waits for the first to commit and then finds the key taken.
 */
public final class JdbcReminders implements Reminders {
    private static final String COLUMNS = """
            r.tenant_id, r.reminder_key, r.rule_name, r.subject_type, r.subject_id, r.due_date, r.recipient,
            r.created_at""";

    private static final String INSERT = """
            INSERT INTO kehu_reminder (tenant_id, reminder_key, rule_name, subject_type, subject_id, due_date,
                recipient, created_at)
            VALUES (:tenant_id, :reminder_key, :rule_name, :subject_type, :subject_id, :due_date, :recipient,
                :created_at)""";

    /** By primary key. */
    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_reminder r
            WHERE r.tenant_id = :tenant_id AND r.reminder_key = :reminder_key""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final NamedSql insert;
    /** Without PostgreSQL's do-nothing: a key taken meanwhile must fail the batch, not pass for ours. */
    private final NamedSql batchInsert = NamedSql.of(INSERT);
    private final RowMapper<Reminder> mapper;

    public JdbcReminders(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.insert = NamedSql.of(dialect == Dialect.POSTGRESQL
                ? INSERT + "\nON CONFLICT (tenant_id, reminder_key) DO NOTHING" : INSERT);
        this.mapper = row -> new Reminder(new TenantId(row.getString("tenant_id")), row.getString("reminder_key"),
                row.getString("rule_name"), row.getString("subject_type"), row.getString("subject_id"),
                row.getObject("due_date", LocalDate.class), new UserId(row.getString("recipient")),
                dialect.getInstant(row, "created_at"));
    }

    @Override
    public boolean add(Reminder reminder) {
        requireNonNull(reminder, "reminder");
        return transactions.withConnection(connection -> {
            try (NamedSql.Bound statement = insert.prepare(connection, dialect)) {
                return bind(statement, reminder).update() == 1;
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) throw e;
                return false; // the primary key: the tenant has a reminder with this key
            }
        });
    }

    /**
     * The keys of the list already taken are found with one query, the others inserted in one batch behind a
     * savepoint. Should another transaction take one of them meanwhile (the batch then fails on the primary key),
     * the batch is undone back to the savepoint and the rows are added one by one, which tells which were ours. The
     * batch's insert has no do-nothing clause on PostgreSQL, so that a key taken meanwhile fails it rather than
     * passing for one of ours.
     */
    @Override
    public List<Reminder> addAll(List<Reminder> reminders) {
        requireNonNull(reminders, "reminders");
        if (reminders.isEmpty()) return List.of();
        return transactions.withConnection(connection -> {
            Set<List<String>> taken = taken(connection, reminders);
            List<Reminder> fresh = new ArrayList<>();
            for (Reminder r : reminders) {
                if (taken.add(List.of(r.tenant().value(), r.key()))) fresh.add(r);
            }
            if (fresh.isEmpty()) return List.of();
            Savepoint before = connection.setSavepoint();
            try (NamedSql.Bound statement = batchInsert.prepare(connection, dialect)) {
                for (Reminder reminder : fresh) {
                    bind(statement, reminder).addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) throw e;
                connection.rollback(before);
                return fresh.stream().filter(this::add).toList();
            }
            connection.releaseSavepoint(before);
            return fresh;
        });
    }

    /**
     * The (tenant, key) pairs of the list that are stored, found with one query. The pairs are compared as rows:
     * H2 looks each one up in the primary key, where {@code tenant_id = ? AND reminder_key IN (…)} has it read every
     * reminder of the tenant, which makes a care run quadratic in the reminders it has written.
     */
    private Set<List<String>> taken(Connection connection, List<Reminder> reminders) throws SQLException {
        Set<List<String>> taken = new HashSet<>();
        String sql = "SELECT tenant_id, reminder_key FROM kehu_reminder WHERE (tenant_id, reminder_key) IN ("
                + String.join(", ", Collections.nCopies(reminders.size(), "(?, ?)")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < reminders.size(); i++) {
                select.setString(2 * i + 1, reminders.get(i).tenant().value());
                select.setString(2 * i + 2, reminders.get(i).key());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) taken.add(List.of(row.getString(1), row.getString(2)));
            }
        }
        return taken;
    }

    private static NamedSql.Bound bind(NamedSql.Bound statement, Reminder reminder) throws SQLException {
        return statement.string("tenant_id", reminder.tenant().value())
                .string("reminder_key", reminder.key())
                .string("rule_name", reminder.rule())
                .string("subject_type", reminder.subjectType())
                .string("subject_id", reminder.subjectId())
                .date("due_date", reminder.due())
                .string("recipient", reminder.recipient().value())
                .instant("created_at", reminder.createdAt());
    }

    @Override
    public Optional<Reminder> find(TenantId tenant, String key) {
        requireNonNull(tenant, "tenant");
        requireNonNull(key, "key");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("reminder_key", key), mapper).stream().findFirst());
    }

    /** Served by {@code kehu_reminder_recipient_ix (tenant_id, recipient, due_date, reminder_key)}. */
    @Override
    public List<Reminder> ofRecipient(TenantId tenant, UserId recipient, Reminder after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(recipient, "recipient");
        Keyset.checkLimit(limit);
        Where where = new Where().and("r.tenant_id = :tenant_id", "tenant_id", tenant.value())
                .and("r.recipient = :recipient", "recipient", recipient.value());
        if (after != null) {
            where.and("(r.due_date > :after_due OR (r.due_date = :after_due AND r.reminder_key > :after_key))",
                    s -> s.date("after_due", after.due()).string("after_key", after.key()));
        }
        return transactions.withConnection(connection -> Keyset.page(connection, dialect, COLUMNS, "kehu_reminder r",
                where, "r.due_date, r.reminder_key", limit, mapper));
    }
}
