package dev.kehu.crm;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.activity.ActivityService;
import dev.kehu.crm.assignment.AssignmentService;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.callcentre.CallCentre;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.care.CareService;
import dev.kehu.crm.common.Backoff;
import dev.kehu.crm.common.BaseCurrency;
import dev.kehu.crm.common.ExchangeRates;
import dev.kehu.crm.common.FixedExchangeRates;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.contract.ContractService;
import dev.kehu.crm.forecast.ForecastService;
import dev.kehu.crm.lead.LeadService;
import dev.kehu.crm.migration.ImportService;
import dev.kehu.crm.internal.Dispatch;
import dev.kehu.crm.notification.Notifications;
import dev.kehu.crm.outbox.DomainEvents;
import dev.kehu.crm.outbox.OutboxRelay;
import dev.kehu.crm.outbox.OutboxService;
import dev.kehu.crm.outbox.RetryPolicy;
import dev.kehu.crm.opportunity.OpportunityFacts;
import dev.kehu.crm.opportunity.OpportunityService;
import dev.kehu.crm.opportunity.PipelineCatalogue;
import dev.kehu.crm.order.SalesOrderService;
import dev.kehu.crm.plan.DevelopmentPlanService;
import dev.kehu.crm.quote.QuoteService;
import java.util.Currency;
import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.Retry;
import dev.kehu.crm.common.Sleeper;
import dev.kehu.crm.contact.ContactInput;
import dev.kehu.crm.contact.ContactService;
import dev.kehu.crm.customer.CustomerInput;
import dev.kehu.crm.customer.CustomerService;
import dev.kehu.crm.internal.InputValidator;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.TimeOrderedIds;
import dev.kehu.crm.security.AccessPolicy;
import java.time.Clock;
import dev.kehu.crm.knowledge.KnowledgeService;
import dev.kehu.crm.support.ExpenseService;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceLevel;
import dev.kehu.crm.support.SupportService;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The entry point: a host builds one Kehu per store and keeps it for the life of the application.
 * Every use case is a method of one of its services, taking the {@link dev.kehu.crm.security.Actor}
 * who acts. Instances share nothing: two Kehu with different stores live side by side in one JVM.
 *
 * <pre>{@code
 * Kehu kehu = Kehu.builder().store(store).clock(Clock.systemUTC()).build();
 * Customer c = kehu.customers().create(actor, CustomerDetails.company("北京华夏科技有限公司").build());
 * }</pre>
 */
public final class Kehu implements AutoCloseable {
    /** The calling thread's sleep, for the waits of {@link #retryOnConflict}. */
    private static final Sleeper THREAD_SLEEP = wait -> Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    /** Each thread's own random numbers, for spreading those waits. */
    private static final RandomGenerator THREAD_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final CrmStore store;
    private final ServiceContext context;
    private final CustomerService customers;
    private final ContactService contacts;
    private final ImportService imports;
    private final CallCentre callCentre;
    private final OpportunityService opportunities;
    private final LeadService leads;
    private final AssignmentService assignment;
    private final QuoteService quotes;
    private final DevelopmentPlanService developmentPlans;
    private final ActivityService activities;
    private final ForecastService forecasts;
    private final BaseCurrency baseCurrency;
    private final OutboxService outbox;
    private final CareService care;
    private final SupportService service;
    private final ExpenseService expenses;
    private final KnowledgeService knowledge;
    private final ContractService contracts;
    private final SalesOrderService orders;

