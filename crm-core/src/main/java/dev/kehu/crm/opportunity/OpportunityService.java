package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerChecks;
import dev.kehu.crm.customer.CustomerMergeParticipant;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The opportunity use cases (O2–O5, O8): open, edit, move through the pipeline, estimate, close, reopen, and
 * the stage history, time in stage, staleness and attached records. Each change is one transaction: the
 * opportunity, its history line and the audit entry commit together or not at all, and a change made from a
 * stale version is refused. Obtain it from {@code Kehu.opportunities()}; assignment is
 * {@code Kehu.assignment()}.
 */
public final class OpportunityService implements CustomerMergeParticipant {
    private final ServiceContext context;
    private final Opportunities opportunities;
    private final Customers customers;
    private final PipelineCatalogue pipelines;
    private final OpportunityFactFinder facts;
    private final RecordKeeper<OpportunityId, Opportunity> keeper;

    public OpportunityService(ServiceContext context, Opportunities opportunities, Customers customers,
                              PipelineCatalogue pipelines, OpportunityFactFinder facts) {
        this.context = context;
        this.opportunities = opportunities;
        this.customers = customers;
        this.pipelines = pipelines;
        this.facts = facts;
        this.keeper = new RecordKeeper<>(context, Opportunity.RECORD_TYPE, opportunities::find, opportunities::save,
                Opportunity::owner, Opportunity::version);
    }

    /** Opens an opportunity in the first stage of its pipeline, owned by the actor until a supervisor assigns it. */
    public Opportunity open(Actor actor, OpportunityDetails details) {
        context.authorize(actor, "opportunity.create", Opportunity.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> {
            Checked checked = check(actor, details, null);
            Instant now = context.now();
            Opportunity.Change opened = Opportunity.open(new OpportunityId(context.nextId()), actor.tenant(),
                    checked.pipeline(), details.subject().strip(), checked.customer().id(), checked.discoveredOn(),
                    actor.user(), actor.user(), now);
            Opportunity saved = keeper.create(actor, opened.opportunity().id(), "opportunity.create",
                    checked.applyTo(opened.opportunity()));
            opportunities.append(actor.tenant(), opened.line());
            return saved;
        });
    }

    /**
     * Replaces what a person edits of an open opportunity still at {@code expectedVersion}; its customer and
     * pipeline stay. A closed one is refused ({@code opportunity.closed}): reopen it first.
     *
     * @throws StaleRecordException when someone changed it since; nothing is written
     */
    public Opportunity update(Actor actor, OpportunityId id, long expectedVersion, OpportunityDetails details) {
        return keeper.change(actor, id, expectedVersion, "opportunity.update", current -> {
            // A closed deal's figures are history: the funnel and forecast must not move under it.
            if (current.status().isClosed()) throw BusinessRuleException.of("opportunity.closed", actor.locale(), id.value());
            Checked checked = check(actor, details, current);
            return checked.applyTo(current.toBuilder().subject(details.subject().strip())
                    .discoveredOn(checked.discoveredOn()).updatedAt(context.now()).build());
        });
    }

