package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.Decision;
import static dev.kehu.crm.common.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpportunityTest {
    static final Pipeline PIPELINE = Pipeline.standard();
    static final UserId WANG = new UserId("wang.wei");
    static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private final List<StageChange> history = new ArrayList<>();

    private Opportunity open() {
        Opportunity.Change created = Opportunity.open(new OpportunityId("o-1"), new TenantId("t"), PIPELINE,
                "华夏科技 ERP 二期", new CustomerId("c-1"), LocalDate.of(2026, 11, 1), WANG, WANG, T0);
        history.add(created.line());
        return created.opportunity();
    }

    private Opportunity record(Opportunity.Change change) {
        history.add(change.line());
        return change.opportunity();
    }


    @Test
    @DisplayName("a new opportunity starts in the first stage at its default probability, with one history line")
    void opens() {
        Opportunity o = open();
        assertThat(o.stage()).isEqualTo("INITIAL_CONTACT");
        assertThat(o.probability()).isEqualTo(Probability.of(10));
        assertThat(history).singleElement().satisfies(line -> assertThat(line.kind()).isEqualTo(ChangeKind.CREATED));
    }

    @Test
    @DisplayName("moving forward takes the target stage's default probability unless one in its range is given")
    void movesForward() {
        Opportunity o = open();
        o = record(o.moveTo(PIPELINE, "EVALUATION", null, null, OpportunityFacts.NONE, WANG, T0.plusSeconds(60)));
        assertThat(o.probability()).isEqualTo(Probability.of(20));
        o = record(o.moveTo(PIPELINE, "SOLUTION", Probability.of(50), "客户认可方案", OpportunityFacts.NONE, WANG,
                T0.plusSeconds(120)));
        assertThat(o.stage()).isEqualTo("SOLUTION");
        assertThat(o.probability()).isEqualTo(Probability.of(50));
        assertThat(StageHistory.replay(history)).isEqualTo(o.position());
    }

    @Test
    @DisplayName("a probability outside the stage's range, or not a multiple of ten, is refused")
    void probabilityRules() {
        Opportunity o = open();
        assertThat(refusal(() -> o.estimate(PIPELINE, Probability.of(80), null, WANG, T0)).code())
                .isEqualTo("opportunity.probability.range");
        assertThatThrownBy(() -> Probability.of(37)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probability.of(110)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("moving back needs a note; a pipeline may forbid skipping or moving back")
    void backAndSkip() {
        Opportunity o = record(open().moveTo(PIPELINE, "NEEDS_ANALYSIS", null, null, OpportunityFacts.NONE, WANG, T0));
        Opportunity at = o;
        assertThat(refusal(() -> at.moveTo(PIPELINE, "EVALUATION", null, " ", OpportunityFacts.NONE, WANG, T0)).code())
                .isEqualTo("opportunity.move.back-needs-note");
        assertThat(at.moveTo(PIPELINE, "EVALUATION", null, "预算未批", OpportunityFacts.NONE, WANG, T0)
                .opportunity().stage()).isEqualTo("EVALUATION");

        Pipeline strict = new Pipeline(PIPELINE.id(), "严格", "strict", PIPELINE.stages(), false, false);
        assertThat(refusal(() -> at.moveTo(strict, "TENDER", null, null, OpportunityFacts.NONE, WANG, T0)).code())
                .isEqualTo("opportunity.move.skip");
        assertThat(refusal(() -> at.moveTo(strict, "EVALUATION", null, "x", OpportunityFacts.NONE, WANG, T0)).code())
                .isEqualTo("opportunity.move.back");
    }

    @Test
    @DisplayName("no negotiation without a quote, no contract signed without an expected amount")
    void entryCriteria() {
        Opportunity o = open();
        assertThat(refusal(() -> o.moveTo(PIPELINE, "NEGOTIATION", null, null, OpportunityFacts.NONE, WANG, T0)).code())
                .isEqualTo("opportunity.entry.QUOTE_MADE");
        Opportunity negotiating = o.moveTo(PIPELINE, "NEGOTIATION", null, null, new OpportunityFacts(true), WANG, T0)
                .opportunity();
        assertThat(refusal(() -> negotiating.moveTo(PIPELINE, "CONTRACT", null, null, new OpportunityFacts(true), WANG,
                T0)).code()).isEqualTo("opportunity.entry.EXPECTED_AMOUNT");
        Opportunity priced = negotiating.toBuilder().expectedAmount(Money.of("580000.00", "CNY")).build();
        assertThat(priced.moveTo(PIPELINE, "CONTRACT", null, null, new OpportunityFacts(true), WANG, T0)
                .opportunity().probability()).isEqualTo(Probability.of(90));
    }

    @Test
    @DisplayName("won is 100 %, lost is 0 % with a reason; closed accepts no move until a supervisor reopens it")
    void closing() {
        Opportunity won = record(open().win("签约", WANG, T0));
        assertThat(won.probability()).isEqualTo(Probability.CERTAIN);
        assertThat(refusal(() -> won.moveTo(PIPELINE, "EVALUATION", null, "x", OpportunityFacts.NONE, WANG, T0)).code())
                .isEqualTo("opportunity.closed");
        assertThat(refusal(() -> won.win(null, WANG, T0)).code()).isEqualTo("opportunity.closed");
        assertThat(refusal(() -> won.reopen(PIPELINE, false, "客户反悔", WANG, T0)).code())
                .isEqualTo("opportunity.reopen.supervisor-only");
        Opportunity reopened = record(won.reopen(PIPELINE, true, "客户反悔", WANG, T0.plusSeconds(5)));
        assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reopened.probability()).isEqualTo(Probability.of(10));

        assertThat(refusal(() -> reopened.lose(" ", null, WANG, T0)).code()).isEqualTo("opportunity.lost.reason");
        Opportunity lost = record(reopened.lose("价格过高", "东方软件", WANG, T0.plusSeconds(9)));
        assertThat(lost.probability()).isEqualTo(Probability.ZERO);
        assertThat(lost.winningCompetitor()).isEqualTo("东方软件");
        assertThat(StageHistory.replay(history)).isEqualTo(lost.position());
    }

    @Test
    @DisplayName("time in each stage comes from the history, and a stage's limit flags the opportunity stale")
    void timeAndStaleness() {
        Opportunity o = open();
        o = record(o.moveTo(PIPELINE, "EVALUATION", null, null, OpportunityFacts.NONE, WANG, T0.plus(Duration.ofDays(3))));
        Instant now = T0.plus(Duration.ofDays(10));
        Map<String, Duration> times = StageHistory.timeInStages(history, now);
        assertThat(times).containsEntry("INITIAL_CONTACT", Duration.ofDays(3)).containsEntry("EVALUATION", Duration.ofDays(7));
        assertThat(o.isStale(PIPELINE, now)).isFalse();
        assertThat(o.isStale(PIPELINE, T0.plus(Duration.ofDays(34)))).isTrue();
        assertThat(o.win(null, WANG, now).opportunity().isStale(PIPELINE, T0.plus(Duration.ofDays(90)))).isFalse();
    }

    @Test
    @DisplayName("a history with a gap or a line that does not start where the previous ended does not replay")
    void brokenHistory() {
        Opportunity o = open();
        Opportunity.Change move = o.moveTo(PIPELINE, "EVALUATION", null, null, OpportunityFacts.NONE, WANG, T0);
        StageChange gap = new StageChange(o.id(), 3, T0, WANG, ChangeKind.MOVED, o.position(), move.line().to(), null);
        assertThatThrownBy(() -> StageHistory.replay(List.of(history.get(0), gap))).isInstanceOf(IllegalStateException.class);
        StageChange elsewhere = new StageChange(o.id(), 2, T0, WANG, ChangeKind.MOVED,
                new Position("TENDER", Probability.of(50), OpportunityStatus.OPEN), move.line().to(), null);
        assertThatThrownBy(() -> StageHistory.replay(List.of(history.get(0), elsewhere)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("refusals carry their message in Chinese and English")
    void messages() {
        Decision refusal = Decision.refuse("opportunity.probability.range", 80, 10, 20);
        assertThat(refusalMessage(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo("可能性80%超出本阶段允许的10%–20%");
        assertThat(refusalMessage(refusal, Locale.ENGLISH)).isEqualTo("probability 80% is outside this stage's range of 10%–20%");
    }

    private static String refusalMessage(Decision decision, Locale locale) {
        return refusal(() -> decision.orThrow(locale)).getMessage();
    }
}
