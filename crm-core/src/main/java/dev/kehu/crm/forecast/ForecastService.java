package dev.kehu.crm.forecast;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.BaseCurrency;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.Stage;
import dev.kehu.crm.security.Actor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The funnel (O10) and the weighted forecast (O11), computed exactly with {@code BigDecimal} in the base
 * currency. The store counts and sums the opportunities per group and currency ({@link Opportunities#totals});
 * each currency's exact total is then converted once and rounded to the base currency's minor units, and those
 * are added. Obtain it from {@code Kehu.forecasts()}; the report module builds its reports on these.
 */
public final class ForecastService {
    private final ServiceContext context;
    private final Opportunities opportunities;
    private final BaseCurrency base;

    public ForecastService(ServiceContext context, Opportunities opportunities, BaseCurrency base) {
        this.context = context;
        this.opportunities = opportunities;
        this.base = base;
    }

    /**
     * The funnel of {@code pipeline} over the opportunities matching {@code filter} (its pipeline and
     * statuses are replaced), amounts at the rates of {@code ratesOn}.
     */
    public Funnel funnel(Actor actor, Pipeline pipeline, OpportunityQuery filter, LocalDate ratesOn) {
        requireNonNull(pipeline, "pipeline");
        requireNonNull(ratesOn, "ratesOn");
        context.authorize(actor, "report.read", Opportunity.RECORD_TYPE, filter.owner());
        List<OpportunityTotals> all = opportunities.totals(actor.tenant(),
                filter.withPipeline(pipeline.id()).withStatuses(Set.of()), OpportunityTotals.Grouping.STAGE);
        List<Funnel.Stage> stages = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            List<OpportunityTotals> in = all.stream()
                    .filter(t -> t.status() == OpportunityStatus.OPEN && t.stage().equals(stage.code())).toList();
            stages.add(new Funnel.Stage(stage.code(), count(in), inBase(in, OpportunityTotals::amount, ratesOn),
                    inBase(in, OpportunityTotals::weighted, ratesOn)));
        }
        return new Funnel(pipeline.id(), ratesOn, stages, closed(all, OpportunityStatus.WON, ratesOn),
                closed(all, OpportunityStatus.LOST, ratesOn));
    }

    /**
     * The weighted forecast for the months {@code from} to {@code to}, over the opportunities matching
     * {@code filter} (its statuses and dates are replaced), amounts at the rates of {@code ratesOn}.
     */
    public Forecast forecast(Actor actor, YearMonth from, YearMonth to, OpportunityQuery filter, LocalDate ratesOn) {
        requireNonNull(ratesOn, "ratesOn");
        if (to.isBefore(from)) throw new IllegalArgumentException("the forecast ends (" + to + ") before it starts (" + from + ")");
        context.authorize(actor, "report.read", Opportunity.RECORD_TYPE, filter.owner());
        List<OpportunityTotals> all = opportunities.totals(actor.tenant(), filter
                .withStatuses(Set.of(OpportunityStatus.OPEN, OpportunityStatus.WON))
                .expectedBetween(from.atDay(1), to.atEndOfMonth()), OpportunityTotals.Grouping.EXPECTED_MONTH);
        List<Forecast.Month> months = new ArrayList<>();
        Money total = base.zero();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            YearMonth current = month;
            List<OpportunityTotals> in = all.stream().filter(t -> current.equals(t.expectedMonth())).toList();
            Money weighted = inBase(in, OpportunityTotals::weighted, ratesOn);
            months.add(new Forecast.Month(month, count(in), inBase(in, OpportunityTotals::amount, ratesOn), weighted,
                    inBase(in.stream().filter(t -> t.status() == OpportunityStatus.WON).toList(),
                            OpportunityTotals::amount, ratesOn)));
            total = total.plus(weighted);
        }
        return new Forecast(from, to, ratesOn, months, total);
    }

    private Funnel.Closed closed(List<OpportunityTotals> all, OpportunityStatus status, LocalDate ratesOn) {
        List<OpportunityTotals> closed = all.stream().filter(t -> t.status() == status).toList();
        return new Funnel.Closed(count(closed), inBase(closed, OpportunityTotals::amount, ratesOn));
    }

    private static long count(List<OpportunityTotals> groups) {
        return groups.stream().mapToLong(OpportunityTotals::count).sum();
    }

    /**
     * The expected (or weighted) amounts of the groups in the base currency: the exact total of each currency is
     * converted once, rounded to the base currency's minor units, and those are added, so the result does not
     * depend on the order of the groups.
     */
    private Money inBase(List<OpportunityTotals> groups, Function<OpportunityTotals, Money> sum, LocalDate ratesOn) {
        Map<Currency, Money> byCurrency = new HashMap<>();
        for (OpportunityTotals group : groups) {
            Money amount = sum.apply(group);
            if (amount != null) byCurrency.merge(amount.currency(), amount, Money::plus);
        }
        Money total = base.zero();
        for (Money amount : byCurrency.values()) total = total.plus(base.convert(amount, ratesOn));
        return total;
    }
}
