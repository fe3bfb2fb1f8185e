package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.line;
import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityDetails;
import dev.kehu.crm.activity.ActivityQuery;
import dev.kehu.crm.activity.FollowUpDetails;
import dev.kehu.crm.activity.VisitRecordDetails;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadConversion;
import dev.kehu.crm.lead.LeadDetails;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordKind;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanDetails;
import dev.kehu.crm.plan.PlanResultDetails;
import dev.kehu.crm.plan.PlanStepDetails;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteDetails;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.store.tck.TextArbitraries.Sample;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input through the sales use cases — leads (capture, nurture, discard, convert), opportunities (open,
 * edit, move, estimate, win, lose, reopen, attach), quotes and their lines, development plans, activities and
 * visits — on the store under test: every value is kept exactly as the rules tidy it, or refused naming the field
 * while the store stays as it was. The rules are in "Hostile input" of docs/reliability.md.
 */
public abstract class SalesInputPropertiesKit extends InputPropertiesSupport {
    private static final String CNY = "CNY";
    /** The last instant kept: a due time no reminder can come after. */
    private static final Instant LAST = TextArbitraries.LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
            .minusNanos(1000);

    private Customer customer() {
        return kehu().customers().create(rep(), CustomerDetails.company("北京华夏科技有限公司").build());
    }

    private Opportunity opportunity() {
        return kehu().opportunities().open(rep(), OpportunityDetails.of(customer().id(), "ERP 升级").build());
    }

    private Lead lead() {
        return kehu().leads().capture(rep(), new LeadDetails("INBOUND_CALL", "上海东方物流有限公司", null, null, null, null));
    }

    private Lead stored(Lead lead) {
        return store.leads().find(tenant, lead.id()).orElseThrow();
    }

    private Opportunity stored(Opportunity o) {
        return store.opportunities().find(tenant, o.id()).orElseThrow();
    }

    private Activity stored(Activity a) {
        return store.activities().find(tenant, a.id()).orElseThrow();
    }

    /** The note of the opportunity's last history line. */
    private String lastNote(Opportunity o) {
        List<StageChange> history = store.opportunities().history(tenant, o.id());
        assertThat(o.historyLength()).as("history length").isEqualTo(history.size());
        return history.get(history.size() - 1).note();
    }

    private static List<TextField<Opportunity>> opportunityFields() {
        return List.of(line("subject", 200, true, Opportunity::subject), line("informant", 200, false, Opportunity::informant),
                note("customerNeeds", 4000, Opportunity::customerNeeds));
    }

    private static OpportunityDetails.Builder fill(OpportunityDetails.Builder details, Form form) {
        return details.subject(form.text("subject", "ERP 升级")).informant(form.text("informant"))
                .customerNeeds(form.text("customerNeeds"));
    }

    private UseCase<?, ?> noteOfMove(String name, Function<Opportunity, Opportunity> prepare,
                                     BiFunction<Opportunity, String, Opportunity> move) {
        return new UseCase<Opportunity, Opportunity>(name, List.of(note("note", 4000, this::lastNote)),
                () -> prepare.apply(opportunity()), (o, form) -> move.apply(o, form.text("note")), this::stored);
    }

