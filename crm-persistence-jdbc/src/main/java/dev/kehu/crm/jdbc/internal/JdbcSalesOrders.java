package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.order.CustomerPurchase;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.order.SalesOrderId;
import dev.kehu.crm.order.SalesOrderStatus;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.quote.QuoteLine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sales orders in {@code kehu_sales_order}, their lines in {@code kehu_sales_order_line}, and each customer's last
 * purchase in {@code kehu_customer_purchase}. A save writes all three in the caller's transaction: the order's row
 * (version-checked), its lines, then the last purchase of its customer recomputed from that customer's orders and
 * written version-checked too. Two transactions changing one customer's orders at once therefore meet on that row:
 * the later one waits for the first and is refused as stale, so the row never keeps a date computed from orders
 * the other transaction had not seen.
 */
public final class JdbcSalesOrders implements SalesOrders {
    private static final String COLUMNS = """
            o.tenant_id, o.id, o.number, o.customer_id, o.quote_id, o.order_date, o.currency, o.status, o.created_at,
            o.updated_at, o.version, l.line_index, l.product, l.quantity, l.unit_price, l.discount_percent""";

    private static final String LINES = """
            LEFT JOIN kehu_sales_order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_sales_order o\n" + LINES + """

            WHERE o.tenant_id = :tenant_id AND o.id = :id
            ORDER BY l.line_index""");

    /** Served by {@code kehu_sales_order_number_uk}. */
    private static final NamedSql FIND_BY_NUMBER = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_sales_order o\n"
            + LINES + """

