package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.line;
import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.Kehu;
import dev.kehu.crm.care.CareReport;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractContent;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.store.tck.TextArbitraries.Sample;
import dev.kehu.crm.support.Expense;
import dev.kehu.crm.support.ExpenseCategory;
import dev.kehu.crm.support.ServiceAgent;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketDetails;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketPriority;
import dev.kehu.crm.support.TicketStep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input through the customer-service use cases — tickets (intake, notes of every step, resolution with an
 * article, corrective measures, survey), expenses, knowledge articles and their search — and through the care
 * run's configuration and day and the outbox query, on the store under test: every value is kept exactly as the
 * rules tidy it, or refused naming the field (or by its documented rule) while the store stays as it was; a query
 * answers any text without failing. The rules are in "Hostile input" of docs/reliability.md.
 */
public abstract class ServiceInputPropertiesKit extends InputPropertiesSupport {
    private static final UserId BOSS = new UserId("li.na");
    private static final UserId CHEN = new UserId("chen.jing");

    @Override
    Kehu.Builder configure(Kehu.Builder builder) {
        return builder.serviceAgents(ServiceAgents.of(List.of(new ServiceAgent(CHEN, Set.of("printer"), true, false, null)),
                Map.of(CHEN, BOSS), BOSS));
    }

    private Actor desk() {
        return Actor.of("wang.wei", tenant.value(), Role.SERVICE_AGENT);
    }

    private Actor boss() {
        return Actor.of(BOSS.value(), tenant.value(), Role.SERVICE_AGENT);
    }

    private Customer customer() {
        return kehu().customers().create(desk(), CustomerDetails.company("北京华夏科技有限公司").build());
    }

    private ServiceTicket stored(ServiceTicket t) {
        return store.serviceTickets().find(tenant, t.id()).orElseThrow();
    }

    private String lastNote(ServiceTicket t) {
        List<TicketStep> history = store.serviceTickets().history(tenant, t.id());
        return history.get(history.size() - 1).note();
    }

    /** A complaint, taken in and moved on by {@code steps}. */
    private ServiceTicket ticket(UnaryOperator<ServiceTicket> steps) {
        return steps.apply(kehu().service().open(desk(), TicketDetails.of(customer().id(), TicketKind.COMPLAINT,
                TicketChannel.PHONE, "打印机卡纸")));
    }

    private ServiceTicket assigned(ServiceTicket t) {
        return kehu().service().assign(boss(), t.id(), t.version(), CHEN);
    }

    private ServiceTicket started(ServiceTicket t) {
        ServiceTicket a = assigned(t);
        return kehu().service().start(desk(), a.id(), a.version());
    }

    private ServiceTicket waiting(ServiceTicket t) {
        ServiceTicket s = started(t);
        return kehu().service().waitForCustomer(desk(), s.id(), s.version(), "型号?");
    }

    private ServiceTicket resolved(ServiceTicket t) {
        ServiceTicket a = assigned(t);
        return kehu().service().resolve(desk(), a.id(), a.version(), "换了硒鼓", null);
    }

    private ServiceTicket measured(ServiceTicket t) {
        return kehu().service().addMeasure(desk(), t.id(), t.version(), "培训", CHEN, TODAY);
    }

    private UseCase<?, ?> ticketNote(String name, String path, UnaryOperator<ServiceTicket> before,
                                     BiFunction<ServiceTicket, String, ServiceTicket> step,
                                     Function<ServiceTicket, String> stored) {
        return new UseCase<ServiceTicket, ServiceTicket>(name, List.of(note(path, 4000, stored)), () -> ticket(before),
                (t, form) -> step.apply(t, form.text(path)), this::stored);
    }

    private Expense expense() {
        return kehu().expenses().record(desk(), customer().id(), null, ExpenseCategory.TRAVEL, Money.of("120.00", "CNY"),
                "出租车", TODAY);
    }

    private Article stored(Article a) {
        return store.articles().find(tenant, a.id()).orElseThrow();
    }

    private static List<TextField<Article>> articleFields() {
        return List.of(line("title", 200, false, Article::title), note("body", 100_000, Article::body),
                line("keywords[0]", 200, true, a -> a.keywords().get(0)));
    }

