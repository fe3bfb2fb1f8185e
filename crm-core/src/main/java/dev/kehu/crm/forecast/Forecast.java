package dev.kehu.crm.forecast;

import dev.kehu.crm.common.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The weighted sales forecast (销售预测, O11): per month of expected signing, Σ expected amount × probability
 * over the open and won opportunities expected in it (a won one counts at 100 %, a lost one not at all).
 * Amounts are in the base currency at the rates of {@code ratesOn}: future rates are unknown, so one date
 * for all keeps months comparable. Each opportunity's weighted amount is rounded to its currency's minor units;
 * each currency's exact total in a month is converted once and rounded to the base currency's minor units, and
 * the month adds those; the total adds the months.
 */
public record Forecast(YearMonth from, YearMonth to, LocalDate ratesOn, List<Month> months, Money weightedTotal) {
    public Forecast {
        months = List.copyOf(months);
    }

    /**
     * One month: the opportunities expected in it, their expected amount, the weighted amount, and the part
     * of it already won.
     */
    public record Month(YearMonth month, long count, Money amount, Money weighted, Money won) {
    }
}
