package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.line;
import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.note;
import static dev.kehu.crm.store.tck.InputPropertiesSupport.TextField.refusedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractContent;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.contract.PaymentMilestone;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteDetails;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.store.tck.TextArbitraries.Sample;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
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
 * Hostile input through the contract and order use cases — a contract's number, content, milestones, the notes and
 * reasons of its approval flow, signing and payments, renewal and expiry; orders placed directly or from a quote —
 * on the store under test: every value is kept exactly as the rules tidy it, or refused naming the field (a number
 * by its rule) while the store stays as it was. The rules are in "Hostile input" of docs/reliability.md.
 */
public abstract class ContractInputPropertiesKit extends InputPropertiesSupport {
    private static final Money AMOUNT = Money.of("100000.00", "CNY");
    private static final Money FIRST_PAYMENT = Money.of("30000.00", "CNY");
    private final AtomicInteger drafts = new AtomicInteger();

    private Customer customer() {
        return kehu().customers().create(rep(), CustomerDetails.company("北京华夏科技有限公司").build());
    }

    private Contract stored(Contract c) {
        return store.contracts().find(tenant, c.id()).orElseThrow();
    }

    private String lastNote(Contract c) {
        List<ContractStep> history = store.contracts().history(tenant, c.id());
        return history.get(history.size() - 1).note();
    }

    private static ContractContent content(String ourParty, String theirParty, String terms, String description) {
        return new ContractContent(ourParty, theirParty, TODAY, TODAY.plusYears(1), AMOUNT, terms,
                List.of(PaymentMilestone.of(TODAY, FIRST_PAYMENT, description)));
    }

    private Contract draft() {
        return kehu().contracts().draft(rep(), customer().id(), "HT-" + drafts.incrementAndGet(), Money.CNY);
    }

    /** A contract with its content, moved on by {@code steps}. */
    private Contract contract(UnaryOperator<Contract> steps) {
        Contract c = draft();
        c = kehu().contracts().edit(rep(), c.id(), c.version(), content("开元软件", "华夏科技", "三年维保", "预付款"));
        return steps.apply(c);
    }

    private Contract submitted(Contract c) {
        return kehu().contracts().submit(rep(), c.id(), c.version());
    }

    private Contract approved(Contract c) {
        Contract s = submitted(c);
        return kehu().contracts().approve(supervisor(), s.id(), s.version(), null);
    }

    private Contract signed(Contract c) {
        Contract a = approved(c);
        return kehu().contracts().sign(rep(), a.id(), a.version(), TODAY);
    }

    private UseCase<?, ?> step(String name, String path, UnaryOperator<Contract> before,
                               BiFunction<Contract, String, Contract> step) {
        return new UseCase<Contract, Contract>(name, List.of(note(path, 4000, this::lastNote)),
                () -> contract(before), (c, form) -> step.apply(c, form.text(path)), this::stored);
    }