    /**
     * Moves it to {@code stage} under its pipeline's rules, at {@code probability} percent or, when
     * {@code null}, the stage's default.
     */
    public Opportunity moveTo(Actor actor, OpportunityId id, long expectedVersion, String stage, Integer probability,
                              String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "opportunity.move", o -> {
            Pipeline pipeline = pipelines.of(o.pipeline());
            return o.moveTo(pipeline, stage, probability(actor, probability), Text.blankToNull(note),
                    factsFor(actor, id, pipeline, stage), actor.user(), context.now());
        });
    }

    /**
     * The facts kept elsewhere that the target stage's entry criteria need: the quotes are asked only for a stage
     * that needs a quote (the rules read no other fact), so most moves cost no query of another feature.
     */
    private OpportunityFacts factsFor(Actor actor, OpportunityId id, Pipeline pipeline, String target) {
        boolean needsQuote = pipeline.stage(target)
                .map(stage -> stage.entryCriteria().contains(EntryCriterion.QUOTE_MADE)).orElse(false);
        return needsQuote ? facts.factsOf(actor.tenant(), id) : OpportunityFacts.NONE;
    }

    /**
     * Moves each opportunity to {@code stage} at that stage's default probability, each under exactly the rules
     * of {@link #moveTo} and in its own transaction: one refused does not hold back the others. A batch acts on
     * the opportunities as they stand when it reaches them (a supervisor's bulk action), so a concurrent change
     * is not a reason to refuse; the move itself is still version-checked.
     *
     * @return one outcome per id, in the order given
     */
    public List<MoveOutcome> moveAll(Actor actor, List<OpportunityId> ids, String stage, String note) {
        // The same note for every move: refused once, before any of them.
        context.checkInput(actor, "note", Input.NOTE, note);
        List<MoveOutcome> outcomes = new ArrayList<>();
        for (OpportunityId id : List.copyOf(ids)) {
            try {
                long version = get(actor, id).version();
                outcomes.add(MoveOutcome.moved(moveTo(actor, id, version, stage, null, note)));
            } catch (KehuException refused) {
                outcomes.add(MoveOutcome.refused(id, refused));
            }
        }
        return List.copyOf(outcomes);
    }

    /** Sets the probability within the range of its current stage (O2: 0–100 in steps of 10). */
    public Opportunity estimate(Actor actor, OpportunityId id, long expectedVersion, int probability, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "opportunity.estimate", o -> o.estimate(pipelines.of(o.pipeline()),
                probability(actor, probability), Text.blankToNull(note), actor.user(), context.now()));
    }

    /** Closes it as won (开发成功, O8), probability 100 %. */
    public Opportunity win(Actor actor, OpportunityId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "opportunity.close",
                o -> o.win(Text.blankToNull(note), actor.user(), context.now()));
    }

    /** Closes it as lost (开发失败, O8), probability 0 %, with the reason and, if known, the competitor who won. */
    public Opportunity lose(Actor actor, OpportunityId id, long expectedVersion, String reason, String competitor) {
        context.validator().check(actor.locale(), "reason", Input.NOTE, reason)
                .check("competitor", Input.LINE, competitor).throwIfAny();
        return change(actor, id, expectedVersion, "opportunity.close", o -> o.lose(Text.blankToNull(reason),
                Text.blankToNull(competitor), actor.user(), context.now()));
    }

    /** Opens a closed opportunity again; only a sales supervisor may, with a note. */
    public Opportunity reopen(Actor actor, OpportunityId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "opportunity.reopen", o -> o.reopen(pipelines.of(o.pipeline()),
                actor.hasRole(Role.SALES_SUPERVISOR), Text.blankToNull(note), actor.user(), context.now()));
    }

    public Optional<Opportunity> find(Actor actor, OpportunityId id) {
        return keeper.find(actor, id);
    }

    /** The opportunity, or {@link RecordNotFoundException}. */
    public Opportunity get(Actor actor, OpportunityId id) {
        return keeper.get(actor, id);
    }

    /** The opportunities matching {@code query}, by id. */
    public List<Opportunity> list(Actor actor, OpportunityQuery query) {
        requireNonNull(query, "query");
        context.authorize(actor, "opportunity.read", Opportunity.RECORD_TYPE, null);
        return opportunities.matching(actor.tenant(), query);
    }

    /** Its stage history (O4), oldest first: every change of stage, probability or status. */
    public List<StageChange> history(Actor actor, OpportunityId id) {
        get(actor, id);
        return opportunities.history(actor.tenant(), id);
    }

    /** How long it has spent in each stage it has been in, up to now, from its history. */
    public Map<String, Duration> timeInStages(Actor actor, OpportunityId id) {
        return StageHistory.timeInStages(history(actor, id), context.now());
    }

    /** The open opportunities matching {@code query} that have sat in their stage longer than the stage allows. */
    public List<Opportunity> stale(Actor actor, OpportunityQuery query) {
        Instant now = context.now();
        return list(actor, query).stream().filter(o -> o.isStale(pipelines.of(o.pipeline()), now)).toList();
    }

    /** The configured pipelines, the default first. */
    public List<Pipeline> pipelines() {
        return pipelines.all();
    }

    /** The pipeline of an opportunity. */
    public Pipeline pipelineOf(Opportunity opportunity) {
        return pipelines.of(opportunity.pipeline());
    }

    /** Attaches a customer requirement, a proposed solution or a competitor (O5). */
    public AttachedRecord attach(Actor actor, OpportunityId id, AttachedRecordKind kind, String title, String details,
                                 String strengths, String weaknesses) {
        requireNonNull(kind, "kind");
        return context.inTransaction(actor, () -> {
            Opportunity opportunity = get(actor, id);
            context.authorize(actor, "opportunity.attach", Opportunity.RECORD_TYPE, opportunity.owner());
            Problems problems = context.validator().check(new AttachedRecordInput(title, details, strengths,
                    weaknesses), actor.locale());
            if (kind != AttachedRecordKind.COMPETITOR && (Text.blankToNull(strengths) != null
                    || Text.blankToNull(weaknesses) != null)) {
                problems.add("strengths", "opportunity.record.not-competitor", strengths);
            }
            problems.throwIfAny();
            AttachedRecord record = new AttachedRecord(new AttachedRecordId(context.nextId()), actor.tenant(), id, kind,
                    title.strip(), Text.blankToNull(details), Text.blankToNull(strengths),
                    Text.blankToNull(weaknesses), actor.user(), context.now());
            opportunities.attach(record);
            context.audit(actor, AttachedRecord.RECORD_TYPE, record.id().value(), "opportunity.attach", null, record);
            return record;
        });
    }

    /** Removes an attached record; {@code false} when there was none. */
    public boolean detach(Actor actor, OpportunityId id, AttachedRecordId record) {
        return context.inTransaction(actor, () -> {
            Opportunity opportunity = get(actor, id);
            context.authorize(actor, "opportunity.attach", Opportunity.RECORD_TYPE, opportunity.owner());
            Optional<AttachedRecord> attached = opportunities.attachments(actor.tenant(), id).stream()
                    .filter(r -> r.id().equals(record)).findFirst();
            if (attached.isEmpty() || !opportunities.detach(actor.tenant(), record)) return false;
            context.audit(actor, AttachedRecord.RECORD_TYPE, record.value(), "opportunity.detach", attached.get(),
                    Map::of);
            return true;
        });
    }

    /** The requirements, solutions and competitors attached to it, oldest first. */
    public List<AttachedRecord> attachments(Actor actor, OpportunityId id) {
        get(actor, id);
        return opportunities.attachments(actor.tenant(), id);
    }

    /** A merged customer's opportunities belong to the survivor. */
    @Override
    public void moveRecords(Actor actor, Customer duplicate, Customer survivor) {
        for (Opportunity o : opportunities.matching(actor.tenant(), OpportunityQuery.all().withCustomer(duplicate.id()))) {
            Opportunity moved = opportunities.save(o.toBuilder().customer(survivor.id()).updatedAt(context.now()).build());
            context.audit(actor, Opportunity.RECORD_TYPE, o.id().value(), "opportunity.update", o, moved);
        }
    }

    /** Loads, checks the version, changes, saves, appends the history line and audits, in one transaction. */
    private Opportunity change(Actor actor, OpportunityId id, long expectedVersion, String action,
                               Function<Opportunity, Opportunity.Change> change) {
        requireNonNull(id, "id");
        return context.inTransaction(actor, () -> {
            Opportunity current = keeper.load(actor, id, expectedVersion, action);
            Opportunity.Change done = change.apply(current);
            Opportunity saved = opportunities.save(done.opportunity());
            opportunities.append(actor.tenant(), done.line());
            context.audit(actor, Opportunity.RECORD_TYPE, id.value(), action, current, saved);
            return saved;
        });
    }

    /** A probability a person typed: 0–100 in steps of 10, or {@code null} for the stage's default. */
    private Probability probability(Actor actor, Integer percent) {
        if (percent == null) return null;
        if (!Probability.isValid(percent)) {
            context.rejectInput(actor.locale(), "probability", "opportunity.probability.invalid", percent, percent);
        }
        return Probability.of(percent);
    }

    /** Everything about {@code details} that needs configuration or stored data, checked at once. */
    private Checked check(Actor actor, OpportunityDetails details, Opportunity current) {
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        Optional<Customer> customer = CustomerChecks.activeCustomer(customers, problems, actor.tenant(), "customer",
                details.customer());
        if (current != null && !problems.has("customer") && !current.customer().value().equals(details.customer())) {
            problems.add("customer", "opportunity.customer.fixed", details.customer());
        }
        Pipeline pipeline = null;
        if (!problems.has("pipeline")) {
            pipeline = details.pipeline() == null ? (current == null ? pipelines.defaultPipeline() : pipelines.of(current.pipeline()))
                    : pipelines.find(new PipelineId(details.pipeline())).orElse(null);
            if (pipeline == null) {
                problems.add("pipeline", "opportunity.pipeline.unknown", details.pipeline(), details.pipeline());
            } else if (current != null && !pipeline.id().equals(current.pipeline())) {
                problems.add("pipeline", "opportunity.pipeline.fixed", details.pipeline());
            }
        }
        String source = context.referenceCode(problems, "source", details.source(), ReferenceData.OPPORTUNITY_SOURCE);
        Money amount = null;
        if (details.expectedAmount() != null && !problems.has("expectedAmount") && !problems.has("currency")) {
            if (details.currency() == null) {
                problems.add("currency", "opportunity.currency.missing", null);
            } else {
                Currency currency = Currency.getInstance(details.currency());
                amount = Money.exactly(details.expectedAmount(), currency).orElse(null);
                if (amount == null) {
                    problems.add("expectedAmount", "quote.price.scale", details.expectedAmount(), details.currency(),
                            Money.minorUnits(currency));
                }
            }
        }
        problems.throwIfAny();
        LocalDate today = LocalDate.ofInstant(context.now(), context.clock().getZone());
        LocalDate discoveredOn = details.discoveredOn() != null ? details.discoveredOn()
                : current != null ? current.discoveredOn() : today;
        return new Checked(customer.orElseThrow(), pipeline, discoveredOn, source, amount, details);
    }

    private record Checked(Customer customer, Pipeline pipeline, LocalDate discoveredOn, String source, Money amount,
                           OpportunityDetails details) {
        Opportunity applyTo(Opportunity o) {
            return o.toBuilder().source(source).informant(Text.blankToNull(details.informant()))
                    .customerNeeds(Text.blankToNull(details.customerNeeds()))
                    .expectedSigningDate(details.expectedSigningDate()).expectedAmount(amount).build();
        }
    }
}