    @Override
    List<UseCase<?, ?>> useCases() {
        return List.of(
                new UseCase<Customer, ServiceTicket>("service.open", List.of(line("subject", 200, false,
                        ServiceTicket::subject), note("description", 4000, ServiceTicket::description),
                        line("skill", 200, false, ServiceTicket::skill), line("number", 200, true, ServiceTicket::number)),
                        this::customer, (c, form) -> kehu().service().open(desk(), TicketDetails.of(c.id(),
                                TicketKind.REPAIR, TicketChannel.WEB, form.text("subject", "打印机卡纸"))
                                .description(form.text("description")).skill(form.text("skill"))
                                .number(form.text("number"))), this::stored),
                ticketNote("service.respond", "note", this::assigned,
                        (t, note) -> kehu().service().respond(desk(), t.id(), t.version(), note), this::lastNote),
                ticketNote("service.waitForCustomer", "question", this::started,
                        (t, q) -> kehu().service().waitForCustomer(desk(), t.id(), t.version(), q), this::lastNote),
                ticketNote("service.resume", "note", this::waiting,
                        (t, note) -> kehu().service().resume(desk(), t.id(), t.version(), note), this::lastNote),
                ticketNote("service.resolve", "resolution", this::assigned,
                        (t, r) -> kehu().service().resolve(desk(), t.id(), t.version(), r, null), ServiceTicket::resolution),
                ticketNote("service.close", "note", this::resolved,
                        (t, note) -> kehu().service().close(desk(), t.id(), t.version(), note), this::lastNote),
                ticketNote("service.reopen", "reason", this::resolved,
                        (t, reason) -> kehu().service().reopen(desk(), t.id(), t.version(), reason), this::lastNote),
                ticketNote("service.reprioritise", "note", t -> t, (t, note) -> kehu().service().reprioritise(desk(),
                        t.id(), t.version(), TicketPriority.URGENT, note), this::lastNote),
                ticketNote("service.addMeasure", "what", t -> t, (t, what) -> kehu().service().addMeasure(desk(), t.id(),
                        t.version(), what, CHEN, TODAY), t -> t.measures().get(0).what()),
                ticketNote("service.completeMeasure", "followUp", this::measured, (t, followUp) -> kehu().service()
                        .completeMeasure(desk(), t.id(), t.version(), 1, followUp), t -> t.measures().get(0).followUp()),
                ticketNote("service.recordSurvey", "comment", this::resolved, (t, comment) -> kehu().service()
                        .recordSurvey(desk(), t.id(), t.version(), 4, comment), t -> t.survey().comment()),
                new UseCase<Customer, Expense>("expenses.record", List.of(note("description", 4000, Expense::description)),
                        this::customer, (c, form) -> kehu().expenses().record(desk(), c.id(), null, ExpenseCategory.MEALS,
                                Money.of("88.00", "CNY"), form.text("description"), TODAY), this::stored),
                new UseCase<Expense, Expense>("expenses.revise", List.of(note("description", 4000, Expense::description)),
                        this::expense, (e, form) -> kehu().expenses().revise(desk(), e.id(), e.version(),
                                ExpenseCategory.MEALS, e.amount(), form.text("description"), TODAY), this::stored),
                new UseCase<Expense, Expense>("expenses.reject", List.of(note("reason", 4000, Expense::rejectionReason)),
                        this::expense, (e, form) -> kehu().expenses().reject(boss(), e.id(), e.version(),
                                form.text("reason")), this::stored),
                new UseCase<Void, Article>("knowledge.write", articleFields(), () -> null,
                        (none, form) -> kehu().knowledge().write(desk(), form.text("title", "卡纸"),
                                form.text("body", "取出硒鼓"), keywords(form)), this::stored),
                new UseCase<Article, Article>("knowledge.edit", articleFields(),
                        () -> kehu().knowledge().write(desk(), "卡纸", "取出硒鼓", List.of("打印机")),
                        (a, form) -> kehu().knowledge().edit(desk(), a.id(), a.version(), form.text("title", "卡纸"),
                                form.text("body", "取出硒鼓"), keywords(form)), this::stored));
    }

    private static List<String> keywords(Form form) {
        return form.text("keywords[0]") == null ? List.of("打印机") : List.of(form.text("keywords[0]"));
    }

    private Expense stored(Expense e) {
        return store.expenses().find(tenant, e.id()).orElseThrow();
    }

    // ---- Ids, amounts, days and scores ------------------------------------------------------------------------

    @Property(tries = 20, edgeCases = EdgeCasesMode.FIRST)
    @Label("a resolution naming an article by a text that cannot be an id is refused naming it; an unknown one is not found")
    void articleIds(@ForAll("ids") Sample<String> article) {
        ServiceTicket t = ticket(this::assigned);
        Runnable resolve = () -> kehu().service().resolve(desk(), t.id(), t.version(), "换了硒鼓", article.value());
        if (article.accepted()) assertRefusedBy("knowledge-article.not-found", resolve);
        else assertRefused(resolve, "article");
    }

    @Provide
    Arbitrary<Sample<String>> ids() {
        return TextArbitraries.idTexts();
    }

