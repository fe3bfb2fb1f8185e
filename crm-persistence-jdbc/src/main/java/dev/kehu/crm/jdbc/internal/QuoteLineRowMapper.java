package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.quote.QuoteLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A row of {@code kehu_quote_line} or {@code kehu_sales_order_line}, read beside its quote's or order's
 * {@code currency}; the two tables keep a line in the same columns.
 */
final class QuoteLineRowMapper implements RowMapper<QuoteLine> {
    /** Refuses, before anything is written, a line whose numbers the columns cannot keep exactly. */
    static void checkFits(List<QuoteLine> lines) {
        for (QuoteLine line : lines) {
            Decimals.QUANTITY.exact(line.quantity(), "quantity");
            Decimals.MONEY.exact(line.unitPrice().amount(), "unit price");
            Decimals.PERCENT.exact(line.discountPercent(), "discount");
        }
    }

    /** Sets the columns of line number {@code index} (from 0). */
    static void bind(NamedSql.Bound statement, QuoteLine line, int index) throws SQLException {
        statement.integer("line_index", index)
                .string("product", line.product())
                .decimal("quantity", line.quantity())
                .decimal("unit_price", line.unitPrice().amount())
                .decimal("discount_percent", line.discountPercent());
    }

    @Override
    public QuoteLine map(ResultSet row) throws SQLException {
        return new QuoteLine(row.getString("product"), row.getBigDecimal("quantity"),
                Columns.readMoney(row, "unit_price", "currency"), row.getBigDecimal("discount_percent"));
    }
}
