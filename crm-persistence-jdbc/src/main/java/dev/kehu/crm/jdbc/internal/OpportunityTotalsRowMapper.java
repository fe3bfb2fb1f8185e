package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.readInteger;
import static dev.kehu.crm.jdbc.internal.Columns.readMoney;

import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.OpportunityTotals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;

/**
 * A row of the opportunities' {@code GROUP BY}: {@code group_key} (the stage, or the month of expected signing as
 * year × 100 + month), {@code status}, {@code expected_currency}, {@code opportunities} (the count), {@code amount}
 * and {@code weighted} (the sums).
 */
final class OpportunityTotalsRowMapper implements RowMapper<OpportunityTotals> {
    private final OpportunityTotals.Grouping by;

    OpportunityTotalsRowMapper(OpportunityTotals.Grouping by) {
        this.by = by;
    }

    @Override
    public OpportunityTotals map(ResultSet row) throws SQLException {
        String stage = null;
        YearMonth month = null;
        if (by == OpportunityTotals.Grouping.STAGE) {
            stage = row.getString("group_key");
        } else {
            Integer yearMonth = readInteger(row, "group_key");
            month = yearMonth == null ? null : YearMonth.of(yearMonth / 100, yearMonth % 100);
        }
        return new OpportunityTotals(stage, month, OpportunityStatus.valueOf(row.getString("status")),
                row.getLong("opportunities"), readMoney(row, "amount", "expected_currency"),
                readMoney(row, "weighted", "expected_currency"));
    }
}
