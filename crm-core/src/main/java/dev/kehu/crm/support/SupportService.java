package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.assignment.RoundRobinPosition;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The customer-service use cases (S1, S2, S5, S7 and the service levels of S3): take a request in as a ticket,
 * assign it by hand or automatically, work it to resolution and closure, follow a complaint's corrective
 * measures, record the satisfaction survey, see where a ticket stands against its service level, escalate
 * breaches, and show a customer's service history. Obtain it from {@code Kehu.service()}.
 *
 * <p>Each change is one transaction: the ticket (with its next service-level deadline), its history line, the
 * audit entry and any notification commit together. The ticket's version refuses the second of two concurrent
 * changes, and the history's key refuses a second line with the same number.
 */
public final class SupportService {
    /** The refusal when the actor supervises no service agent. */
    public static final String SUPERVISOR_ONLY = "service.supervisor-only";
    /** How many due tickets one transaction of the escalation scan handles. */
    static final int BATCH = 100;
    private static final int ATTEMPTS = 3;

    private final ServiceContext context;
    private final ServiceTickets tickets;
    private final Expenses expenses;
    private final Customers customers;
    private final Contacts contacts;
    private final ServiceAgents agents;
    private final RoundRobinPositions positions;
    private final SlaClock clock;
    private final ResolvingArticles articles;
    private final RecordKeeper<TicketId, ServiceTicket> keeper;

    public SupportService(ServiceContext context, ServiceTickets tickets, Expenses expenses, Customers customers,
                          Contacts contacts, ServiceAgents agents, RoundRobinPositions positions, ServiceLevel level,
                          ResolvingArticles articles) {
        this.context = context;
        this.tickets = tickets;
        this.expenses = expenses;
        this.customers = customers;
        this.contacts = contacts;
        this.agents = agents;
        this.positions = positions;
        this.clock = new SlaClock(level);
        this.articles = articles;
        this.keeper = new RecordKeeper<>(context, ServiceTicket.RECORD_TYPE, tickets::find,
                t -> { throw new IllegalStateException("tickets are saved with their deadline"); },
                ServiceTicket::assignee, ServiceTicket::version);
    }

    /** Takes a request in: a new, unassigned ticket whose service-level clocks start now. */
    public ServiceTicket open(Actor actor, TicketDetails details) {
        requireNonNull(details, "details");
        context.authorize(actor, "service-ticket.create", ServiceTicket.RECORD_TYPE, null);
        context.validator().check(actor.locale(), "subject", Input.LINE, details.subject())
                .check("description", Input.NOTE, details.description()).check("skill", Input.LINE, details.skill())
                .check("number", Input.LINE, details.number()).throwIfAny();
        return context.inTransaction(actor, () -> {
            TenantId tenant = actor.tenant();
            if (customers.find(tenant, details.customer()).isEmpty()) {
                context.rejectInput(actor.locale(), "customer", "customer.not-found", details.customer().value(),
                        details.customer().value());
            }
            if (details.contact() != null) {
                Optional<Contact> contact = contacts.find(tenant, details.contact());
                if (contact.isEmpty() || !contact.get().customer().equals(details.customer())) {
                    context.rejectInput(actor.locale(), "contact", "contact.not-found", details.contact().value(),
                            details.contact().value());
                }
            }
            TicketId id = new TicketId(context.nextId());
            ServiceTicket.Change opened = ServiceTicket.open(id, tenant,
                    details.number() == null || details.number().isBlank() ? id.value() : details.number().strip(),
                    details.customer(), details.contact(), details.kind(), details.channel(), details.priority(),
                    details.subject(), details.description(), details.skill(), actor.user(), context.now());
            return record(actor, "service-ticket.create", null, opened);
        });
    }

    public Optional<ServiceTicket> find(Actor actor, TicketId id) {
        return keeper.find(actor, id);
    }

