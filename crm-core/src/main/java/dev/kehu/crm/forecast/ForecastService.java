package dev.kehu.crm.forecast;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.BaseCurrency;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.Stage;
import dev.kehu.crm.security.Actor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The funnel (O10) and the weighted forecast (O11), computed exactly with {@code BigDecimal} in the base
 * currency. Obtain it from {@code Kehu.forecasts()}; the report module builds its reports on these.
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
        List<Opportunity> all = opportunities.matching(actor.tenant(),
                filter.withPipeline(pipeline.id()).withStatuses(Set.of()));
        List<Funnel.Stage> stages = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            List<Opportunity> in = all.stream()
                    .filter(o -> o.status() == OpportunityStatus.OPEN && o.stage().equals(stage.code())).toList();
            stages.add(new Funnel.Stage(stage.code(), in.size(), sum(in, false, ratesOn), sum(in, true, ratesOn)));
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
        List<Opportunity> all = opportunities.matching(actor.tenant(), filter
                .withStatuses(Set.of(OpportunityStatus.OPEN, OpportunityStatus.WON))
                .expectedBetween(from.atDay(1), to.atEndOfMonth()));
        List<Forecast.Month> months = new ArrayList<>();
        Money total = base.zero();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            YearMonth current = month;
            List<Opportunity> in = all.stream()
                    .filter(o -> YearMonth.from(o.expectedSigningDate()).equals(current)).toList();
            Money weighted = sum(in, true, ratesOn);
            months.add(new Forecast.Month(month, in.size(), sum(in, false, ratesOn), weighted,
                    sum(in.stream().filter(o -> o.status() == OpportunityStatus.WON).toList(), false, ratesOn)));
            total = total.plus(weighted);
        }
        return new Forecast(from, to, ratesOn, months, total);
    }

    private Funnel.Closed closed(List<Opportunity> all, OpportunityStatus status, LocalDate ratesOn) {
        List<Opportunity> closed = all.stream().filter(o -> o.status() == status).toList();
        return new Funnel.Closed(closed.size(), sum(closed, false, ratesOn));
    }

    /**
     * The expected (or weighted) amounts in the base currency: each opportunity's amount is rounded to its
     * currency's minor units, converted, rounded to the base currency's, then added, so the total is exact
     * and does not depend on the order of the list.
     */
    private Money sum(List<Opportunity> list, boolean weighted, LocalDate ratesOn) {
        Money total = base.zero();
        for (Opportunity o : list) {
            Optional<Money> amount = weighted ? o.weightedAmount() : Optional.ofNullable(o.expectedAmount());
            if (amount.isPresent()) total = total.plus(base.convert(amount.get(), ratesOn));
        }
        return total;
    }
}
