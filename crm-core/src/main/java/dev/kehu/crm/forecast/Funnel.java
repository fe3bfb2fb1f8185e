package dev.kehu.crm.forecast;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.opportunity.PipelineId;
import java.time.LocalDate;
import java.util.List;

/**
 * The sales funnel of a pipeline (销售漏斗, O10): the open opportunities counted and summed per stage, in the
 * pipeline's order, and the closed ones won and lost. Amounts are in the base currency at the rates of
 * {@code ratesOn}: each currency's exact total in a line is converted once and rounded to the base currency's
 * minor units, and the line adds those. An opportunity without an expected amount is counted and adds nothing.
 */
public record Funnel(PipelineId pipeline, LocalDate ratesOn, List<Stage> stages, Closed won, Closed lost) {
    public Funnel {
        stages = List.copyOf(stages);
    }

    /** One stage: how many open opportunities, their expected amount and their weighted amount. */
    public record Stage(String stage, long count, Money amount, Money weighted) {
    }

    /** Closed opportunities: how many and their expected amount. */
    public record Closed(long count, Money amount) {
    }
}
