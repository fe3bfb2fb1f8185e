package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.order.SalesOrderId;
import dev.kehu.crm.order.SalesOrderStatus;
import dev.kehu.crm.quote.QuoteId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;

/** A row of {@code kehu_sales_order}, as a builder still missing the lines of {@code kehu_sales_order_line}. */
final class SalesOrderRowMapper implements RowMapper<SalesOrder.Builder> {
    private final Dialect dialect;

    SalesOrderRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public SalesOrder.Builder map(ResultSet row) throws SQLException {
        return SalesOrder.builder()
                .id(new SalesOrderId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .number(row.getString("number"))
                .customer(new CustomerId(row.getString("customer_id")))
                .quote(read(row, "quote_id", QuoteId::new))
                .orderDate(row.getObject("order_date", LocalDate.class))
                .currency(Currency.getInstance(row.getString("currency")))
                .status(SalesOrderStatus.valueOf(row.getString("status")))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"));
    }
}