    @Override
    List<UseCase<?, ?>> useCases() {
        return List.of(
                new UseCase<Customer, Contract>("contracts.draft",
                        List.of(refusedBy("contract.number.invalid", "number", 200, Contract::number)), this::customer,
                        (c, form) -> kehu().contracts().draft(rep(), c.id(), form.text("number"), Money.CNY), this::stored),
                new UseCase<Contract, Contract>("contracts.edit", List.of(line("ourParty", 200, false, Contract::ourParty),
                        line("theirParty", 200, false, Contract::theirParty), note("terms", 100_000, Contract::terms),
                        line("milestones[0].description", 200, false, c -> c.milestones().get(0).description())),
                        this::draft, (c, form) -> kehu().contracts().edit(rep(), c.id(), c.version(), content(
                                form.text("ourParty"), form.text("theirParty"), form.text("terms"),
                                form.text("milestones[0].description"))), this::stored),
                step("contracts.approve", "note", this::submitted,
                        (c, note) -> kehu().contracts().approve(supervisor(), c.id(), c.version(), note)),
                step("contracts.reject", "reason", this::submitted,
                        (c, reason) -> kehu().contracts().reject(supervisor(), c.id(), c.version(), reason)),
                new UseCase<Contract, Contract>("contracts.reject reason", List.of(note("reason", 4000,
                        Contract::rejectionReason)), () -> contract(this::submitted),
                        (c, form) -> kehu().contracts().reject(supervisor(), c.id(), c.version(), form.text("reason")),
                        this::stored),
                step("contracts.rework", "note", c -> {
                    Contract s = submitted(c);
                    return kehu().contracts().reject(supervisor(), s.id(), s.version(), "价格太高");
                }, (c, note) -> kehu().contracts().rework(rep(), c.id(), c.version(), note)),
                step("contracts.complete", "note", this::signed,
                        (c, note) -> kehu().contracts().complete(rep(), c.id(), c.version(), note)),
                new UseCase<Contract, Contract>("contracts.terminate", List.of(note("reason", 4000,
                        Contract::terminationReason)), () -> contract(this::signed),
                        (c, form) -> kehu().contracts().terminate(rep(), c.id(), c.version(), form.text("reason")),
                        this::stored),
                new UseCase<Contract, Contract>("contracts.renew", List.of(refusedBy("contract.number.invalid", "number",
                        200, Contract::number)), () -> contract(this::signed),
                        (c, form) -> kehu().contracts().renew(rep(), c.id(), c.version(), form.text("number"),
                                TODAY.plusYears(1), TODAY.plusYears(2)), this::stored),
                new UseCase<Customer, SalesOrder>("orders.place", List.of(refusedBy("order.number.invalid", "number",
                        200, SalesOrder::number)), this::customer,
                        (c, form) -> kehu().orders().place(rep(), c.id(), form.text("number"), TODAY, Money.CNY,
                                List.of(QuoteLine.of("服务器", BigDecimal.ONE, AMOUNT))), this::stored),
                new UseCase<Customer, SalesOrder>("orders.place lines", List.of(line("lines[0].product", 200, false,
                        o -> o.lines().get(0).product())), this::customer,
                        (c, form) -> kehu().orders().place(rep(), c.id(), "DD-1", TODAY, Money.CNY,
                                List.of(QuoteLine.of(form.text("lines[0].product"), BigDecimal.ONE, AMOUNT))),
                        this::stored),
                new UseCase<Quote, SalesOrder>("orders.placeFromQuote", List.of(refusedBy("order.number.invalid",
                        "number", 200, SalesOrder::number)), this::acceptedQuote,
                        (q, form) -> kehu().orders().placeFromQuote(rep(), q.id(), form.text("number"), TODAY),
                        this::stored));
    }

    private SalesOrder stored(SalesOrder o) {
        return store.salesOrders().find(tenant, o.id()).orElseThrow();
    }

    private Quote acceptedQuote() {
        Quote q = kehu().quotes().create(rep(), QuoteDetails.of(customer().id(), TODAY, Money.CNY)
                .line(new QuoteLineDetails("服务器", BigDecimal.ONE, new BigDecimal("100.00"), null)).build());
        q = kehu().quotes().send(rep(), q.id(), q.version());
        return kehu().quotes().accept(rep(), q.id(), q.version());
    }

    // ---- Amounts, currencies and dates -------------------------------------------------------------------------

    @Property(tries = 30, edgeCases = EdgeCasesMode.FIRST)
    @Label("an amount, milestone or payment of at most 15 integer digits is kept; a larger one is refused naming it")
    void amounts(@ForAll("money") Sample<BigDecimal> amount) {
        Money money = Money.of(amount.value(), Money.CNY);
        Contract draft = draft();
        Runnable edit = () -> kehu().contracts().edit(rep(), draft.id(), draft.version(), new ContractContent("开元",
                "华夏", TODAY, TODAY, money, "维保", List.of(PaymentMilestone.of(TODAY, money, "全款"))));
        Contract signed = contract(this::signed);
        Runnable pay = () -> kehu().contracts().recordPayment(rep(), signed.id(), signed.version(), 0, TODAY, money);
        if (!amount.accepted()) {
            assertRefused(edit, "amount", "milestones[0].amount");
            assertRefused(pay, "paid");
            return;
        }
        edit.run();
        pay.run();
        assertThat(stored(draft).amount()).isEqualTo(money);
        assertThat(stored(draft).milestones().get(0).amount()).isEqualTo(money);
        assertThat(stored(signed).milestones().get(0).paidAmount()).isEqualTo(money);
    }

    @Provide
    Arbitrary<Sample<BigDecimal>> money() {
        return TextArbitraries.moneyAmounts();
    }

