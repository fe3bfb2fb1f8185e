package dev.kehu.crm.care;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.care.CareReport.RuleReport;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTickets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer care reminders (客户关怀, S3; C6 once orders are stored): the daily run that applies each enabled
 * {@link CareRule} and reminds the owners of what it finds, and each person's reminders. Obtain it from
 * {@code Kehu.care()}; configure the rules with {@code Kehu.builder().careRules(...)}.
 *
 * <p>The run streams: each rule is read page by page from an index-backed store query, and each page's reminders
 * are written in one short transaction together with the notifications to their recipients (through the outbox,
 * so they go out after the commit). A reminder's key ({@code <rule>:<subject>:<due date>}) is unique per tenant,
 * so running again the same day, or on two hosts at once, stores and sends each reminder once.
 */
public final class CareService {
    /** The refusal when the actor is neither a sales supervisor nor an administrator. */
    public static final String RUN_REFUSED = "care.run.refused";
    /** The topic of every reminder's notification is this followed by its rule, e.g. {@code care.birthday}. */
    public static final String TOPIC_PREFIX = "care.";
    private static final int MAX_LIMIT = 1000;

    private final ServiceContext context;
    private final Reminders reminders;
    private final CareRules config;
    private final List<CareRule<?>> rules;

    public CareService(ServiceContext context, Reminders reminders, CareRules config, Contacts contacts,
                       Customers customers, DevelopmentPlans plans, Activities activities,
                       Opportunities opportunities, Contracts contracts, SalesOrders orders, ServiceTickets tickets,
                       ServiceAgents agents) {
        this.context = context;
        this.reminders = reminders;
        this.config = config;
        List<CareRule<?>> all = new ArrayList<>();
        all.add(new BirthdayRule(contacts, customers, config.birthdayDays()));
        all.add(new OverduePlanStepRule(plans));
        all.add(new OverdueActivityRule(activities, context.clock().getZone()));
        all.add(new QuietOpportunityRule(opportunities, context.clock().getZone(), config.quietDays()));
        all.add(new SigningOverdueRule(opportunities));
        all.add(new ContractExpiryRule(contracts, config.contractNoticeDays()));
        all.add(new DormantCustomerRule(orders, customers, config.dormancy()));
        all.add(new TicketDeadlineRule(tickets, agents, context.clock().getZone(), config.ticketDays()));
        all.addAll(config.added());
        this.rules = List.copyOf(all);
    }

    /**
     * Runs every enabled rule for the actor's tenant on {@code today}: new reminders are stored and their
     * recipients notified; those already stored are counted and left alone. Each page is its own transaction, so
     * a failure part-way keeps the pages before it, and running again completes the rest.
     *
     * @throws dev.kehu.crm.common.BusinessRuleException {@value #RUN_REFUSED} unless the actor is a sales
     *         supervisor or an administrator (the actor a host's scheduler runs as); nothing is written
     */
    public CareReport run(Actor actor, LocalDate today) {
        requireNonNull(actor, "actor");
        requireNonNull(today, "today");
        context.checkInput(actor, "today", Input.DAY, today);
        boolean allowed = actor.hasRole(Role.SALES_SUPERVISOR) || actor.hasRole(Role.ADMINISTRATOR);
        (allowed ? Decision.allow() : Decision.refuse(RUN_REFUSED, actor.user().value())).orThrow(actor.locale());
        context.authorize(actor, "care.run", Reminder.RECORD_TYPE, null);
        List<RuleReport> reports = new ArrayList<>();
        for (CareRule<?> rule : rules) {
            if (config.isEnabled(rule.name())) reports.add(run(actor, rule, today));
        }
        return new CareReport(today, reports);
    }

    /** The reminders of {@code recipient}, by due date then key, after {@code after} (none: the first), at most {@code limit}. */
    public List<Reminder> reminders(Actor actor, UserId recipient, Reminder after, int limit) {
        requireNonNull(recipient, "recipient");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        context.authorize(actor, "reminder.read", Reminder.RECORD_TYPE, recipient);
        return reminders.ofRecipient(actor.tenant(), recipient, after, limit);
    }

    private <R> RuleReport run(Actor actor, CareRule<R> rule, LocalDate today) {
        TenantId tenant = actor.tenant();
        int pageSize = config.pageSize();
        int seen = 0;
        int created = 0;
        R after = null;
        while (true) {
            List<R> rows = rule.page(tenant, today, after, pageSize);
            List<ReminderCandidate> candidates = rule.candidates(tenant, rows, today);
            if (!candidates.isEmpty()) created += context.inTransaction(actor, () -> remind(actor, rule.name(), candidates));
            seen += candidates.size();
            if (rows.size() < pageSize) break;
            after = rows.get(rows.size() - 1);
        }
        return new RuleReport(rule.name(), seen, created, seen - created);
    }

    /** Stores the reminders of one page and notifies their recipients; returns how many were new. */
    private int remind(Actor actor, String rule, List<ReminderCandidate> candidates) {
        // In key order, so that two hosts running at once take the keys' locks in the same order and never deadlock.
        List<ReminderCandidate> byKey = new ArrayList<>(candidates);
        byKey.sort(java.util.Comparator.comparing(c -> c.key(rule)));
        Instant now = context.now();
        Map<String, ReminderCandidate> candidateByKey = new LinkedHashMap<>();
        List<Reminder> page = new ArrayList<>();
        for (ReminderCandidate candidate : byKey) {
            String key = candidate.key(rule);
            if (candidateByKey.putIfAbsent(key, candidate) != null) continue;
            page.add(new Reminder(actor.tenant(), key, rule, candidate.subjectType(), candidate.subjectId(),
                    candidate.due(), candidate.recipient(), now));
        }
        List<Reminder> stored = reminders.addAll(page);
        // A notification's key comes from its reminder's, which was just stored as new: it cannot be taken.
        Map<String, Notification> notifications = new LinkedHashMap<>();
        for (Reminder reminder : stored) {
            ReminderCandidate candidate = candidateByKey.get(reminder.key());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("subject", candidate.subject());
            details.put("due", candidate.due().toString());
            details.putAll(candidate.arguments());
            notifications.put("reminder:" + reminder.key(), new Notification(actor.tenant(), candidate.recipient(),
                    TOPIC_PREFIX + rule, candidate.subjectType(), candidate.subjectId(), actor.user(), now, details));
        }
        context.notifyAll(notifications);
        return stored.size();
    }
}
