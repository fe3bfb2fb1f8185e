package dev.kehu.crm.examples.bench;

import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.order.DormancyRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The baselines of the daily care run over the dataset's rules that find something (overdue activities, quiet
 * opportunities, opportunities past their signing date, dormant customers): the same reminder rows and the same
 * notifications in the outbox as Kehu writes, one transaction per page.
 * <ul>
 *   <li>{@link #sql}: each rule one keyset-paged query in the order of its index, reading only the columns the
 *       reminder needs, the page's reminders and notifications inserted in batches;</li>
 *   <li>{@link #jvm}: every row of the tables read over JDBC and filtered in Java (dormancy computed from every
 *       order), then written the same way.</li>
 * </ul>
 * Both expect an empty reminder table, as the workload leaves it before each run, and do not check the keys.
 */
final class CareRunBaseline extends HandWrittenJdbc {
    private static final int PAGE = 200;
    private static final int QUIET_DAYS = 14;
    private static final String INSERT_REMINDER = """
            INSERT INTO kehu_reminder (tenant_id, reminder_key, rule_name, subject_type, subject_id, due_date, recipient,
                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_NOTIFICATION = """
            INSERT INTO kehu_outbox_message (tenant_id, id, kind, idempotency_key, topic, record_type, record_id,
                recipient, actor, created_at, data, status, attempts, next_attempt_at, version)
            VALUES (?, ?, 'NOTIFICATION', ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0)""";

    CareRunBaseline(DataSource dataSource, Clock clock, IdGenerator ids, TenantId tenant, UserId actor) {
        super(dataSource, clock, ids, tenant, actor);
    }

    /** One reminder: what the rule found. */
    record Candidate(String rule, String subjectType, String subjectId, LocalDate due, String recipient,
                     Map<String, String> details) {
        String key() {
            return rule + ":" + subjectId + ":" + due;
        }
    }

    /** The run with each rule's query in SQL; how many reminders it wrote. */
    long sql(LocalDate today) {
        OffsetDateTime startOfToday = today.atStartOfDay().atOffset(ZoneOffset.UTC);
        long written = 0;
        written += paged("""
                SELECT id, due_at, owner, subject, kind FROM kehu_activity
                WHERE tenant_id = ? AND status = 'OPEN' AND due_at < ?""", "due_at", startOfToday,
                row -> activity(row.getString(1), row.getObject(2, OffsetDateTime.class), row.getString(3),
                        row.getString(4), row.getString(5)));
        OffsetDateTime quietBefore = today.minusDays(QUIET_DAYS - 1L).atStartOfDay().atOffset(ZoneOffset.UTC);
        written += paged("""
                SELECT id, updated_at, owner, subject FROM kehu_opportunity
                WHERE tenant_id = ? AND status = 'OPEN' AND updated_at < ?""", "updated_at", quietBefore,
                row -> quiet(row.getString(1), row.getObject(2, OffsetDateTime.class), row.getString(3),
                        row.getString(4)));
        written += paged("""
                SELECT id, expected_signing_date, owner, subject FROM kehu_opportunity
                WHERE tenant_id = ? AND status = 'OPEN' AND expected_signing_date < ?""", "expected_signing_date",
                today, row -> signing(row.getString(1), row.getObject(2, LocalDate.class), row.getString(3),
                        row.getString(4)));
        written += paged("""
                SELECT p.customer_id, p.last_purchase_on, c.owner, c.name FROM kehu_customer_purchase p
                JOIN kehu_customer c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
                WHERE p.tenant_id = ? AND c.status = 'ACTIVE' AND c.owner IS NOT NULL AND p.last_purchase_on < ?""",
                "p.last_purchase_on", DormancyRule.purchasedBefore(today, DormancyRule.DEFAULT_THRESHOLD),
                row -> dormant(row.getString(1), row.getObject(2, LocalDate.class), row.getString(3),
                        row.getString(4)));
        return written;
    }

    /** The run with every row read into the JVM and filtered there; how many reminders it wrote. */
    long jvm(LocalDate today) {
        Instant startOfToday = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant quietBefore = today.minusDays(QUIET_DAYS - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Candidate> found = new ArrayList<>();
        Map<String, String[]> customers = new HashMap<>();
        Map<String, LocalDate> lastPurchase = new HashMap<>();
        Jdbc.inTransaction(dataSource, connection -> {
            scan(connection, "SELECT id, status, due_at, owner, subject, kind FROM kehu_activity WHERE tenant_id = ?", row -> {
                OffsetDateTime due = row.getObject(3, OffsetDateTime.class);
                if ("OPEN".equals(row.getString(2)) && due.toInstant().isBefore(startOfToday)) {
                    found.add(activity(row.getString(1), due, row.getString(4), row.getString(5), row.getString(6)));
                }
            });
            scan(connection, "SELECT id, status, updated_at, expected_signing_date, owner, subject FROM kehu_opportunity"
                    + " WHERE tenant_id = ?", row -> {
                if (!"OPEN".equals(row.getString(2))) return;
                OffsetDateTime updated = row.getObject(3, OffsetDateTime.class);
                LocalDate expected = row.getObject(4, LocalDate.class);
                if (updated.toInstant().isBefore(quietBefore)) {
                    found.add(quiet(row.getString(1), updated, row.getString(5), row.getString(6)));
                }
                if (expected != null && expected.isBefore(today)) {
                    found.add(signing(row.getString(1), expected, row.getString(5), row.getString(6)));
                }
            });
            scan(connection, "SELECT id, status, owner, name FROM kehu_customer WHERE tenant_id = ?", row -> {
                if ("ACTIVE".equals(row.getString(2)) && row.getString(3) != null) {
                    customers.put(row.getString(1), new String[] {row.getString(3), row.getString(4)});
                }
            });
            scan(connection, "SELECT customer_id, order_date, status FROM kehu_sales_order WHERE tenant_id = ?", row -> {
                if (!"CANCELLED".equals(row.getString(3))) {
                    lastPurchase.merge(row.getString(1), row.getObject(2, LocalDate.class),
                            (a, b) -> a.isAfter(b) ? a : b);
                }
            });
            return null;
        });
        LocalDate purchasedBefore = DormancyRule.purchasedBefore(today, DormancyRule.DEFAULT_THRESHOLD);
        lastPurchase.forEach((customer, date) -> {
            String[] ownerAndName = customers.get(customer);
            if (ownerAndName != null && date.isBefore(purchasedBefore)) {
                found.add(dormant(customer, date, ownerAndName[0], ownerAndName[1]));
            }
        });
        for (int from = 0; from < found.size(); from += PAGE) {
            List<Candidate> page = found.subList(from, Math.min(found.size(), from + PAGE));
            Jdbc.inTransaction(dataSource, connection -> write(connection, page));
        }
        return found.size();
    }

    private Candidate activity(String id, OffsetDateTime due, String owner, String subject, String kind) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("due", due.toInstant().toString());
        return new Candidate("activity-overdue", "activity", id, due.toLocalDate(), owner, withSubject(subject, details));
    }

    private Candidate quiet(String id, OffsetDateTime updated, String owner, String subject) {
        LocalDate lastChange = updated.toLocalDate();
        return new Candidate("opportunity-quiet", "opportunity", id, lastChange.plusDays(QUIET_DAYS), owner,
                withSubject(subject, Map.of("lastChange", lastChange.toString(), "days", Integer.toString(QUIET_DAYS))));
    }

    private Candidate signing(String id, LocalDate expected, String owner, String subject) {
        return new Candidate("opportunity-signing-overdue", "opportunity", id, expected, owner,
                withSubject(subject, Map.of("expectedSigningDate", expected.toString())));
    }

    private Candidate dormant(String customer, LocalDate lastPurchase, String owner, String name) {
        return new Candidate("customer-dormant", "customer", customer,
                DormancyRule.dormantFrom(lastPurchase, DormancyRule.DEFAULT_THRESHOLD), owner,
                withSubject(name, Map.of("lastPurchase", lastPurchase.toString())));
    }

    private static Map<String, String> withSubject(String subject, Map<String, String> arguments) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("subject", subject);
        details.putAll(arguments);
        return details;
    }

    interface RowMapper {
        Candidate map(ResultSet row) throws SQLException;
    }

    interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Reads the query page by page in the order of {@code sortColumn} then id (the order of the rule's index), each
     * page's reminders written in its own transaction; how many were written.
     */
    private long paged(String query, String sortColumn, Object bound, RowMapper mapper) {
        String idColumn = sortColumn.startsWith("p.") ? "p.customer_id" : "id";
        long written = 0;
        Object afterSort = null;
        String afterId = null;
        while (true) {
            Object sortFrom = afterSort;
            String idFrom = afterId;
            List<Object[]> page = Jdbc.inTransaction(dataSource, connection -> {
                String sql = query + (sortFrom == null ? "" : " AND (" + sortColumn + " > ? OR (" + sortColumn
                        + " = ? AND " + idColumn + " > ?))") + " ORDER BY " + sortColumn + ", " + idColumn + " LIMIT " + PAGE;
                List<Object[]> rows = new ArrayList<>();
                List<Candidate> candidates = new ArrayList<>();
                try (PreparedStatement s = connection.prepareStatement(sql)) {
                    int i = 1;
                    s.setString(i++, tenant.value());
                    s.setObject(i++, bound);
                    if (sortFrom != null) {
                        s.setObject(i++, sortFrom);
                        s.setObject(i++, sortFrom);
                        s.setString(i, idFrom);
                    }
                    try (ResultSet row = s.executeQuery()) {
                        while (row.next()) {
                            rows.add(new Object[] {row.getObject(2), row.getString(1)});
                            candidates.add(mapper.map(row));
                        }
                    }
                }
                write(connection, candidates);
                return rows;
            });
            written += page.size();
            if (page.size() < PAGE) return written;
            afterSort = page.get(page.size() - 1)[0];
            afterId = (String) page.get(page.size() - 1)[1];
        }
    }

    private static void scan(Connection connection, String query, RowAction action) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(query)) {
            s.setString(1, DatasetGenerator.TENANT.value());
            s.setFetchSize(1_000);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) action.accept(row);
            }
        }
    }

    private Void write(Connection connection, List<Candidate> candidates) throws SQLException {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        try (PreparedStatement reminders = connection.prepareStatement(INSERT_REMINDER);
             PreparedStatement notifications = connection.prepareStatement(INSERT_NOTIFICATION)) {
            for (Candidate c : candidates) {
                int i = 1;
                reminders.setString(i++, tenant.value());
                reminders.setString(i++, c.key());
                reminders.setString(i++, c.rule());
                reminders.setString(i++, c.subjectType());
                reminders.setString(i++, c.subjectId());
                reminders.setObject(i++, c.due());
                reminders.setString(i++, c.recipient());
                reminders.setObject(i, now);
                reminders.addBatch();
                i = 1;
                notifications.setString(i++, tenant.value());
                notifications.setString(i++, ids.next());
                notifications.setString(i++, "reminder:" + c.key());
                notifications.setString(i++, "care." + c.rule());
                notifications.setString(i++, c.subjectType());
                notifications.setString(i++, c.subjectId());
                notifications.setString(i++, c.recipient());
                notifications.setString(i++, actor.value());
                notifications.setObject(i++, now);
                notifications.setString(i++, Json.object(c.details()));
                notifications.setObject(i, now);
                notifications.addBatch();
            }
            reminders.executeBatch();
            notifications.executeBatch();
        }
        return null;
    }
}