    @Property(tries = 40)
    @Label("an expense of at most 15 integer digits on a day from year 1 to today is kept; others are refused naming them")
    void expenses(@ForAll("money") Sample<BigDecimal> amount, @ForAll("days") Sample<LocalDate> day) {
        Customer c = customer();
        Money money = Money.of(amount.value(), Money.CNY);
        Runnable record = () -> kehu().expenses().record(desk(), c.id(), null, ExpenseCategory.GIFTS, money, "礼品",
                day.value());
        List<String> refused = new ArrayList<>();
        if (!amount.accepted()) refused.add("amount");
        if (!day.accepted()) refused.add("incurredOn");
        if (!refused.isEmpty()) {
            assertRefused(record, refused.toArray(String[]::new));
        } else if (day.value().isAfter(TODAY)) {
            assertRefusedBy("expense.incurred.future", record);
        } else {
            record.run();
            assertThat(store.expenses().ofCustomer(tenant, c.id(), null, 10)).singleElement().satisfies(e -> {
                assertThat(e.amount()).isEqualTo(money);
                assertThat(e.incurredOn()).isEqualTo(day.value());
            });
        }
    }

    @Provide
    Arbitrary<Sample<BigDecimal>> money() {
        return TextArbitraries.moneyAmounts();
    }

