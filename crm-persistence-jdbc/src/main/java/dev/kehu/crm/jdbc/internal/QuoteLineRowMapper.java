package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.quote.QuoteLine;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_quote_line}, read beside its quote's {@code currency}. */
final class QuoteLineRowMapper implements RowMapper<QuoteLine> {
    @Override
    public QuoteLine map(ResultSet row) throws SQLException {
        return new QuoteLine(row.getString("product"), row.getBigDecimal("quantity"),
                Columns.readMoney(row, "unit_price", "currency"), row.getBigDecimal("discount_percent"));
    }
}