    @Override
    List<UseCase<?, ?>> useCases() {
        return List.of(
                new UseCase<Void, Lead>("leads.capture", List.of(line("company", 200, true, Lead::company),
                        line("person", 100, true, Lead::person), note("notes", 4000, Lead::notes)), () -> null,
                        (none, form) -> kehu().leads().capture(rep(), new LeadDetails("INBOUND_CALL",
                                form.text("company", "东方物流"), form.text("person"), null, null, form.text("notes"))),
                        this::stored),
                new UseCase<Lead, Lead>("leads.nurture", List.of(note("note", 4000, Lead::notes)), this::lead,
                        (l, form) -> kehu().leads().nurture(rep(), l.id(), form.text("note")), this::stored),
                new UseCase<Lead, Lead>("leads.discard", List.of(note("reason", 4000, Lead::discardReason)), this::lead,
                        (l, form) -> kehu().leads().discard(rep(), l.id(), form.text("reason")), this::stored),
                new UseCase<Lead, Opportunity>("leads.convert", opportunityFields(), () -> {
                    Lead l = lead();
                    return kehu().leads().qualify(rep(), l.id());
                }, (l, form) -> kehu().opportunities().get(rep(), kehu().leads().convert(rep(), l.id(),
                        LeadConversion.intoNewCustomer(CustomerDetails.company("上海东方物流有限公司").build(),
                                ContactDetails.of(new CustomerId("set-by-conversion"), "陈经理")
                                        .build(),
                                fill(OpportunityDetails.of(new CustomerId("set-by-conversion"),
                                        "ERP"), form).build())).opportunity()), this::stored),
                new UseCase<Customer, Opportunity>("opportunities.open", opportunityFields(), this::customer,
                        (c, form) -> kehu().opportunities().open(rep(), fill(OpportunityDetails.of(c.id(), "ERP"), form)
                                .build()), this::stored),
                new UseCase<Opportunity, Opportunity>("opportunities.update", opportunityFields(), this::opportunity,
                        (o, form) -> kehu().opportunities().update(rep(), o.id(), o.version(),
                                fill(OpportunityDetails.from(o), form).build()), this::stored),
                noteOfMove("opportunities.moveTo", o -> o, (o, note) -> kehu().opportunities().moveTo(rep(), o.id(),
                        o.version(), "EVALUATION", null, note)),
                noteOfMove("opportunities.estimate", o -> o, (o, note) -> kehu().opportunities().estimate(rep(), o.id(),
                        o.version(), 20, note)),
                noteOfMove("opportunities.win", o -> o, (o, note) -> kehu().opportunities().win(rep(), o.id(),
                        o.version(), note)),
                noteOfMove("opportunities.reopen", o -> kehu().opportunities().lose(rep(), o.id(), o.version(), "价格",
                        null), (o, note) -> kehu().opportunities().reopen(supervisor(), o.id(), o.version(), note)),
                new UseCase<Opportunity, Opportunity>("opportunities.lose", List.of(
                        note("reason", 4000, Opportunity::lostReason), line("competitor", 200, false,
                                Opportunity::winningCompetitor)), this::opportunity,
                        (o, form) -> kehu().opportunities().lose(rep(), o.id(), o.version(), form.text("reason", "价格"),
                                form.text("competitor")), this::stored),
                new UseCase<Opportunity, AttachedRecord>("opportunities.attach", List.of(
                        line("title", 200, true, AttachedRecord::title), note("details", 4000, AttachedRecord::details),
                        note("strengths", 4000, AttachedRecord::strengths), note("weaknesses", 4000,
                                AttachedRecord::weaknesses)), this::opportunity,
                        (o, form) -> kehu().opportunities().attach(rep(), o.id(), AttachedRecordKind.COMPETITOR,
                                form.text("title", "对手"), form.text("details"), form.text("strengths"),
                                form.text("weaknesses")),
                        r -> store.opportunities().attachments(tenant, r.opportunity()).stream()
                                .filter(a -> a.id().equals(r.id())).findFirst().orElseThrow()),
                new UseCase<Customer, Quote>("quotes.create", List.of(note("notes", 4000, Quote::notes),
                        line("lines[0].product", 200, true, q -> q.lines().get(0).product())), this::customer,
                        (c, form) -> kehu().quotes().create(rep(), QuoteDetails.of(c.id(), TODAY, Money.CNY)
                                .notes(form.text("notes")).line(new QuoteLineDetails(form.text("lines[0].product", "服务器"),
                                        BigDecimal.ONE, BigDecimal.TEN, null)).build()),
                        q -> store.quotes().find(tenant, q.id()).orElseThrow()),
                new UseCase<Opportunity, DevelopmentPlan>("developmentPlans.create", List.of(
                        line("steps[0].what", 200, true, p -> p.steps().get(0).what()),
                        note("steps[0].notes", 4000, p -> p.steps().get(0).notes())), this::opportunity,
                        (o, form) -> kehu().developmentPlans().create(rep(), DevelopmentPlanDetails.of(o.id(), null,
                                List.of(new PlanStepDetails(form.text("steps[0].what", "拜访"), TODAY, null,
                                        form.text("steps[0].notes"))))),
                        p -> store.developmentPlans().find(tenant, p.id()).orElseThrow()),
                new UseCase<DevelopmentPlan, DevelopmentPlan>("developmentPlans.recordResult", List.of(
                        new TextField<>("result", 4000, true, true, p -> p.steps().get(0).result(), null)), this::plan,
                        (p, form) -> kehu().developmentPlans().recordResult(rep(), p.id(), p.version(),
                                new PlanResultDetails(1, form.text("result"), TODAY)),
                        p -> store.developmentPlans().find(tenant, p.id()).orElseThrow()),
                new UseCase<Customer, Activity>("activities.schedule", List.of(line("subject", 200, true, Activity::subject),
                        note("notes", 4000, Activity::notes)), this::customer,
                        (c, form) -> kehu().activities().schedule(rep(), activity(c, form.text("subject", "回访"),
                                form.text("notes"), START.plusSeconds(3600), null)), this::stored),
                new UseCase<Activity, Activity>("activities.complete", List.of(note("outcome", 4000, Activity::outcome)),
                        this::call, (a, form) -> kehu().activities().complete(rep(), a.id(), a.version(),
                                form.text("outcome")), this::stored),
                new UseCase<Activity, List<Activity>>("activities.recordVisit", List.of(
                        new TextField<>("whatHappened", 4000, true, true, v -> v.get(0).outcome(), null),
                        line("followUps[0].what", 200, true, v -> v.get(1).subject())), this::visit,
                        (v, form) -> kehu().activities().recordVisit(rep(), v.version(), new VisitRecordDetails(
                                v.id().value(), form.text("whatHappened", "见了采购"), START.minusSeconds(60),
                                List.of(new FollowUpDetails(form.text("followUps[0].what", "发报价"), null,
                                        START.plusSeconds(86_400), null)))),
                        v -> v.stream().map(this::stored).toList()));
    }