            WHERE o.tenant_id = :tenant_id AND o.number = :number
            ORDER BY l.line_index""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_sales_order (tenant_id, id, number, customer_id, quote_id, order_date, currency, status,
                created_at, updated_at, version)
            VALUES (:tenant_id, :id, :number, :customer_id, :quote_id, :order_date, :currency, :status, :created_at,
                :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_sales_order
            SET number = :number, customer_id = :customer_id, quote_id = :quote_id, order_date = :order_date,
                currency = :currency, status = :status, created_at = :created_at, updated_at = :updated_at,
                version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_sales_order", "id", INSERT, UPDATE);
    private static final RecordNumbers NUMBERS = new RecordNumbers("kehu_sales_order");

    private static final NamedSql STORED_CUSTOMER = NamedSql.of("""
            SELECT customer_id FROM kehu_sales_order WHERE tenant_id = :tenant_id AND id = :id""");

    private static final NamedSql DELETE_LINES = NamedSql.of("""
            DELETE FROM kehu_sales_order_line WHERE tenant_id = :tenant_id AND order_id = :order_id""");

    private static final NamedSql INSERT_LINE = NamedSql.of("""
            INSERT INTO kehu_sales_order_line (tenant_id, order_id, line_index, product, quantity, unit_price,
                discount_percent)
            VALUES (:tenant_id, :order_id, :line_index, :product, :quantity, :unit_price, :discount_percent)""");

    /** One customer's orders, through {@code kehu_sales_order_customer_ix}: never every order of the tenant. */
    private static final NamedSql LATEST_PURCHASE = NamedSql.of("""
            SELECT MAX(order_date) AS last_purchase_on FROM kehu_sales_order
            WHERE tenant_id = :tenant_id AND customer_id = :customer_id AND status <> :cancelled""");

    /** Served by the primary key of {@code kehu_customer_purchase}. */
    private static final NamedSql PURCHASE = NamedSql.of("""
            SELECT last_purchase_on, version FROM kehu_customer_purchase
            WHERE tenant_id = :tenant_id AND customer_id = :customer_id""");

    private static final VersionedRows PURCHASES = new VersionedRows("kehu_customer_purchase", "customer_id",
            NamedSql.of("""
                    INSERT INTO kehu_customer_purchase (tenant_id, customer_id, last_purchase_on, version)
                    VALUES (:tenant_id, :customer_id, :last_purchase_on, :new_version)"""),
            NamedSql.of("""
                    UPDATE kehu_customer_purchase SET last_purchase_on = :last_purchase_on, version = :new_version
                    WHERE tenant_id = :tenant_id AND customer_id = :customer_id AND version = :version"""));

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ChildRows<SalesOrder.Builder, QuoteLine, SalesOrder> rows;

    public JdbcSalesOrders(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.rows = new ChildRows<>(new SalesOrderRowMapper(dialect), new QuoteLineRowMapper(), "line_index",
                (order, lines) -> order.lines(lines).build());
    }

    @Override
    public Optional<SalesOrder> find(TenantId tenant, SalesOrderId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> rows.load(connection, dialect, FIND,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value())).stream().findFirst());
    }

    @Override
    public Optional<SalesOrder> findByNumber(TenantId tenant, String number) {
        requireNonNull(tenant, "tenant");
        requireNonNull(number, "number");
        return transactions.withConnection(connection -> rows.load(connection, dialect, FIND_BY_NUMBER,
                s -> s.string("tenant_id", tenant.value()).string("number", number)).stream().findFirst());
    }

    @Override
    public SalesOrder save(SalesOrder order) {
        requireNonNull(order, "order");
        // Checked before anything is written, so that a value the columns cannot keep leaves no trace.
        RecordNumbers.checked(order.number());
        QuoteLineRowMapper.checkFits(order.lines());
        String tenant = order.tenant().value();
        String id = order.id().value();
        Supplier<StaleRecordException> stale = () -> new StaleRecordException(SalesOrder.RECORD_TYPE, id, order.version());
        return transactions.withConnection(connection -> {
            Optional<String> formerCustomer = STORED_CUSTOMER.list(connection, dialect,
                    s -> s.string("tenant_id", tenant).string("id", id), row -> row.getString("customer_id"))
                    .stream().findFirst();
            boolean inserted = ROWS.write(connection, dialect, tenant, id, order.version(), s -> bindRow(s, order),
                    stale, () -> {
                        if (NUMBERS.takenByAnother(connection, dialect, tenant, order.number(), id)) {
                            throw new DuplicateRecordException(SalesOrder.RECORD_TYPE, "sales order number "
                                    + order.number() + " is already taken in tenant " + tenant);
                        }
                    });
            ChildRows.replace(connection, dialect, DELETE_LINES, INSERT_LINE, inserted,
                    s -> s.string("tenant_id", tenant).string("order_id", id), order.lines(), QuoteLineRowMapper::bind);
            refreshLastPurchase(connection, tenant, order.customer().value(), stale);
            if (formerCustomer.isPresent() && !formerCustomer.get().equals(order.customer().value())) {
                refreshLastPurchase(connection, tenant, formerCustomer.get(), stale);
            }
            return order.toBuilder().version(order.version() + 1).build();
        });
    }

    /**
     * Writes the customer's last purchase as their orders now say, over the row at the version read here; a
     * concurrent change of that row makes the write, and so the save, stale.
     */
    private void refreshLastPurchase(Connection connection, String tenant, String customer,
                                     Supplier<StaleRecordException> stale) throws SQLException {
        Optional<LocalDate> latest = LATEST_PURCHASE.list(connection, dialect, s -> s.string("tenant_id", tenant)
                .string("customer_id", customer).string("cancelled", SalesOrderStatus.CANCELLED.name()),
                row -> Optional.ofNullable(row.getObject("last_purchase_on", LocalDate.class))).get(0);
        long version = PURCHASE.list(connection, dialect, s -> s.string("tenant_id", tenant)
                .string("customer_id", customer), row -> row.getLong("version")).stream().findFirst().orElse(0L);
        PURCHASES.write(connection, dialect, tenant, customer, version, s -> s.string("tenant_id", tenant)
                .string("customer_id", customer).date("last_purchase_on", latest.orElse(null)), stale);
    }

    @Override
    public List<SalesOrder> ofCustomer(TenantId tenant, CustomerId customer, SalesOrderId after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        PageRequest.checkLimit(limit);
        return transactions.withConnection(connection -> {
            Where where = new Where().and("o.tenant_id = :tenant_id", "tenant_id", tenant.value())
                    .and("o.customer_id = :customer_id", "customer_id", customer.value());
            if (after != null) {
                Optional<LocalDate> afterDate = rows.load(connection, dialect, FIND,
                        s -> s.string("tenant_id", tenant.value()).string("id", after.value()))
                        .stream().findFirst().map(SalesOrder::orderDate);
                if (afterDate.isEmpty()) return List.of();
                where.and("(o.order_date > :after_date OR (o.order_date = :after_date AND o.id > :after_id))",
                        s -> s.date("after_date", afterDate.get()).string("after_id", after.value()));
            }
            // A range of kehu_sales_order_customer_ix; the limit counts orders, not their joined lines.
            NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM (SELECT * FROM kehu_sales_order o WHERE "
                    + where.sql() + "\n    ORDER BY o.order_date, o.id LIMIT :limit) o\n" + LINES
                    + "\nORDER BY o.order_date, o.id, l.line_index");
            return rows.load(connection, dialect, sql, s -> {
                where.bind(s);
                s.bigint("limit", limit);
            });
        });
    }

    @Override
    public Optional<LocalDate> lastPurchase(TenantId tenant, CustomerId customer) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        return transactions.withConnection(connection -> purchaseDate(connection, tenant.value(), customer.value()));
    }

    private Optional<LocalDate> purchaseDate(Connection connection, String tenant, String customer) throws SQLException {
        return PURCHASE.list(connection, dialect, s -> s.string("tenant_id", tenant).string("customer_id", customer),
                row -> Optional.ofNullable(row.getObject("last_purchase_on", LocalDate.class)))
                .stream().findFirst().flatMap(date -> date);
    }

    @Override
    public List<CustomerPurchase> dormant(TenantId tenant, LocalDate purchasedBefore, CustomerId after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(purchasedBefore, "purchasedBefore");
        PageRequest.checkLimit(limit);
        return transactions.withConnection(connection -> {
            // A range of kehu_customer_purchase_date_ix: customers who never bought have no date and are not in it.
            Where where = new Where().and("p.tenant_id = :tenant_id", "tenant_id", tenant.value())
                    .and("p.last_purchase_on < :before", s -> s.date("before", purchasedBefore));
            if (after != null) {
                Optional<LocalDate> afterDate = purchaseDate(connection, tenant.value(), after.value());
                if (afterDate.isEmpty()) return List.of();
                where.and("(p.last_purchase_on > :after_date OR (p.last_purchase_on = :after_date"
                                + " AND p.customer_id > :after_id))",
                        s -> s.date("after_date", afterDate.get()).string("after_id", after.value()));
            }
            NamedSql sql = NamedSql.of("SELECT p.customer_id, p.last_purchase_on FROM kehu_customer_purchase p\nWHERE "
                    + where.sql() + "\nORDER BY p.last_purchase_on, p.customer_id\nLIMIT :limit");
            return sql.list(connection, dialect, s -> {
                where.bind(s);
                s.bigint("limit", limit);
            }, JdbcSalesOrders::purchase);
        });
    }

    private static CustomerPurchase purchase(ResultSet row) throws SQLException {
        return new CustomerPurchase(new CustomerId(row.getString("customer_id")),
                row.getObject("last_purchase_on", LocalDate.class));
    }

    private static void bindRow(NamedSql.Bound statement, SalesOrder o) throws SQLException {
        statement.string("tenant_id", o.tenant().value())
                .string("id", o.id().value())
                .string("number", o.number())
                .string("customer_id", o.customer().value())
                .string("quote_id", text(o.quote()))
                .date("order_date", o.orderDate())
                .string("currency", o.currency().getCurrencyCode())
                .string("status", o.status().name())
                .instant("created_at", o.createdAt())
                .instant("updated_at", o.updatedAt());
    }
}