    public ServiceTicket get(Actor actor, TicketId id) {
        return keeper.get(actor, id);
    }

    /** The ticket's history (S7), oldest first. */
    public List<TicketStep> history(Actor actor, TicketId id) {
        ServiceTicket ticket = keeper.get(actor, id);
        return tickets.history(actor.tenant(), ticket.id());
    }

    /** Where the ticket stands against its service level now. */
    public SlaStatus slaStatus(Actor actor, TicketId id) {
        ServiceTicket ticket = keeper.get(actor, id);
        return clock.status(ticket, tickets.history(actor.tenant(), id), context.now());
    }

    /**
     * A supervisor gives the ticket to {@code agent}, who must be an available service agent with the skill the
     * ticket needs and below their cap. The agent is notified.
     */
    public ServiceTicket assign(Actor actor, TicketId id, long expectedVersion, UserId agent) {
        requireNonNull(agent, "agent");
        return context.inTransaction(actor, () -> {
            mustSupervise(actor);
            ServiceTicket current = keeper.load(actor, id, expectedVersion, "service-ticket.assign");
            TenantId tenant = actor.tenant();
            List<ServiceAgent> chosen = agents.agent(tenant, agent).stream().toList();
            TicketAssignment.byHand(agent, current.skill(), chosen, tickets.openCounts(tenant, List.of(agent)))
                    .orThrow(actor.locale());
            return assignTo(actor, current, agent);
        });
    }

    /** How {@link #assignAutomatically} chooses. */
    public enum Choice {
        /** In turns among the agents with the skill; the turn is kept in the store per skill. */
        ROUND_ROBIN,
        /** The agent with the skill holding the fewest open tickets. */
        LEAST_LOADED
    }

    /**
     * A supervisor has the ticket assigned automatically among the available agents with the skill it needs. A
     * round robin's turn is saved in the same transaction: two supervisors at once cannot both take one turn (the
     * later gets {@link StaleRecordException} and may run again).
     */
    public ServiceTicket assignAutomatically(Actor actor, TicketId id, long expectedVersion, Choice choice) {
        requireNonNull(choice, "choice");
        return context.inTransaction(actor, () -> {
            mustSupervise(actor);
            ServiceTicket current = keeper.load(actor, id, expectedVersion, "service-ticket.assign");
            TenantId tenant = actor.tenant();
            List<ServiceAgent> skilled = agents.withSkill(tenant, current.skill()).stream()
                    .filter(a -> !a.user().equals(current.assignee())).toList();
            Map<UserId, Integer> load = tickets.openCounts(tenant, skilled.stream().map(ServiceAgent::user).toList());
            TicketAssignment.Choice chosen;
            if (choice == Choice.LEAST_LOADED) {
                chosen = TicketAssignment.leastLoaded(current.skill(), skilled, load);
            } else {
                TeamId pool = turnsOf(current.skill());
                Optional<RoundRobinPositions.Stored> stored = positions.find(tenant, pool);
                UserId last = stored.map(s -> s.position().last()).orElse(null);
                chosen = TicketAssignment.roundRobin(current.skill(), skilled, load, last);
                if (chosen.agent().isPresent()) {
                    positions.save(tenant, new RoundRobinPosition(pool, chosen.last()),
                            stored.map(RoundRobinPositions.Stored::version).orElse(0L));
                }
            }
            chosen.refusal().orThrow(actor.locale());
            return assignTo(actor, current, chosen.agent().orElseThrow());
        });
    }

    /** The round robin of one skill is a stored position like a sales team's, under a key of its own. */
    private static TeamId turnsOf(String skill) {
        String key = "service-skill:" + (skill == null ? "*" : skill);
        return new TeamId(key.length() <= 64 && key.chars().allMatch(c -> c >= '!' && c <= '~') ? key
                : "service-skill#" + Integer.toHexString(key.hashCode()));
    }

