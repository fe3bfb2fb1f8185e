package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.internal.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service ticket (服务单据, S1): a customer's inquiry, complaint or repair request, from intake to closure.
 * Immutable: each change returns a {@link Change} — the ticket after it and the line it adds to the ticket's
 * history (S7) — or is refused with a {@link dev.kehu.crm.common.BusinessRuleException} whose code names the
 * rule. The moves between statuses are those drawn on {@link TicketStatus}.
 *
 * <p>The first response is the first thing an agent does for the customer: starting work, replying, asking
 * the customer something or resolving. Assigning, escalating and changing the priority are not responses.
 *
 * @param number          the number the customer is told (受理编号), given by the host
 * @param contact         the customer's contact who raised it, or {@code null}
 * @param assignee        the service agent responsible; {@code null} exactly while the ticket is new
 * @param skill           the skill an agent needs to take it (a code of the host's list), or {@code null}
 * @param firstResponseAt when an agent first acted on it, {@code null} until then
 * @param resolution      how it was resolved, while it is resolved or closed
 * @param measures        the corrective measures of a complaint (S2), numbered from 1; none for other kinds
 * @param survey          the customer's satisfaction survey (S5), at most one, given after resolution
 * @param escalated       the service-level targets whose breach has been escalated
 * @param escalatedTo     the supervisor it was last escalated to, or {@code null} if never
 * @param historyLength   the number of lines of its history; the next line is numbered one more
 */
public record ServiceTicket(TicketId id, TenantId tenant, String number, CustomerId customer, ContactId contact,
                            TicketKind kind, TicketChannel channel, TicketPriority priority, String subject,
                            String description, TicketStatus status, UserId assignee, String skill,
                            Instant firstResponseAt, String resolution, Instant resolvedAt, Instant closedAt,
                            List<CorrectiveMeasure> measures, SatisfactionSurvey survey, Set<SlaTarget> escalated,
                            UserId escalatedTo, int historyLength, Instant createdAt, Instant updatedAt,
                            long version) implements Auditable {

    public static final String RECORD_TYPE = "service-ticket";

    public ServiceTicket {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        if (Text.isBlank(number)) throw new IllegalArgumentException("a ticket has a number");
        requireNonNull(customer, "customer");
        requireNonNull(kind, "kind");
        requireNonNull(channel, "channel");
        requireNonNull(priority, "priority");
        if (Text.isBlank(subject)) throw new IllegalArgumentException("a ticket needs a subject");
        requireNonNull(status, "status");
        if ((status == TicketStatus.NEW) != (assignee == null)) {
            throw new IllegalArgumentException("a new ticket, and only it, has no assignee");
        }
        createdAt = micros(requireNonNull(createdAt, "createdAt"));
        updatedAt = micros(requireNonNull(updatedAt, "updatedAt"));
        firstResponseAt = firstResponseAt == null ? null : micros(firstResponseAt);
        if (firstResponseAt != null && firstResponseAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("the first response cannot come before the ticket");
        }
        boolean worked = status != TicketStatus.NEW && status != TicketStatus.ASSIGNED;
        if (worked && firstResponseAt == null) {
            throw new IllegalArgumentException("a ticket that was worked on has a first response time");
        }
        if (status.isOpen() == (resolvedAt != null) || status.isOpen() != Text.isBlank(resolution)) {
            throw new IllegalArgumentException("a resolved or closed ticket, and only it, has a resolution and its time");
        }
        if ((status == TicketStatus.CLOSED) != (closedAt != null)) {
            throw new IllegalArgumentException("a closed ticket, and only it, has a closing time");
        }
        resolvedAt = resolvedAt == null ? null : micros(resolvedAt);
        closedAt = closedAt == null ? null : micros(closedAt);
        measures = List.copyOf(measures);
        if (kind != TicketKind.COMPLAINT && !measures.isEmpty()) {
            throw new IllegalArgumentException("only a complaint has corrective measures");
        }
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).number() != i + 1) throw new IllegalArgumentException("measures are numbered 1, 2, …");
        }
        if (status == TicketStatus.CLOSED && measures.stream().anyMatch(m -> !m.isDone())) {
            throw new IllegalArgumentException("a closed complaint has no open measures");
        }
        escalated = escalated.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(escalated));
        if (escalated.isEmpty() != (escalatedTo == null)) {
            throw new IllegalArgumentException("an escalated ticket, and only it, names the supervisor");
        }
        if (historyLength < 1) throw new IllegalArgumentException("a ticket has at least one history line");
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A ticket and the history line that goes with the change that made it. */
    public record Change(ServiceTicket ticket, TicketStep step) {
    }

    /**
     * A new, unassigned ticket. Refused without a subject ({@code service.ticket.subject.blank}).
     *
     * @param actor who took the request in (an agent, or the host's intake user for web, e-mail and IVR)
     */
    public static Change open(TicketId id, TenantId tenant, String number, CustomerId customer, ContactId contact,
                              TicketKind kind, TicketChannel channel, TicketPriority priority, String subject,
                              String description, String skill, UserId actor, Instant at) {
        if (Text.isBlank(subject)) Decision.refuse("service.ticket.subject.blank").orThrow(Locale.ROOT);
        ServiceTicket created = new ServiceTicket(id, tenant, number, customer, contact, kind, channel, priority,
                subject, Text.blankToNull(description), TicketStatus.NEW, null, Text.blankToNull(skill), null, null,
                null, null, List.of(), null, Set.of(), null, 1, at, at, 0);
        return new Change(created, new TicketStep(id, 1, at, actor, StepKind.CREATED, null, TicketStatus.NEW, null,
                null));
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The measures of a complaint not yet done. */
    public List<CorrectiveMeasure> openMeasures() {
        return measures.stream().filter(m -> !m.isDone()).toList();
    }

    /**
     * Gives the ticket to {@code agent}, by hand or as {@link TicketAssignment} chose. A new ticket becomes
     * assigned; otherwise the status stays, and the new agent carries on. Refused once resolved
     * ({@code service.ticket.not-open}) or when it is already theirs ({@code service.ticket.assignee.same}).
     */
    public Change assign(UserId agent, UserId actor, Instant at) {
        requireNonNull(agent, "agent");
        mustBeOpen();
        if (agent.equals(assignee)) Decision.refuse("service.ticket.assignee.same", id.value(), agent.value()).orThrow(Locale.ROOT);
        TicketStatus to = status == TicketStatus.NEW ? TicketStatus.ASSIGNED : status;
        return change(StepKind.ASSIGNED, to, null, actor, at, toBuilder().assignee(agent));
    }

    /** The assigned agent starts work: assigned → in progress. */
    public Change start(UserId actor, Instant at) {
        mustMove(TicketStatus.IN_PROGRESS, TicketStatus.ASSIGNED);
        return response(StepKind.STARTED, TicketStatus.IN_PROGRESS, null, actor, at, toBuilder());
    }

    /**
     * An agent's answer to the customer that does not change the status (a call back, an e-mail). Refused
     * while nobody is assigned ({@code service.ticket.unassigned}) and without a note.
     */
    public Change respond(String note, UserId actor, Instant at) {
        mustBeOpen();
        if (status == TicketStatus.NEW) Decision.refuse("service.ticket.unassigned", id.value()).orThrow(Locale.ROOT);
        mustHaveNote(note);
        return response(StepKind.RESPONDED, status, note, actor, at, toBuilder());
    }

    /** Asks the customer for something (the question is the note): in progress → waiting for customer. */
    public Change askCustomer(String question, UserId actor, Instant at) {
        mustMove(TicketStatus.WAITING_FOR_CUSTOMER, TicketStatus.IN_PROGRESS);
        mustHaveNote(question);
        return response(StepKind.WAITING, TicketStatus.WAITING_FOR_CUSTOMER, question, actor, at, toBuilder());
    }

    /** The customer answered: waiting for customer → in progress. */
    public Change customerReplied(String note, UserId actor, Instant at) {
        mustMove(TicketStatus.IN_PROGRESS, TicketStatus.WAITING_FOR_CUSTOMER);
        return change(StepKind.CUSTOMER_REPLIED, TicketStatus.IN_PROGRESS, Text.blankToNull(note), actor, at,
                toBuilder());
    }

    /**
     * Resolved with {@code resolution} (how), from assigned, in progress or waiting for the customer — a
     * quick answer needs no separate start, and a customer who never answers does not keep a ticket open.
     * Refused without a resolution ({@code service.ticket.resolution.blank}).
     */
    public Change resolve(String resolution, UserId actor, Instant at) {
        mustMove(TicketStatus.RESOLVED, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_FOR_CUSTOMER);
        if (Text.isBlank(resolution)) Decision.refuse("service.ticket.resolution.blank").orThrow(Locale.ROOT);
        return response(StepKind.RESOLVED, TicketStatus.RESOLVED, resolution, actor, at,
                toBuilder().resolution(resolution).resolvedAt(at));
    }

    /**
     * Closed after resolution: resolved → closed. A complaint is not closed while a corrective measure is
     * open ({@code service.ticket.measures-open}): closing means the follow-up is done too (S2).
     */
    public Change close(String note, UserId actor, Instant at) {
        mustMove(TicketStatus.CLOSED, TicketStatus.RESOLVED);
        int open = openMeasures().size();
        if (open > 0) Decision.refuse("service.ticket.measures-open", id.value(), open).orThrow(Locale.ROOT);
        return change(StepKind.CLOSED, TicketStatus.CLOSED, Text.blankToNull(note), actor, at, toBuilder().closedAt(at));
    }

    /**
     * Opens a resolved or closed ticket again, for the same agent (the problem came back, or the customer
     * does not accept the resolution). Refused without a reason ({@code service.ticket.reopen.reason}).
     * The resolution clock of the service level carries on from where it stopped.
     */
    public Change reopen(String reason, UserId actor, Instant at) {
        mustMove(TicketStatus.ASSIGNED, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        if (Text.isBlank(reason)) Decision.refuse("service.ticket.reopen.reason").orThrow(Locale.ROOT);
        return change(StepKind.REOPENED, TicketStatus.ASSIGNED, reason, actor, at,
                toBuilder().resolution(null).resolvedAt(null).closedAt(null));
    }

    /** Changes the priority of an open ticket; its service-level targets become those of the new priority. */
    public Change reprioritise(TicketPriority newPriority, String note, UserId actor, Instant at) {
        requireNonNull(newPriority, "newPriority");
        mustBeOpen();
        if (newPriority == priority) Decision.refuse("service.ticket.priority.same", priority).orThrow(Locale.ROOT);
        return change(StepKind.PRIORITY, status, Text.blankToNull(note), actor, at, toBuilder().priority(newPriority));
    }

    /**
     * Records that the breach of {@code targets} was escalated to {@code supervisor}. Only targets not
     * escalated before count; refused when there is none ({@code service.ticket.escalated.already}) or the
     * ticket is resolved. {@link SlaStatus#toEscalate} says which targets are due.
     */
    public Change escalate(Set<SlaTarget> targets, UserId supervisor, UserId actor, Instant at) {
        requireNonNull(supervisor, "supervisor");
        mustBeOpen();
        Set<SlaTarget> fresh = targets.isEmpty() ? EnumSet.noneOf(SlaTarget.class) : EnumSet.copyOf(targets);
        fresh.removeAll(escalated);
        if (fresh.isEmpty()) Decision.refuse("service.ticket.escalated.already", id.value()).orThrow(Locale.ROOT);
        Set<SlaTarget> all = EnumSet.copyOf(fresh);
        all.addAll(escalated);
        String note = fresh.stream().map(SlaTarget::name).collect(Collectors.joining(","));
        return change(StepKind.ESCALATED, status, note, actor, at, toBuilder().escalated(all).escalatedTo(supervisor));
    }

    /**
     * Adds a corrective measure to a complaint (S2). Refused for other kinds
     * ({@code service.ticket.measure.not-complaint}), on a closed ticket and without a description.
     */
    public Change addMeasure(String what, UserId owner, LocalDate due, UserId actor, Instant at) {
        requireNonNull(owner, "owner");
        requireNonNull(due, "due");
        if (kind != TicketKind.COMPLAINT) {
            Decision.refuse("service.ticket.measure.not-complaint", id.value()).orThrow(Locale.ROOT);
        }
        if (status == TicketStatus.CLOSED) Decision.refuse("service.ticket.closed", id.value()).orThrow(Locale.ROOT);
        if (Text.isBlank(what)) Decision.refuse("service.ticket.measure.blank").orThrow(Locale.ROOT);
        List<CorrectiveMeasure> more = new ArrayList<>(measures);
        more.add(new CorrectiveMeasure(measures.size() + 1, what, owner, due, null, null));
        return change(StepKind.MEASURE_ADDED, status, what, actor, at, toBuilder().measures(more));
    }

    /**
     * Marks measure {@code number} done with the follow-up note saying how it turned out. Refused for an
     * unknown number ({@code service.ticket.measure.unknown}), a measure already done and without a note.
     */
    public Change completeMeasure(int number, String followUp, UserId actor, Instant at) {
        if (number < 1 || number > measures.size()) {
            Decision.refuse("service.ticket.measure.unknown", id.value(), number).orThrow(Locale.ROOT);
        }
        CorrectiveMeasure measure = measures.get(number - 1);
        if (measure.isDone()) Decision.refuse("service.ticket.measure.done", number).orThrow(Locale.ROOT);
        if (Text.isBlank(followUp)) Decision.refuse("service.ticket.measure.follow-up.blank").orThrow(Locale.ROOT);
        List<CorrectiveMeasure> updated = new ArrayList<>(measures);
        updated.set(number - 1, measure.done(followUp, at));
        return change(StepKind.MEASURE_DONE, status, followUp, actor, at, toBuilder().measures(updated));
    }

    /**
     * Records the customer's satisfaction survey (S5), once, after resolution. Refused before resolution
     * ({@code service.ticket.survey.not-resolved}), a second time ({@code service.ticket.survey.done}) and
     * for a score outside 1–5 ({@code service.ticket.survey.score}).
     */
    public Change survey(int score, String comment, UserId actor, Instant at) {
        if (status.isOpen()) Decision.refuse("service.ticket.survey.not-resolved", id.value()).orThrow(Locale.ROOT);
        if (survey != null) Decision.refuse("service.ticket.survey.done", id.value()).orThrow(Locale.ROOT);
        if (score < SatisfactionSurvey.LOWEST || score > SatisfactionSurvey.HIGHEST) {
            Decision.refuse("service.ticket.survey.score", score).orThrow(Locale.ROOT);
        }
        SatisfactionSurvey answer = new SatisfactionSurvey(score, Text.blankToNull(comment), at);
        return change(StepKind.SURVEYED, status, Integer.toString(score), actor, at, toBuilder().survey(answer));
    }

    private void mustBeOpen() {
        if (!status.isOpen()) Decision.refuse("service.ticket.not-open", id.value(), status).orThrow(Locale.ROOT);
    }

    private void mustMove(TicketStatus to, TicketStatus... from) {
        if (!List.of(from).contains(status)) {
            Decision.refuse("service.ticket.move.not-allowed", id.value(), status, to).orThrow(Locale.ROOT);
        }
    }

    private static void mustHaveNote(String note) {
        if (Text.isBlank(note)) Decision.refuse("service.ticket.note.blank").orThrow(Locale.ROOT);
    }

    /** A change that counts as the first response if there was none yet. */
    private Change response(StepKind kind, TicketStatus to, String note, UserId actor, Instant at, Builder after) {
        return change(kind, to, note, actor, at, firstResponseAt == null ? after.firstResponseAt(at) : after);
    }

    private Change change(StepKind kind, TicketStatus to, String note, UserId actor, Instant at, Builder after) {
        ServiceTicket changed = after.status(to).historyLength(historyLength + 1).updatedAt(at).build();
        return new Change(changed, new TicketStep(id, historyLength + 1, at, actor, kind, status, to,
                changed.assignee(), note));
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("customer", customer.value());
        fields.put("contact", Text.of(contact));
        fields.put("kind", kind.name());
        fields.put("channel", channel.name());
        fields.put("priority", priority.name());
        fields.put("subject", subject);
        fields.put("description", description);
        fields.put("status", status.name());
        fields.put("assignee", Text.of(assignee));
        fields.put("skill", skill);
        fields.put("resolution", resolution);
        fields.put("measures", measures.isEmpty() ? null : measures.stream()
                .map(m -> m.number() + (m.isDone() ? " done" : " open")).collect(Collectors.joining(", ")));
        fields.put("satisfaction", survey == null ? null : Integer.toString(survey.score()));
        fields.put("escalatedTo", Text.of(escalatedTo));
        return fields;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a ticket; {@link #build()} checks every invariant. Stores use it to read tickets back. */
    public static final class Builder {
        private TicketId id;
        private TenantId tenant;
        private String number;
        private CustomerId customer;
        private ContactId contact;
        private TicketKind kind;
        private TicketChannel channel;
        private TicketPriority priority = TicketPriority.NORMAL;
        private String subject;
        private String description;
        private TicketStatus status = TicketStatus.NEW;
        private UserId assignee;
        private String skill;
        private Instant firstResponseAt;
        private String resolution;
        private Instant resolvedAt;
        private Instant closedAt;
        private List<CorrectiveMeasure> measures = List.of();
        private SatisfactionSurvey survey;
        private Set<SlaTarget> escalated = Set.of();
        private UserId escalatedTo;
        private int historyLength = 1;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(ServiceTicket t) {
            id = t.id; tenant = t.tenant; number = t.number; customer = t.customer; contact = t.contact;
            kind = t.kind; channel = t.channel; priority = t.priority; subject = t.subject;
            description = t.description; status = t.status; assignee = t.assignee; skill = t.skill;
            firstResponseAt = t.firstResponseAt; resolution = t.resolution; resolvedAt = t.resolvedAt;
            closedAt = t.closedAt; measures = t.measures; survey = t.survey; escalated = t.escalated;
            escalatedTo = t.escalatedTo; historyLength = t.historyLength; createdAt = t.createdAt;
            updatedAt = t.updatedAt; version = t.version;
        }

        public Builder id(TicketId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder number(String value) { number = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder contact(ContactId value) { contact = value; return this; }
        public Builder kind(TicketKind value) { kind = value; return this; }
        public Builder channel(TicketChannel value) { channel = value; return this; }
        public Builder priority(TicketPriority value) { priority = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder status(TicketStatus value) { status = value; return this; }
        public Builder assignee(UserId value) { assignee = value; return this; }
        public Builder skill(String value) { skill = value; return this; }
        public Builder firstResponseAt(Instant value) { firstResponseAt = value; return this; }
        public Builder resolution(String value) { resolution = value; return this; }
        public Builder resolvedAt(Instant value) { resolvedAt = value; return this; }
        public Builder closedAt(Instant value) { closedAt = value; return this; }
        public Builder measures(List<CorrectiveMeasure> value) { measures = value; return this; }
        public Builder survey(SatisfactionSurvey value) { survey = value; return this; }
        public Builder escalated(Set<SlaTarget> value) { escalated = value; return this; }
        public Builder escalatedTo(UserId value) { escalatedTo = value; return this; }
        public Builder historyLength(int value) { historyLength = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public ServiceTicket build() {
            return new ServiceTicket(id, tenant, number, customer, contact, kind, channel, priority, subject,
                    description, status, assignee, skill, firstResponseAt, resolution, resolvedAt, closedAt, measures,
                    survey, escalated, escalatedTo, historyLength, createdAt, updatedAt, version);
        }
    }
}
