package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;
import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.support.Expense;
import dev.kehu.crm.support.ExpenseCategory;
import dev.kehu.crm.support.ExpenseId;
import dev.kehu.crm.support.ExpenseStatus;
import dev.kehu.crm.support.Expenses;
import dev.kehu.crm.support.ListPosition;
import dev.kehu.crm.support.TicketId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Expenses in {@code kehu_expense}; the row's version guards them against lost updates. */
public final class JdbcExpenses implements Expenses {
    private static final String COLUMNS = """
            tenant_id, id, customer_id, ticket_id, category, amount, currency, description, incurred_on, submitted_by,
            status, approver, decided_at, rejection_reason, created_at, updated_at, version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_expense WHERE tenant_id = :tenant_id AND id = :id""");

    // kehu_expense_customer_ix
    private static final NamedSql OF_CUSTOMER = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_expense
            WHERE tenant_id = :tenant_id AND customer_id = :customer_id
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""");

    private static final NamedSql OF_CUSTOMER_BEFORE = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_expense
            WHERE tenant_id = :tenant_id AND customer_id = :customer_id
              AND (created_at < :before_at OR (created_at = :before_at AND id < :before_id))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""");

    private static final NamedSql INSERT = NamedSql.of("INSERT INTO kehu_expense (" + COLUMNS + """
            )
            VALUES (:tenant_id, :id, :customer_id, :ticket_id, :category, :amount, :currency, :description,
                :incurred_on, :submitted_by, :status, :approver, :decided_at, :rejection_reason, :created_at,
                :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_expense
            SET customer_id = :customer_id, ticket_id = :ticket_id, category = :category, amount = :amount,
                currency = :currency, description = :description, incurred_on = :incurred_on,
                submitted_by = :submitted_by, status = :status, approver = :approver, decided_at = :decided_at,
                rejection_reason = :rejection_reason, created_at = :created_at, updated_at = :updated_at,
                version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_expense", "id", INSERT, UPDATE);

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final RowMapper<Expense> mapper;

    public JdbcExpenses(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.mapper = row -> new Expense(new ExpenseId(row.getString("id")), new TenantId(row.getString("tenant_id")),
                new CustomerId(row.getString("customer_id")), read(row, "ticket_id", TicketId::new),
                ExpenseCategory.valueOf(row.getString("category")), Columns.readMoney(row, "amount", "currency"),
                row.getString("description"), row.getObject("incurred_on", LocalDate.class),
                new UserId(row.getString("submitted_by")), ExpenseStatus.valueOf(row.getString("status")),
                read(row, "approver", UserId::new), dialect.getInstant(row, "decided_at"),
                row.getString("rejection_reason"), dialect.getInstant(row, "created_at"),
                dialect.getInstant(row, "updated_at"), row.getLong("version"));
    }

    @Override
    public Optional<Expense> find(TenantId tenant, ExpenseId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value()), mapper).stream().findFirst());
    }

    @Override
    public Expense save(Expense e) {
        requireNonNull(e, "expense");
        return transactions.withConnection(connection -> {
            ROWS.write(connection, dialect, e.tenant().value(), e.id().value(), e.version(), s -> s
                    .string("tenant_id", e.tenant().value()).string("id", e.id().value())
                    .string("customer_id", e.customer().value()).string("ticket_id", text(e.ticket()))
                    .string("category", e.category().name())
                    .decimal("amount", Decimals.MONEY.exact(e.amount().amount(), "expense amount"))
                    .string("currency", e.amount().currency().getCurrencyCode())
                    .string("description", e.description()).date("incurred_on", e.incurredOn())
                    .string("submitted_by", e.submittedBy().value()).string("status", e.status().name())
                    .string("approver", text(e.approver())).instant("decided_at", e.decidedAt())
                    .string("rejection_reason", e.rejectionReason()).instant("created_at", e.createdAt())
                    .instant("updated_at", e.updatedAt()),
                    () -> new StaleRecordException(Expense.RECORD_TYPE, e.id().value(), e.version()));
            return new Expense(e.id(), e.tenant(), e.customer(), e.ticket(), e.category(), e.amount(), e.description(),
                    e.incurredOn(), e.submittedBy(), e.status(), e.approver(), e.decidedAt(), e.rejectionReason(),
                    e.createdAt(), e.updatedAt(), e.version() + 1);
        });
    }

    @Override
    public List<Expense> ofCustomer(TenantId tenant, CustomerId customer, ListPosition before, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        Limits.check(limit);
        return transactions.withConnection(connection -> (before == null ? OF_CUSTOMER : OF_CUSTOMER_BEFORE).list(
                connection, dialect, s -> {
                    s.string("tenant_id", tenant.value()).string("customer_id", customer.value()).bigint("limit", limit);
                    if (before != null) s.instant("before_at", before.at()).string("before_id", before.id());
                }, mapper));
    }
}