    private DevelopmentPlan plan() {
        return kehu().developmentPlans().create(rep(), DevelopmentPlanDetails.of(opportunity().id(), null,
                List.of(new PlanStepDetails("拜访", TODAY, null, null))));
    }

    private static ActivityDetails activity(Customer c, String kind, String subject, String notes, Instant due,
                                            Instant reminder) {
        return new ActivityDetails(kind, subject, c.id().value(), null, null, null, due, reminder, notes);
    }

    private static ActivityDetails activity(Customer c, String subject, String notes, Instant due, Instant reminder) {
        return activity(c, "CALL", subject, notes, due, reminder);
    }

    private Activity call() {
        return kehu().activities().schedule(rep(), activity(customer(), "回访", null, START.plusSeconds(3600), null));
    }

    private Activity visit() {
        return kehu().activities().schedule(rep(), activity(customer(), "VISIT", "拜访", null, START.plusSeconds(3600),
                null));
    }

    @Example
    @Label("a conversion whose opportunity is refused leaves no customer, contact or opportunity behind")
    void conversionIsWhole() {
        Lead qualified = kehu().leads().qualify(rep(), lead().id());
        assertRefused(() -> kehu().leads().convert(rep(), qualified.id(), LeadConversion.intoNewCustomer(
                CustomerDetails.company("'; DROP TABLE kehu_customer; --").build(),
                ContactDetails.of(new CustomerId("x"), "陈经理").build(),
                OpportunityDetails.of(new CustomerId("x"), "ERP\u202E").build())), "subject");
    }

    // ---- Numbers, currencies and dates ------------------------------------------------------------------------

    @Property(tries = 50, edgeCases = EdgeCasesMode.FIRST)
    @Label("an expected amount of at most 15 integer digits and the currency's decimals is kept; any other is refused")
    void expectedAmounts(@ForAll("amounts") Sample<BigDecimal> amount) {
        Customer c = customer();
        Runnable open = () -> kehu().opportunities().open(rep(), OpportunityDetails.of(c.id(), "ERP")
                .expected(amount.value(), CNY).build());
        if (!amount.accepted()) {
            assertRefused(open, "expectedAmount");
            return;
        }
        open.run();
        assertThat(store.opportunities().matching(tenant, OpportunityQuery.all()))
                .singleElement().satisfies(o -> assertThat(o.expectedAmount()).isEqualTo(Money.of(amount.value(),
                        Money.CNY)));
    }