    @Example
    @Label("amounts in another currency, a negative amount and a milestone that does not exist are refused; nothing is written")
    void wrongMoney() {
        Contract draft = draft();
        Money dollars = Money.of("100.00", "USD");
        assertRefused(() -> kehu().contracts().edit(rep(), draft.id(), draft.version(), new ContractContent("开元", "华夏",
                TODAY, TODAY, dollars, "维保", List.of(PaymentMilestone.of(TODAY, dollars, null)))), "amount",
                "milestones[0].amount");
        assertRefusedBy("contract.amount.negative", () -> kehu().contracts().edit(rep(), draft.id(), draft.version(),
                new ContractContent("开元", "华夏", TODAY, TODAY, Money.of("-1.00", "CNY"), "维保", List.of())));
        Customer other = customer();
        assertRefused(() -> kehu().contracts().draft(rep(), other.id(), "HT-9", Currency.getInstance("XXX")),
                "currency");
        Contract signed = contract(this::signed);
        assertRefused(() -> kehu().contracts().recordPayment(rep(), signed.id(), signed.version(), 0, TODAY, dollars),
                "paid");
        for (int milestone : List.of(-1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            assertRefused(() -> kehu().contracts().recordPayment(rep(), signed.id(), signed.version(), milestone, TODAY,
                    FIRST_PAYMENT), "milestone");
        }
        Customer c = customer();
        assertRefused(() -> kehu().orders().place(rep(), c.id(), "DD-1", TODAY, Money.CNY,
                List.of(QuoteLine.of("服务器", BigDecimal.ONE, dollars))), "lines[0].unitPrice");
        assertRefused(() -> kehu().orders().place(rep(), c.id(), "DD-1", TODAY, Currency.getInstance("XAU"),
                List.of(QuoteLine.of("金条", BigDecimal.ONE, Money.of("1", "XAU")))), "currency");
        assertRefused(() -> kehu().orders().place(rep(), c.id(), "DD-1", TODAY, Money.CNY,
                List.of(QuoteLine.of("服务器", new BigDecimal("1E+20"), AMOUNT))), "lines[0].quantity");
    }

    @Property(tries = 25, edgeCases = EdgeCasesMode.FIRST)
    @Label("a day in the years 1 to 9999 is kept in every date of contracts and orders; any other is refused naming it")
    void days(@ForAll("days") Sample<LocalDate> day) {
        LocalDate d = day.value();
        Contract draft = draft();
        Runnable edit = () -> kehu().contracts().edit(rep(), draft.id(), draft.version(), new ContractContent("开元",
                "华夏", d, d, AMOUNT, "维保", List.of(PaymentMilestone.of(d, FIRST_PAYMENT, null))));
        Contract approved = contract(this::approved);
        Runnable sign = () -> kehu().contracts().sign(rep(), approved.id(), approved.version(), d);
        Contract signed = contract(this::signed);
        Runnable pay = () -> kehu().contracts().recordPayment(rep(), signed.id(), signed.version(), 0, d, FIRST_PAYMENT);
        Runnable renew = () -> kehu().contracts().renew(rep(), signed.id(), stored(signed).version(), "续-1", d, d);
        Customer c = customer();
        Runnable place = () -> kehu().orders().place(rep(), c.id(), "DD-1", d, Money.CNY,
                List.of(QuoteLine.of("服务器", BigDecimal.ONE, AMOUNT)));
        Runnable expire = () -> kehu().contracts().expireDue(supervisor(), d);
        if (!day.accepted()) {
            assertRefused(edit, "startDate", "endDate", "milestones[0].dueOn");
            assertRefused(sign, "signedOn");
            assertRefused(pay, "paidOn");
            assertRefused(renew, "newStart", "newEnd");
            assertRefused(place, "orderDate");
            assertRefused(expire, "today");
            return;
        }
        List.of(edit, sign, pay, renew, place).forEach(Runnable::run);
        Contract edited = stored(draft);
        assertThat(List.of(edited.startDate(), edited.endDate(), edited.milestones().get(0).dueOn(),
                stored(approved).signingDate(), stored(signed).milestones().get(0).paidOn())).containsOnly(d);
        assertThat(store.contracts().renewalOf(tenant, signed.id())).hasValueSatisfying(r -> {
            assertThat(r.startDate()).isEqualTo(d);
            assertThat(r.endDate()).isEqualTo(d);
        });
        assertThat(store.salesOrders().ofCustomer(tenant, c.id(), null, 10)).singleElement()
                .satisfies(o -> assertThat(o.orderDate()).isEqualTo(d));
        assertThat(store.salesOrders().lastPurchase(tenant, c.id())).contains(d);
        int expired = kehu().contracts().expireDue(supervisor(), d);
        assertThat(expired).as("contracts ended before %s", d).isEqualTo(d.isAfter(TODAY.plusYears(1)) ? 2 : 0);
    }

    @Provide
    Arbitrary<Sample<LocalDate>> days() {
        return TextArbitraries.days();
    }
}
