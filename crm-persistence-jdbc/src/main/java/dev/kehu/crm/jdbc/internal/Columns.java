package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.common.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.function.Function;

/** Reading nullable typed values from their columns, and writing them as text. */
final class Columns {
    private Columns() {
    }

    /** The column's text made into {@code T} by {@code type}, or {@code null} when the column is NULL. */
    static <T> T read(ResultSet row, String column, Function<String, T> type) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : type.apply(text);
    }

    static Integer readInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** The money in an amount column and a currency-code column, or {@code null} when the amount is NULL. */
    static Money readMoney(ResultSet row, String amountColumn, String currencyColumn) throws SQLException {
        BigDecimal amount = row.getBigDecimal(amountColumn);
        return amount == null ? null : Money.of(amount, Currency.getInstance(row.getString(currencyColumn)));
    }

    /** The text form of a typed value (its {@code toString}, or an enum's name), or {@code null}. */
    static String text(Object value) {
        if (value == null) return null;
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