    @Provide
    Arbitrary<Sample<BigDecimal>> amounts() {
        return TextArbitraries.amounts(2, false);
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("a currency of money is kept; an unknown, mistyped or non-money code is refused naming the field")
    void currencies(@ForAll("currencies") Sample<String> currency) {
        Customer c = customer();
        Runnable open = () -> kehu().opportunities().open(rep(), OpportunityDetails.of(c.id(), "ERP")
                .expected(new BigDecimal("100"), currency.value()).build());
        Runnable quote = () -> kehu().quotes().create(rep(), QuoteDetails.of(c.id(), TODAY, Money.CNY)
                .currency(currency.value()).line(new QuoteLineDetails("服务器", BigDecimal.ONE, BigDecimal.TEN, null))
                .build());
        if (!currency.accepted()) {
            assertRefused(open, "currency");
            assertRefused(quote, "currency");
            return;
        }
        open.run();
        quote.run();
        assertThat(store.quotes().ofCustomer(tenant, c.id())).singleElement()
                .satisfies(q -> assertThat(q.currency().getCurrencyCode()).isEqualTo(currency.value()));
    }

    @Provide
    Arbitrary<Sample<String>> currencies() {
        return TextArbitraries.currencyCodes();
    }

    @Property(tries = 50)
    @Label("a quote line's quantity, price and discount are kept exactly within their digits, or refused naming them")
    void quoteLines(@ForAll("quantities") Sample<BigDecimal> quantity, @ForAll("amounts") Sample<BigDecimal> price,
                    @ForAll("discounts") Sample<BigDecimal> discount) {
        Customer c = customer();
        Runnable create = () -> kehu().quotes().create(rep(), QuoteDetails.of(c.id(), TODAY, Money.CNY)
                .line(new QuoteLineDetails("服务器", quantity.value(), price.value(), discount.value())).build());
        boolean positiveQuantity = quantity.value().signum() > 0;
        String[] refused = Stream.of(quantity.accepted() && positiveQuantity ? null : "lines[0].quantity",
                price.accepted() ? null : "lines[0].unitPrice", discount.accepted() ? null : "lines[0].discountPercent")
                .filter(Objects::nonNull).toArray(String[]::new);
        if (refused.length > 0) {
            assertRefused(create, refused);
            return;
        }
        create.run();
        assertThat(store.quotes().ofCustomer(tenant, c.id())).singleElement().satisfies(q -> {
            assertThat(q.lines().get(0).quantity()).isEqualByComparingTo(quantity.value());
            assertThat(q.lines().get(0).unitPrice()).isEqualTo(Money.of(price.value(), Money.CNY));
            assertThat(q.lines().get(0).discountPercent()).isEqualByComparingTo(discount.value());
        });
    }

    @Example
    @Label("every problem of a quote line is reported at once: a price's decimals beside a bad quantity and discount")
    void quoteLineProblemsAtOnce() {
        Customer c = customer();
        assertRefused(() -> kehu().quotes().create(rep(), QuoteDetails.of(c.id(), TODAY, Money.CNY)
                .line(new QuoteLineDetails("服务器", BigDecimal.ZERO, new BigDecimal("1.001"), new BigDecimal("101")))
                .line(new QuoteLineDetails("\u202E", BigDecimal.ONE, new BigDecimal("1.001"), null)).build()),
                "lines[0].quantity", "lines[0].unitPrice", "lines[0].discountPercent", "lines[1].product",
                "lines[1].unitPrice");
    }

    @Provide
    Arbitrary<Sample<BigDecimal>> quantities() {
        return TextArbitraries.amounts(4, true);
    }

    @Provide
    Arbitrary<Sample<BigDecimal>> discounts() {
        return Arbitraries.oneOf(Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2)
                .map(d -> Sample.kept("discount", d)), Arbitraries.of(Sample.kept("none", BigDecimal.ZERO),
                Sample.kept("all", new BigDecimal("100.00")), Sample.refused("over 100", new BigDecimal("100.01")),
                Sample.refused("negative", new BigDecimal("-0.01")), Sample.refused("three decimals",
                        new BigDecimal("12.345")), Sample.refused("huge exponent", new BigDecimal("1E+2147483647")),
                Sample.refused("tiny exponent", new BigDecimal("1E-2147483647"))));
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("a day in the years 1 to 9999 is kept in every date field of sales; any other day is refused naming it")
    void days(@ForAll("days") Sample<LocalDate> day) {
        Customer c = customer();
        Opportunity planned = opportunity();
        LocalDate d = day.value();
        List<Runnable> useCases = List.of(
                () -> kehu().opportunities().open(rep(), OpportunityDetails.of(c.id(), "ERP").discoveredOn(d)
                        .expectedSigningDate(d).build()),
                () -> kehu().quotes().create(rep(), QuoteDetails.of(c.id(), d, Money.CNY).build()),
                () -> kehu().developmentPlans().create(rep(), DevelopmentPlanDetails.of(planned.id(), null,
                        List.of(new PlanStepDetails("拜访", d, null, null)))));
        if (!day.accepted()) {
            assertRefused(useCases.get(0), "discoveredOn", "expectedSigningDate");
            assertRefused(useCases.get(1), "date");
            assertRefused(useCases.get(2), "steps[0].plannedDate");
            return;
        }
        useCases.forEach(Runnable::run);
        Opportunity o = store.opportunities().matching(tenant, OpportunityQuery.all()).stream()
                .filter(x -> x.customer().equals(c.id())).findFirst().orElseThrow();
        assertThat(o.discoveredOn()).isEqualTo(d);
        assertThat(o.expectedSigningDate()).isEqualTo(d);
        assertThat(store.quotes().ofCustomer(tenant, c.id())).singleElement()
                .satisfies(q -> assertThat(q.date()).isEqualTo(d));
        assertThat(store.developmentPlans().ownedBy(tenant, rep().user())).anySatisfy(
                p -> assertThat(p.steps().get(0).plannedDate()).isEqualTo(d));
    }

    @Provide
    Arbitrary<Sample<LocalDate>> days() {
        return TextArbitraries.days();
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("a step's result is kept on any day from year 1 to today; a later day breaks a rule, one outside the years is refused")
    void resultDays(@ForAll("days") Sample<LocalDate> day) {
        DevelopmentPlan p = plan();
        Runnable record = () -> kehu().developmentPlans().recordResult(rep(), p.id(), p.version(),
                new PlanResultDetails(1, "已拜访", day.value()));
        if (!day.accepted()) {
            assertRefused(record, "doneOn");
        } else if (day.value().isAfter(TODAY)) {
            assertRefusedBy("plan.result.future", record);
        } else {
            record.run();
            assertThat(store.developmentPlans().find(tenant, p.id()).orElseThrow().steps().get(0).doneOn())
                    .isEqualTo(day.value());
        }
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("a due time or reminder in the years 1 to 9999 is kept to the microsecond; any other instant is refused")
    void instants(@ForAll("instants") Sample<Instant> instant) {
        Customer c = customer();
        Instant at = instant.value();
        Runnable due = () -> kehu().activities().schedule(rep(), activity(c, "回访", null, at, null));
        Runnable reminder = () -> kehu().activities().schedule(rep(), activity(c, "回访", null, LAST, at));
        Activity call = call();
        Runnable rescheduled = () -> kehu().activities().reschedule(rep(), call.id(), call.version(), at, null);
        if (!instant.accepted()) {
            assertRefused(due, "due");
            assertRefused(reminder, "reminder");
            assertRefused(rescheduled, "due");
            return;
        }
        due.run();
        reminder.run();
        rescheduled.run();
        assertThat(store.activities().matching(tenant, ActivityQuery.all()))
                .filteredOn(a -> a.customer().equals(c.id())).extracting(a -> a.reminder() == null ? a.due() : a.reminder())
                .containsExactlyInAnyOrder(at, at);
        assertThat(stored(call).due()).isEqualTo(at);
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("a visit is recorded at any past instant from year 1; a future one is refused, as is one outside the years")
    void visitTimes(@ForAll("instants") Sample<Instant> instant) {
        Activity v = visit();
        Runnable record = () -> kehu().activities().recordVisit(rep(), v.version(), new VisitRecordDetails(
                v.id().value(), "见了采购", instant.value(), List.of()));
        if (!instant.accepted() || instant.value().isAfter(START)) {
            assertRefused(record, "visitedAt");
            return;
        }
        record.run();
        assertThat(stored(v).completedAt()).isEqualTo(instant.value());
        assertThat(stored(v).outcome()).isEqualTo("见了采购");
    }

    @Provide
    Arbitrary<Sample<Instant>> instants() {
        return TextArbitraries.instants();
    }
}
