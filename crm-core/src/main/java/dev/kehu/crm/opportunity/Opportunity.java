package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.internal.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A sales opportunity (销售机会, O2) moving through a pipeline. Immutable: each change returns a
 * {@link Change} — the opportunity after it and the line it adds to the stage history — or is refused with a
 * {@link dev.kehu.crm.common.BusinessRuleException} whose code names the rule.
 *
 * @param source         a code of the configurable opportunity-source list, or {@code null}
 * @param owner          the one account manager responsible for it (负责人, O6)
 * @param informant      who provided the information (谁提供的信息)
 * @param stageEnteredAt when it entered its current stage, for time-in-stage and staleness
 * @param historyLength  the number of lines of its stage history; the next line is numbered one more
 */
public record Opportunity(OpportunityId id, TenantId tenant, PipelineId pipeline, String subject, CustomerId customer,
                          LocalDate discoveredOn, String source, UserId owner, String informant, String customerNeeds,
                          LocalDate expectedSigningDate, Money expectedAmount, String stage, Probability probability,
                          String stageNote, OpportunityStatus status, String lostReason, String winningCompetitor,
                          Instant stageEnteredAt, Instant closedAt, int historyLength, Instant createdAt,
                          Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "opportunity";

    public Opportunity {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(pipeline, "pipeline");
        if (Text.isBlank(subject)) throw new IllegalArgumentException("an opportunity needs a subject");
        requireNonNull(customer, "customer");
        requireNonNull(discoveredOn, "discoveredOn");
        requireNonNull(owner, "owner");
        requireNonNull(stage, "stage");
        requireNonNull(probability, "probability");
        requireNonNull(status, "status");
        if (expectedAmount != null && expectedAmount.isNegative()) {
            throw new IllegalArgumentException("the expected amount cannot be negative");
        }
        if (status == OpportunityStatus.WON && !probability.equals(Probability.CERTAIN)) {
            throw new IllegalArgumentException("a won opportunity has probability 100%");
        }
        if (status == OpportunityStatus.LOST && !probability.equals(Probability.ZERO)) {
            throw new IllegalArgumentException("a lost opportunity has probability 0%");
        }
        if (status == OpportunityStatus.LOST && Text.isBlank(lostReason)) {
            throw new IllegalArgumentException("a lost opportunity names why it was lost");
        }
        if (status.isClosed() != (closedAt != null)) {
            throw new IllegalArgumentException("a closed opportunity, and only it, has a closing time");
        }
        stageEnteredAt = micros(requireNonNull(stageEnteredAt, "stageEnteredAt"));
        closedAt = closedAt == null ? null : micros(closedAt);
        createdAt = micros(requireNonNull(createdAt, "createdAt"));
        updatedAt = micros(requireNonNull(updatedAt, "updatedAt"));
        if (historyLength < 1) throw new IllegalArgumentException("an opportunity has at least one history line");
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** An opportunity and the history line that goes with the change that made it. */
    public record Change(Opportunity opportunity, StageChange line) {
    }

    /** A new opportunity in the first stage of {@code pipeline}, at that stage's default probability. */
    public static Change open(OpportunityId id, TenantId tenant, Pipeline pipeline, String subject, CustomerId customer,
                              LocalDate discoveredOn, UserId owner, UserId actor, Instant at) {
        Stage first = pipeline.first();
        Opportunity created = new Opportunity(id, tenant, pipeline.id(), subject, customer, discoveredOn, null, owner,
                null, null, null, null, first.code(), first.defaultProbability(), null, OpportunityStatus.OPEN, null,
                null, at, null, 1, at, at, 0);
        return new Change(created, new StageChange(id, 1, at, actor, ChangeKind.CREATED, null, created.position(), null));
    }

    public Position position() {
        return new Position(stage, probability, status);
    }

    /**
     * Moves to {@code target}: the probability becomes {@code probability} if given (it must lie in the
     * target stage's range) or the stage's default.
     */
    public Change moveTo(Pipeline pipeline, String target, Probability probability, String note,
                         OpportunityFacts facts, UserId actor, Instant at) {
        StageMovePolicy.check(this, pipeline, target, note, facts).orThrow(Locale.ROOT);
        Stage stage = pipeline.stage(target).orElseThrow();
        Probability chosen = probability == null ? stage.defaultProbability() : probability;
        StageMovePolicy.checkProbability(stage, chosen).orThrow(Locale.ROOT);
        return change(ChangeKind.MOVED, new Position(target, chosen, status), note, actor, at, at, closedAt);
    }

    /** Sets the probability within the range of the current stage. */
    public Change estimate(Pipeline pipeline, Probability newProbability, String note, UserId actor, Instant at) {
        if (status.isClosed()) Decision.refuse("opportunity.closed", id.value()).orThrow(Locale.ROOT);
        Stage current = pipeline.stage(stage).orElseThrow(() -> new IllegalArgumentException(
                "pipeline " + pipeline.id() + " has no stage " + stage));
        StageMovePolicy.checkProbability(current, newProbability).orThrow(Locale.ROOT);
        if (newProbability.equals(probability)) Decision.refuse("opportunity.probability.same").orThrow(Locale.ROOT);
        return change(ChangeKind.PROBABILITY, new Position(stage, newProbability, status), note, actor, at,
                stageEnteredAt, closedAt);
    }

    /** Closes as won (开发成功): probability 100 %. */
    public Change win(String note, UserId actor, Instant at) {
        if (status.isClosed()) Decision.refuse("opportunity.closed", id.value()).orThrow(Locale.ROOT);
        return change(ChangeKind.WON, new Position(stage, Probability.CERTAIN, OpportunityStatus.WON), note, actor, at,
                stageEnteredAt, at);
    }

    /** Closes as lost (开发失败): probability 0 %, with the reason and, if known, the competitor who won. */
    public Change lose(String reason, String competitor, UserId actor, Instant at) {
        if (status.isClosed()) Decision.refuse("opportunity.closed", id.value()).orThrow(Locale.ROOT);
        if (Text.isBlank(reason)) Decision.refuse("opportunity.lost.reason").orThrow(Locale.ROOT);
        return toBuilder().lostReason(reason).winningCompetitor(competitor).build().change(ChangeKind.LOST,
                new Position(stage, Probability.ZERO, OpportunityStatus.LOST), reason, actor, at, stageEnteredAt, at);
    }

    /**
     * Opens a closed opportunity again, in the stage it was closed in at that stage's default probability.
     * Only a sales supervisor may ({@code bySupervisor}), and only with a note.
     */
    public Change reopen(Pipeline pipeline, boolean bySupervisor, String note, UserId actor, Instant at) {
        if (!status.isClosed()) Decision.refuse("opportunity.open", id.value()).orThrow(Locale.ROOT);
        if (!bySupervisor) Decision.refuse("opportunity.reopen.supervisor-only").orThrow(Locale.ROOT);
        if (Text.isBlank(note)) Decision.refuse("opportunity.reopen.needs-note").orThrow(Locale.ROOT);
        Stage current = pipeline.stage(stage).orElseThrow(() -> new IllegalArgumentException(
                "pipeline " + pipeline.id() + " has no stage " + stage));
        Change reopened = change(ChangeKind.REOPENED,
                new Position(stage, current.defaultProbability(), OpportunityStatus.OPEN), note, actor, at, at, null);
        return new Change(reopened.opportunity().toBuilder().lostReason(null).winningCompetitor(null).build(),
                reopened.line());
    }

    /**
     * Gives it to another account manager (O6); there is always exactly one. Refused when it is closed
     * ({@code opportunity.closed}) or already theirs ({@code opportunity.owner.same}).
     */
    public Opportunity assignTo(UserId newOwner, Instant at) {
        requireNonNull(newOwner, "newOwner");
        if (status.isClosed()) Decision.refuse("opportunity.closed", id.value()).orThrow(Locale.ROOT);
        if (newOwner.equals(owner)) Decision.refuse("opportunity.owner.same", newOwner.value()).orThrow(Locale.ROOT);
        return toBuilder().owner(newOwner).updatedAt(at).build();
    }

    /** The weighted amount of O11: the expected amount times the probability; empty without an amount. */
    public Optional<Money> weightedAmount() {
        return Optional.ofNullable(expectedAmount).map(a -> a.times(probability.fraction()));
    }

    /** Whether it has sat in its stage longer than the stage allows (only open opportunities go stale). */
    public boolean isStale(Pipeline pipeline, Instant now) {
        if (status.isClosed()) return false;
        return pipeline.stage(stage).map(Stage::staleAfter)
                .map(limit -> stageEnteredAt.plus(limit).isBefore(now)).orElse(false);
    }

    private Change change(ChangeKind kind, Position to, String note, UserId actor, Instant at, Instant enteredAt,
                          Instant closed) {
        Opportunity after = toBuilder().stage(to.stage()).probability(to.probability()).status(to.status())
                .stageNote(note).stageEnteredAt(enteredAt).closedAt(closed).historyLength(historyLength + 1)
                .updatedAt(at).build();
        return new Change(after, new StageChange(id, historyLength + 1, at, actor, kind, position(), to, note));
    }

    /** The fields a person edits, the owner and the closing; stage and probability are in the stage history. */
    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("customer", customer.value());
        fields.put("discoveredOn", discoveredOn.toString());
        fields.put("source", source);
        fields.put("owner", owner.value());
        fields.put("informant", informant);
        fields.put("customerNeeds", customerNeeds);
        fields.put("expectedSigningDate", Text.of(expectedSigningDate));
        fields.put("expectedAmount", Text.of(expectedAmount));
        fields.put("status", status.name());
        fields.put("lostReason", lostReason);
        fields.put("winningCompetitor", winningCompetitor);
        return fields;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an opportunity; {@link #build()} checks every invariant. Stores use it to read opportunities back. */
    public static final class Builder {
        private OpportunityId id;
        private TenantId tenant;
        private PipelineId pipeline;
        private String subject;
        private CustomerId customer;
        private LocalDate discoveredOn;
        private String source;
        private UserId owner;
        private String informant;
        private String customerNeeds;
        private LocalDate expectedSigningDate;
        private Money expectedAmount;
        private String stage;
        private Probability probability;
        private String stageNote;
        private OpportunityStatus status = OpportunityStatus.OPEN;
        private String lostReason;
        private String winningCompetitor;
        private Instant stageEnteredAt;
        private Instant closedAt;
        private int historyLength = 1;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Opportunity o) {
            id = o.id; tenant = o.tenant; pipeline = o.pipeline; subject = o.subject; customer = o.customer;
            discoveredOn = o.discoveredOn; source = o.source; owner = o.owner; informant = o.informant;
            customerNeeds = o.customerNeeds; expectedSigningDate = o.expectedSigningDate;
            expectedAmount = o.expectedAmount; stage = o.stage; probability = o.probability; stageNote = o.stageNote;
            status = o.status; lostReason = o.lostReason; winningCompetitor = o.winningCompetitor;
            stageEnteredAt = o.stageEnteredAt; closedAt = o.closedAt; historyLength = o.historyLength;
            createdAt = o.createdAt; updatedAt = o.updatedAt; version = o.version;
        }

        public Builder id(OpportunityId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder pipeline(PipelineId value) { pipeline = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder discoveredOn(LocalDate value) { discoveredOn = value; return this; }
        public Builder source(String value) { source = value; return this; }
        public Builder owner(UserId value) { owner = value; return this; }
        public Builder informant(String value) { informant = value; return this; }
        public Builder customerNeeds(String value) { customerNeeds = value; return this; }
        public Builder expectedSigningDate(LocalDate value) { expectedSigningDate = value; return this; }
        public Builder expectedAmount(Money value) { expectedAmount = value; return this; }
        public Builder stage(String value) { stage = value; return this; }
        public Builder probability(Probability value) { probability = value; return this; }
        public Builder stageNote(String value) { stageNote = value; return this; }
        public Builder status(OpportunityStatus value) { status = value; return this; }
        public Builder lostReason(String value) { lostReason = value; return this; }
        public Builder winningCompetitor(String value) { winningCompetitor = value; return this; }
        public Builder stageEnteredAt(Instant value) { stageEnteredAt = value; return this; }
        public Builder closedAt(Instant value) { closedAt = value; return this; }
        public Builder historyLength(int value) { historyLength = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public Opportunity build() {
            return new Opportunity(id, tenant, pipeline, subject, customer, discoveredOn, source, owner, informant,
                    customerNeeds, expectedSigningDate, expectedAmount, stage, probability, stageNote, status,
                    lostReason, winningCompetitor, stageEnteredAt, closedAt, historyLength, createdAt, updatedAt,
                    version);
        }
    }
}