    private Kehu(Builder builder) {
        store = requireNonNull(builder.store, "a Kehu needs a store: Kehu.builder().store(...)");
        Clock clock = builder.clock;
        IdGenerator ids = builder.ids != null ? builder.ids : new TimeOrderedIds(clock);
        OutboxRelay relay = new OutboxRelay(store.transactions(), store.outbox(), clock, builder.notifications,
                builder.domainEvents, builder.retryPolicy);
        outbox = new OutboxService(store.transactions(), store.outbox(), relay, builder.accessPolicy, clock);
        context = new ServiceContext(store.transactions(), store.auditLog(), clock, ids, builder.accessPolicy,
                new InputValidator(), builder.referenceData, builder.phoneRegion, new Dispatch(store.transactions(),
                        store.outbox(), relay));
        BaseCurrency base = new BaseCurrency(builder.baseCurrency, builder.exchangeRates);
        baseCurrency = base;
        CustomerInput customerInput = new CustomerInput(context, store.customers());
        ContactInput contactInput = new ContactInput(context, store.customers());
        contacts = new ContactService(context, store.contacts(), store.customers(), contactInput);
        // The stage rules ask whether a quote was made through a port, so opportunities need not know quotes.
        // A quote is made once it has been sent: a draft is still being written.
        opportunities = new OpportunityService(context, store.opportunities(), store.customers(), builder.pipelines,
                (tenant, id) -> new OpportunityFacts(store.quotes().anySentFor(tenant, id)));
        quotes = new QuoteService(context, store.quotes(), store.customers(), store.opportunities(), base);
        activities = new ActivityService(context, store.activities(), store.customers(), store.contacts(),
                store.opportunities(), store.developmentPlans());
        customers = new CustomerService(context, store.customers(), customerInput,
                List.of(contacts, opportunities, quotes, activities));
        imports = new ImportService(context, store.customers(), store.contacts(), customerInput, contactInput);
        callCentre = new CallCentre(context, store.customers(), store.contacts());
        leads = new LeadService(context, store.leads(), customers, contacts, opportunities, builder.salesForce);
        assignment = new AssignmentService(context, store.opportunities(), store.customers(),
                store.roundRobinPositions(), builder.salesForce, base);
        developmentPlans = new DevelopmentPlanService(context, store.developmentPlans(), store.opportunities());
        forecasts = new ForecastService(context, store.opportunities(), base);
        care = new CareService(context, store.reminders(), builder.careRules, store.contacts(), store.customers(),
                store.developmentPlans(), store.activities(), store.opportunities(), store.contracts(), store.salesOrders(),
                store.serviceTickets(), builder.serviceAgents);
        // Customer service: the knowledge base links the article a resolution names, so tickets need not know it.
        knowledge = new KnowledgeService(context, store.articles(), store.serviceTickets());
        service = new SupportService(context, store.serviceTickets(), store.expenses(), store.customers(),
                store.contacts(), builder.serviceAgents, store.roundRobinPositions(), builder.serviceLevel, knowledge);
        expenses = new ExpenseService(context, store.expenses(), store.customers(), store.serviceTickets(),
                builder.serviceAgents);
        contracts = new ContractService(context, store.contracts(), store.customers(), store.quotes(),
                store.opportunities());
        orders = new SalesOrderService(context, store.salesOrders(), store.customers(), store.quotes());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Customers: create, update, change owner, deactivate, merge, organisation, find, search, history. */
    public CustomerService customers() {
        return customers;
    }

    /** Contacts of customers: create, update, primary contact, find, search, history. */
    public ContactService contacts() {
        return contacts;
    }

    /**
     * Bulk import of customers with their contacts (Y4): checked and normalised as {@link #customers()} and
     * {@link #contacts()} check them, duplicates by customer number skipped, written in chunks with batched writes.
     */
    public ImportService imports() {
        return imports;
    }

    /** Caller look-up by phone number for call-centre integration. */
    public CallCentre callCentre() {
        return callCentre;
    }

    /** Leads (O1): capture, nurture, qualify or discard, assign, convert. */
    public LeadService leads() {
        return leads;
    }

    /** Opportunities (O2–O5, O8): open, edit, move, estimate, close, reopen, history, attached records. */
    public OpportunityService opportunities() {
        return opportunities;
    }

    /** Assignment of opportunities by a sales supervisor (O6). */
    public AssignmentService assignment() {
        return assignment;
    }

    /** Quotes (Q1, Q3): draft, send, accept or reject, revise, sales-order draft. */
    public QuoteService quotes() {
        return quotes;
    }

    /** Development plans (O7): steps, results, overdue steps. */
    public DevelopmentPlanService developmentPlans() {
        return developmentPlans;
    }

    /** Activities and visits (A1, A2) and the workbench (A3). */
    public ActivityService activities() {
        return activities;
    }

    /** The sales funnel (O10) and the weighted forecast (O11). */
    public ForecastService forecasts() {
        return forecasts;
    }

    /**
     * Contracts (Q2): drafts from quotes and won deals, approval by a supervisor, signing, payments, completion,
     * termination, renewal and expiry; the customer's lifecycle stage (C1) follows them.
     */
    public ContractService contracts() {
        return contracts;
    }

    /** Sales orders (Q1, Q2) and the dormant-customer watch (C6). */
    public SalesOrderService orders() {
        return orders;
    }

    /**
     * The outbox of notifications and domain events: schedule {@code kehu.outbox().deliverDue()} to retry failed
     * deliveries and recover after a crash; read the events to relay them.
     */
    public OutboxService outbox() {
        return outbox;
    }

    /**
     * Customer care reminders (S3): the daily run a host schedules ({@code kehu.care().run(systemActor, today)})
     * and each person's reminders.
     */
    public CareService care() {
        return care;
    }

    /**
     * Customer service (S1, S2, S5, S7): tickets from intake to closure, assignment, corrective measures, surveys,
     * service levels and the escalation scan a host schedules, a customer's service history.
     */
    public SupportService service() {
        return service;
    }

    /** Expenses incurred with customers (S4): record, approve or reject, revise. */
    public ExpenseService expenses() {
        return expenses;
    }

    /** The knowledge base (S6): articles, publishing, search, the tickets an article resolved. */
    public KnowledgeService knowledge() {
        return knowledge;
    }

    /** The reporting currency and its rates: {@code kehu.baseCurrency().convert(amount, date)}. */
    public BaseCurrency baseCurrency() {
        return baseCurrency;
    }

    /** The configurable lists in force (industries, sources…), with their labels. */
    public ReferenceData referenceData() {
        return context.referenceData();
    }

    /**
     * Runs use cases again when they meet a concurrent change ({@code StaleRecordException}), at most
     * {@code attempts} times, sleeping the calling thread for the back-off between attempts; never inside a
     * transaction of the host's. The work given to it must read the record again on each attempt: see {@link Retry}.
     * For a sleep or random numbers of the host's (or a test's), use {@link Retry#onConflict} with this store's
     * transactions.
     */
    public Retry retryOnConflict(int attempts, Backoff backoff) {
        return Retry.onConflict(attempts, backoff, store.transactions(), THREAD_SLEEP, THREAD_RANDOM);
    }

    /** Releases what Kehu holds itself; the store stays open, as the host owns it. */
    @Override
    public void close() {
        context.validator().close();
    }

    public static final class Builder {
        private CrmStore store;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private AccessPolicy accessPolicy = AccessPolicy.permitAll();
        private ReferenceData referenceData = ReferenceData.defaults();
        private String phoneRegion = PhoneNumber.CHINA;
        private PipelineCatalogue pipelines = PipelineCatalogue.standard();
        private Currency baseCurrency = Money.CNY;
        private ExchangeRates exchangeRates = FixedExchangeRates.builder().build();
        private SalesForce salesForce = SalesForce.of(List.of());
        private Notifications notifications = Notifications.logging();
        private DomainEvents domainEvents = DomainEvents.none();
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private CareRules careRules = CareRules.defaults();
        private ServiceAgents serviceAgents = ServiceAgents.of(List.of(), Map.of(), null);
        private ServiceLevel serviceLevel = ServiceLevel.standard();

        private Builder() {
        }

        /** Where records are kept (required). */
        public Builder store(CrmStore value) { store = requireNonNull(value); return this; }

        /** The time of every record and audit entry; {@code Clock.systemUTC()} by default. */
        public Builder clock(Clock value) { clock = requireNonNull(value); return this; }

        /** New record ids; time-ordered UUIDs by default. */
        public Builder idGenerator(IdGenerator value) { ids = requireNonNull(value); return this; }

        /** Who may do what (Y1); everything within the actor's tenant by default. */
        public Builder accessPolicy(AccessPolicy value) { accessPolicy = requireNonNull(value); return this; }

        /** The configurable lists; {@link ReferenceData#defaults()} by default. */
        public Builder referenceData(ReferenceData value) { referenceData = requireNonNull(value); return this; }

        /** The region of phone numbers written without a country code (ISO 3166, {@code CN} by default). */
        public Builder defaultPhoneRegion(String value) {
            if (!PhoneNumber.isSupportedRegion(value)) {
                throw new IllegalArgumentException("not a supported phone region: " + value);
            }
            phoneRegion = value;
            return this;
        }

        /** The sales pipelines, the default first; {@link PipelineCatalogue#standard()} by default. */
        public Builder pipelines(PipelineCatalogue value) { pipelines = requireNonNull(value); return this; }

        /** The currency totals across records are reported in (Q3); CNY by default. */
        public Builder baseCurrency(Currency value) { baseCurrency = requireNonNull(value); return this; }

        /** Dated exchange rates into the base currency; an empty {@link FixedExchangeRates} by default. */
        public Builder exchangeRates(ExchangeRates value) { exchangeRates = requireNonNull(value); return this; }

        /** The account managers assignment chooses from (O6); nobody by default. */
        public Builder salesForce(SalesForce value) { salesForce = requireNonNull(value); return this; }

        /** Where notifications go (an assignment tells the new owner); to the log by default. */
        public Builder notifications(Notifications value) { notifications = requireNonNull(value); return this; }

        /**
         * Where domain events go after their change commits; nowhere by default: they are written to the outbox
         * already delivered, so they cost no delivery, and stay readable there.
         */
        public Builder domainEvents(DomainEvents value) { domainEvents = requireNonNull(value); return this; }

        /** How failed deliveries are retried; {@link RetryPolicy#standard()} by default. */
        public Builder retryPolicy(RetryPolicy value) { retryPolicy = requireNonNull(value); return this; }

        /** The care rules and their parameters; {@link CareRules#defaults()} (every rule on) by default. */
        public Builder careRules(CareRules value) { careRules = requireNonNull(value); return this; }

        /** The service agents tickets go to and their supervisors (S1); nobody by default. */
        public Builder serviceAgents(ServiceAgents value) { serviceAgents = requireNonNull(value); return this; }

        /**
         * The service levels and business hours tickets are measured against; {@link ServiceLevel#standard()} by
         * default (Monday to Friday 09:00–18:00 in Asia/Shanghai with a lunch break, targets per priority).
         */
        public Builder serviceLevel(ServiceLevel value) { serviceLevel = requireNonNull(value); return this; }

        public Kehu build() {
            return new Kehu(this);
        }
    }
}