    private ServiceTicket assignTo(Actor actor, ServiceTicket current, UserId agent) {
        Instant now = context.now();
        ServiceTicket saved = record(actor, "service-ticket.assign", current, current.assign(agent, actor.user(), now));
        context.notify(new Notification(actor.tenant(), agent, "service-ticket.assigned", ServiceTicket.RECORD_TYPE,
                saved.id().value(), actor.user(), now, Map.of("subject", saved.subject())));
        return saved;
    }

    /** The agent starts work: assigned → in progress. */
    public ServiceTicket start(Actor actor, TicketId id, long expectedVersion) {
        return change(actor, id, expectedVersion, "service-ticket.start", t -> t.start(actor.user(), context.now()));
    }

    /** An answer to the customer that keeps the status (a call back, an e-mail). */
    public ServiceTicket respond(Actor actor, TicketId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "service-ticket.respond",
                t -> t.respond(note, actor.user(), context.now()));
    }

    /** Asks the customer something: the resolution clock pauses until they answer. */
    public ServiceTicket waitForCustomer(Actor actor, TicketId id, long expectedVersion, String question) {
        context.checkInput(actor, "question", Input.NOTE, question);
        return change(actor, id, expectedVersion, "service-ticket.wait",
                t -> t.askCustomer(question, actor.user(), context.now()));
    }

    /** The customer answered: back in progress, the resolution clock running again. */
    public ServiceTicket resume(Actor actor, TicketId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "service-ticket.resume",
                t -> t.customerReplied(note, actor.user(), context.now()));
    }

    /**
     * Resolved, saying how; with {@code article} (an id of the knowledge base, or {@code null}), that article is
     * linked to the ticket in the same transaction.
     */
    public ServiceTicket resolve(Actor actor, TicketId id, long expectedVersion, String resolution, String article) {
        context.validator().check(actor.locale(), "resolution", Input.NOTE, resolution)
                .check("article", Input.ID, article).throwIfAny();
        return context.inTransaction(actor, () -> {
            ServiceTicket saved = change(actor, id, expectedVersion, "service-ticket.resolve",
                    t -> t.resolve(resolution, actor.user(), context.now()));
            if (article != null) articles.link(actor, article, saved.id());
            return saved;
        });
    }

    /** Closed after resolution; a complaint only once its corrective measures are done. */
    public ServiceTicket close(Actor actor, TicketId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "service-ticket.close", t -> t.close(note, actor.user(), context.now()));
    }

    /** Opened again, with the reason; the resolution clock carries on from where it stopped. */
    public ServiceTicket reopen(Actor actor, TicketId id, long expectedVersion, String reason) {
        context.checkInput(actor, "reason", Input.NOTE, reason);
        return change(actor, id, expectedVersion, "service-ticket.reopen",
                t -> t.reopen(reason, actor.user(), context.now()));
    }

    /** A new priority, and with it the service-level targets of that priority. */
    public ServiceTicket reprioritise(Actor actor, TicketId id, long expectedVersion, TicketPriority priority,
                                      String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, expectedVersion, "service-ticket.priority",
                t -> t.reprioritise(priority, note, actor.user(), context.now()));
    }

    /** A corrective measure of a complaint (S2), by {@code owner} before {@code due}. */
    public ServiceTicket addMeasure(Actor actor, TicketId id, long expectedVersion, String what, UserId owner,
                                    LocalDate due) {
        context.validator().check(actor.locale(), "what", Input.NOTE, what).check("due", Input.DAY, due).throwIfAny();
        return change(actor, id, expectedVersion, "service-ticket.measure",
                t -> t.addMeasure(what, owner, due, actor.user(), context.now()));
    }

    /** The follow-up of a corrective measure: done, and how it turned out. */
    public ServiceTicket completeMeasure(Actor actor, TicketId id, long expectedVersion, int number, String followUp) {
        context.checkInput(actor, "followUp", Input.NOTE, followUp);
        return change(actor, id, expectedVersion, "service-ticket.measure",
                t -> t.completeMeasure(number, followUp, actor.user(), context.now()));
    }

    /** The customer's satisfaction survey (S5), once, after resolution. */
    public ServiceTicket recordSurvey(Actor actor, TicketId id, long expectedVersion, int score, String comment) {
        context.checkInput(actor, "comment", Input.NOTE, comment);
        return change(actor, id, expectedVersion, "service-ticket.survey",
                t -> t.survey(score, comment, actor.user(), context.now()));
    }

    /**
     * The scheduled scan (every few minutes, say): tickets of the actor's tenant whose next deadline passed before
     * {@code now} are escalated to their agent's supervisor (unassigned ones to the head of the desk), once per
     * target, and the supervisor is notified. Due tickets are read from the store's deadline index in batches, each
     * in its own transaction. Two hosts scanning at once meet on the tickets' versions: the later batch is rolled
     * back and read again, and finds nothing left to escalate, so no breach is escalated twice.
     */
    public Escalations escalateBreaches(Actor actor, Instant now) {
        requireNonNull(now, "now");
        context.authorize(actor, "service-ticket.escalate", ServiceTicket.RECORD_TYPE, null);
        int checked = 0;
        int escalated = 0;
        int skipped = 0;
        ListPosition after = null;
        while (true) {
            Batch batch = null;
            for (int attempt = 1; batch == null; attempt++) {
                ListPosition from = after;
                try {
                    batch = context.inTransaction(actor, () -> escalateBatch(actor, now, from));
                } catch (StaleRecordException conflict) {
                    // Another scan (or a change) got to one of these tickets first: read the batch again.
                    if (attempt == ATTEMPTS) throw conflict;
                }
            }
            checked += batch.checked;
            escalated += batch.escalated;
            skipped += batch.skipped;
            if (batch.last == null) return new Escalations(checked, escalated, skipped);
            after = batch.last;
        }
    }

    private record Batch(int checked, int escalated, int skipped, ListPosition last) {
    }

    private Batch escalateBatch(Actor actor, Instant now, ListPosition after) {
        TenantId tenant = actor.tenant();
        List<ServiceTickets.Due> due = tickets.slaDue(tenant, now, after, BATCH);
        int escalated = 0;
        int skipped = 0;
        for (ServiceTickets.Due item : due) {
            ServiceTicket ticket = item.ticket();
            List<TicketStep> history = historyOf(tenant, ticket);
            Set<SlaTarget> breaches = clock.status(ticket, history, now).toEscalate(ticket);
            if (breaches.isEmpty()) continue;
            Optional<UserId> supervisor = agents.supervisorOf(tenant, ticket.assignee());
            if (supervisor.isEmpty()) {
                skipped++;
                continue;
            }
            Instant at = context.now();
            ServiceTicket saved = record(actor, "service-ticket.escalate", ticket,
                    ticket.escalate(breaches, supervisor.get(), actor.user(), at), history);
            context.notify(new Notification(tenant, supervisor.get(), "service-ticket.escalated",
                    ServiceTicket.RECORD_TYPE, saved.id().value(), actor.user(), at, Map.of("subject", saved.subject(),
                    "targets", breaches.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))));
            escalated++;
        }
        return new Batch(due.size(), escalated, skipped, due.size() < BATCH ? null : due.get(due.size() - 1).position());
    }

    /**
     * A customer's service history (S7), newest first: their tickets with status, survey and service-level
     * outcome, and their expenses, at most {@code limit} (1–1000); with {@code before} (the {@code next} of the
     * page before), the page after it.
     */
    public ServiceHistory customerHistory(Actor actor, CustomerId customer, ListPosition before, int limit) {
        requireNonNull(customer, "customer");
        context.authorize(actor, "service-ticket.read", ServiceTicket.RECORD_TYPE, null);
        context.authorize(actor, "expense.read", Expense.RECORD_TYPE, null);
        TenantId tenant = actor.tenant();
        Instant now = context.now();
        List<ServiceHistory.Entry> entries = new ArrayList<>();
        // Each list is already newest first; the page is the newest of both, so each needs at most `limit`.
        for (ServiceTicket t : tickets.ofCustomer(tenant, customer, before, limit)) {
            entries.add(new ServiceHistory.Entry(t.createdAt(), t, clock.status(t, tickets.history(tenant, t.id()), now),
                    null));
        }
        for (Expense e : expenses.ofCustomer(tenant, customer, before, limit)) {
            entries.add(new ServiceHistory.Entry(e.createdAt(), null, null, e));
        }
        Comparator<ListPosition> oldestFirst = Comparator.comparing(ListPosition::at).thenComparing(ListPosition::id,
                (a, b) -> java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        List<ServiceHistory.Entry> page = entries.stream()
                .sorted(Comparator.comparing(ServiceHistory.Entry::position, oldestFirst.reversed()))
                .limit(limit).toList();
        boolean more = entries.size() > page.size();
        return new ServiceHistory(page, more ? page.get(page.size() - 1).position() : null);
    }

    private void mustSupervise(Actor actor) {
        if (!agents.isSupervisor(actor.tenant(), actor.user())) {
            Decision.refuse(SUPERVISOR_ONLY).orThrow(actor.locale());
        }
    }

    private ServiceTicket change(Actor actor, TicketId id, long expectedVersion, String action,
                                 Function<ServiceTicket, ServiceTicket.Change> change) {
        return context.inTransaction(actor, () -> {
            ServiceTicket current = keeper.load(actor, id, expectedVersion, action);
            return record(actor, action, current, change.apply(current));
        });
    }

    /**
     * The history of {@code ticket} as it was read. Reading commits as they come, a transaction sees the line of a
     * change committed since it read the ticket: that change was concurrent, so this one is stale.
     */
    private List<TicketStep> historyOf(TenantId tenant, ServiceTicket ticket) {
        List<TicketStep> history = tickets.history(tenant, ticket.id());
        if (history.size() != ticket.historyLength()) {
            throw new StaleRecordException(ServiceTicket.RECORD_TYPE, ticket.id().value(), ticket.version());
        }
        return history;
    }

    private ServiceTicket record(Actor actor, String action, ServiceTicket before, ServiceTicket.Change change) {
        List<TicketStep> history = before == null ? List.of() : historyOf(actor.tenant(), before);
        return record(actor, action, before, change, history);
    }

    /**
     * Saves the changed ticket with its next deadline, appends its history line and audits the change. The
     * deadline is the earliest of the targets still counting and not yet escalated.
     */
    private ServiceTicket record(Actor actor, String action, ServiceTicket before, ServiceTicket.Change change,
                                 List<TicketStep> history) {
        List<TicketStep> after = new ArrayList<>(history);
        after.add(change.step());
        ServiceTicket saved = tickets.save(change.ticket(), nextDeadline(change.ticket(), after, change.step().at()));
        tickets.append(actor.tenant(), change.step());
        context.audit(actor, ServiceTicket.RECORD_TYPE, saved.id().value(), action, before, saved);
        return saved;
    }

    private Instant nextDeadline(ServiceTicket ticket, List<TicketStep> history, Instant at) {
        if (!ticket.isOpen()) return null;
        SlaStatus status = clock.status(ticket, history, at);
        Instant next = null;
        for (SlaTarget target : EnumSet.allOf(SlaTarget.class)) {
            SlaStatus.Deadline deadline = status.of(target);
            boolean counts = deadline.state() != SlaState.MET && deadline.state() != SlaState.PAUSED;
            if (counts && deadline.due() != null && !ticket.escalated().contains(target)
                    && (next == null || deadline.due().isBefore(next))) {
                next = deadline.due();
            }
        }
        return next;
    }
}