    @Provide
    Arbitrary<Sample<LocalDate>> days() {
        return TextArbitraries.days();
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("a corrective measure is due on any day from year 1 to 9999; another day is refused naming it")
    void measureDays(@ForAll("days") Sample<LocalDate> day) {
        ServiceTicket t = ticket(ticket -> ticket);
        Runnable add = () -> kehu().service().addMeasure(desk(), t.id(), t.version(), "培训", CHEN, day.value());
        if (!day.accepted()) {
            assertRefused(add, "due");
            return;
        }
        add.run();
        assertThat(stored(t).measures()).singleElement().satisfies(m -> assertThat(m.due()).isEqualTo(day.value()));
    }

    @Example
    @Label("a survey score outside 1 to 5, a measure that does not exist and too many keywords are refused; nothing is written")
    void outOfRange() {
        for (int score : List.of(Integer.MIN_VALUE, -1, 0, 6, Integer.MAX_VALUE)) {
            ServiceTicket t = ticket(this::resolved);
            assertRefusedBy("service.ticket.survey.score", () -> kehu().service().recordSurvey(desk(), t.id(),
                    t.version(), score, "好"));
        }
        for (int measure : List.of(Integer.MIN_VALUE, 0, 2, Integer.MAX_VALUE)) {
            ServiceTicket t = ticket(this::measured);
            assertRefusedBy("service.ticket.measure.unknown", () -> kehu().service().completeMeasure(desk(), t.id(),
                    t.version(), measure, "已培训"));
        }
        List<String> many = Collections.nCopies(51, "打印机");
        assertRefused(() -> kehu().knowledge().write(desk(), "卡纸", "取出硒鼓", many), "keywords");
    }

    @Property(tries = 40)
    @Label("the knowledge base's search answers any text without failing, and only with published articles")
    void searches(@ForAll("searches") Sample<String> query) {
        Article a = kehu().knowledge().write(desk(), "打印机卡纸 '; DROP TABLE kehu_knowledge_article; --", "取出硒鼓",
                List.of("打印机", "=cmd|' /C calc'!A0"));
        kehu().knowledge().publish(desk(), a.id(), a.version());
        Article draft = kehu().knowledge().write(desk(), "草稿", "未发布", List.of());
        assertSearch(query.value(), a, draft);
    }

    @Example
    @Label("the knowledge base's search and the outbox query answer every named hostile text without failing")
    void namedQueries() {
        Article a = kehu().knowledge().write(desk(), "打印机卡纸", "取出硒鼓", List.of("打印机"));
        kehu().knowledge().publish(desk(), a.id(), a.version());
        Article draft = kehu().knowledge().write(desk(), "草稿", "未发布", List.of());
        for (Sample<String> text : TextArbitraries.namedTexts()) {
            assertSearch(text.value(), a, draft);
            assertThat(kehu().outbox().list(desk(), new OutboxQuery(null, null, text.value(), 100))).isEmpty();
        }
        assertThat(snapshot()).as("every repository still answers").isNotEmpty();
    }

    private void assertSearch(String query, Article published, Article draft) {
        assertThat(kehu().knowledge().search(desk(), query, 10)).extracting(Article::id)
                .doesNotContain(draft.id()).allMatch(published.id()::equals);
    }

    @Provide
    Arbitrary<Sample<String>> searches() {
        return TextArbitraries.text(200);
    }

    // ---- The care run and the outbox query ------------------------------------------------------------------

    @Property(tries = 20, edgeCases = EdgeCasesMode.FIRST)
    @Label("the care run takes any day from year 1 to 9999, the last included, and refuses any other naming it")
    void careDays(@ForAll("days") Sample<LocalDate> day) {
        Customer c = customer();
        LocalDate d = day.value();
        if (day.accepted()) {
            // A birthday two days after the year's end, a deal past its signing date, a contract ending on the day.
            kehu().contacts().create(desk(), ContactDetails.of(c.id(), "李娜").birthday(LocalDate.of(1980, 1, 2)).build());
            LocalDate before = d.isAfter(TextArbitraries.FIRST_DAY.plusDays(10)) ? d.minusDays(10) : d;
            kehu().opportunities().open(desk(), OpportunityDetails.of(c.id(), "ERP").expectedSigningDate(before).build());
            Contract k = kehu().contracts().draft(desk(), c.id(), "HT-1", Money.CNY);
            k = kehu().contracts().edit(desk(), k.id(), k.version(), new ContractContent("开元", "华夏", before, d,
                    Money.of("1.00", "CNY"), "维保", List.of()));
            k = kehu().contracts().submit(desk(), k.id(), k.version());
            k = kehu().contracts().approve(supervisor(), k.id(), k.version(), null);
            kehu().contracts().sign(desk(), k.id(), k.version(), before);
        }
        Actor supervisor = supervisor();
        Runnable run = () -> kehu().care().run(supervisor, d);
        if (!day.accepted()) {
            assertRefused(run, "today");
            return;
        }
        CareReport first = kehu().care().run(supervisor, d);
        CareReport again = kehu().care().run(supervisor, d);
        assertThat(again.rules()).allSatisfy(r -> assertThat(r.created()).as(r.rule()).isZero());
        assertThat(first.rules()).filteredOn(r -> r.rule().equals(CareRules.CONTRACT_EXPIRY)).singleElement()
                .satisfies(r -> assertThat(r.created()).as("the contract ending on the day").isOne());
        // No day after 9999-12-31 is kept, so a birthday that falls after it is not reminded (one before it is).
        LocalDate end = d.plusDays(7).isAfter(TextArbitraries.LAST_DAY) ? TextArbitraries.LAST_DAY : d.plusDays(7);
        boolean birthdayInWindow = d.datesUntil(end.plusDays(1)).anyMatch(x -> x.getMonthValue() == 1 && x.getDayOfMonth() == 2);
        assertThat(first.rules()).filteredOn(r -> r.rule().equals(CareRules.BIRTHDAYS)).singleElement()
                .satisfies(r -> assertThat(r.created()).as("the birthday on 2 January").isEqualTo(birthdayInWindow ? 1 : 0));
    }

    @Example
    @Label("care rules refuse out-of-range and unknown configuration at once, and the configuration stays as it was")
    void careConfiguration() {
        CareRules rules = CareRules.defaults();
        List<Runnable> bad = List.of(() -> rules.birthdaysAhead(-1), () -> rules.birthdaysAhead(Integer.MAX_VALUE),
                () -> rules.quietAfter(0), () -> rules.quietAfter(Integer.MIN_VALUE), () -> rules.contractNotice(),
                () -> rules.contractNotice(30, 0), () -> rules.contractNotice(Integer.MAX_VALUE),
                () -> rules.dormantAfter(Period.ZERO), () -> rules.dormantAfter(Period.ofDays(-1)),
                () -> rules.dormantAfter(Period.ofYears(Integer.MAX_VALUE)),
                () -> rules.ticketsDueWithin(-1), () -> rules.pageSize(0), () -> rules.pageSize(1001),
                () -> rules.disable("'; DROP TABLE kehu_reminder; --"), () -> rules.enable("birthday\u0000"));
        for (Runnable configure : bad) {
            assertThatThrownBy(configure::run).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(List.of(rules.birthdayDays(), rules.quietDays(), rules.ticketDays(), rules.pageSize()))
                .containsExactly(7, 14, 1, 200);
        assertThat(rules.contractNoticeDays()).containsExactly(30, 60, 90);
        assertThat(CareRules.BUILT_IN).allMatch(rules::isEnabled);
    }

    @Property(tries = 30)
    @Label("the outbox answers a query read on after any text: the messages after a known id, nothing after any other")
    void outboxQueries(@ForAll("searches") Sample<String> after) {
        customer();
        customer();
        List<OutboxMessage> all = kehu().outbox().list(desk(), new OutboxQuery(null, null, null, 100));
        assertThat(all).hasSize(2);
        assertThat(kehu().outbox().list(desk(), new OutboxQuery(null, null, all.get(0).id(), 100)))
                .containsExactly(all.get(1));
        assertThat(kehu().outbox().list(desk(), new OutboxQuery(null, null, after.value(), 100))).isEmpty();
        assertThatThrownBy(() -> new OutboxQuery(null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxQuery(null, null, null, 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
