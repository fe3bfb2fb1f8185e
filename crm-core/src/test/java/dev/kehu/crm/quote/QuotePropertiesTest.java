package dev.kehu.crm.quote;

import static dev.kehu.crm.quote.QuoteFixtures.LATER;
import static dev.kehu.crm.quote.QuoteFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.opportunity.OpportunityId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The arithmetic and the revision chain of quotes, over random lines in currencies with 0, 2 and 3 decimals. */
class QuotePropertiesTest {
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("CNY"), Currency.getInstance("JPY"),
            Currency.getInstance("USD"), Currency.getInstance("KWD"));

    /** Lines that all share one currency. */
    record Priced(Currency currency, List<QuoteLine> lines) {
        Quote quote() {
            return draft().currency(currency).lines(lines).build();
        }
    }

    @Provide
    Arbitrary<Priced> priced() {
        return priced(0);
    }

    @Provide
    Arbitrary<Priced> sendable() {
        return priced(1);
    }

    private static Arbitrary<Priced> priced(int minLines) {
        return Arbitraries.of(CURRENCIES).flatMap(currency ->
                lines(currency).list().ofMinSize(minLines).ofMaxSize(12).map(lines -> new Priced(currency, lines)));
    }

    private static Arbitrary<QuoteLine> lines(Currency currency) {
        return Combinators.combine(quantities(), prices(currency), discounts())
                .as((quantity, price, discount) -> new QuoteLine("P", quantity, price, discount));
    }

    private static Arbitrary<BigDecimal> quantities() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("1000000")).ofScale(4);
    }

    private static Arbitrary<Money> prices(Currency currency) {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999"))
                .ofScale(currency.getDefaultFractionDigits()).map(amount -> Money.of(amount, currency));
    }

    private static Arbitrary<BigDecimal> discounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
    }

    @Property(tries = 300)
    @Label("the total is the sum of the line totals, whatever the order of the lines")
    void totalIsSumInAnyOrder(@ForAll("priced") Priced priced, @ForAll Random random) {
        List<QuoteLine> shuffled = new ArrayList<>(priced.lines());
        Collections.shuffle(shuffled, random);
        BigDecimal sum = priced.lines().stream().map(l -> l.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);

        Quote quote = priced.quote();

        assertThat(quote.total().amount()).isEqualByComparingTo(sum);
        assertThat(quote.total().currency()).isEqualTo(priced.currency());
        assertThat(draft().currency(priced.currency()).lines(shuffled).build().total()).isEqualTo(quote.total());
    }

    @Property(tries = 300)
    @Label("a total is never negative and never more than the lines before discount")
    void totalBounded(@ForAll("priced") Priced priced) {
        Money total = priced.quote().total();
        Money undiscounted = priced.lines().stream()
                .map(l -> new QuoteLine(l.product(), l.quantity(), l.unitPrice(), BigDecimal.ZERO).total())
                .reduce(Money.zero(priced.currency()), Money::plus);

        assertThat(total.isNegative()).isFalse();
        assertThat(total.compareTo(undiscounted)).isLessThanOrEqualTo(0);
    }

    @Property(tries = 300)
    @Label("without discount, a whole number of units costs the unit price added up that many times")
    void noDiscountWholeUnits(@ForAll @IntRange(min = 1, max = 200) int units, @ForAll("anyPrice") Money price) {
        Money added = Money.zero(price.currency());
        for (int i = 0; i < units; i++) added = added.plus(price);

        assertThat(QuoteLine.of("P", BigDecimal.valueOf(units), price).total()).isEqualTo(added);
    }

    @Property(tries = 300)
    @Label("without discount, any quantity costs quantity × price rounded half-even to the currency's minor units")
    void noDiscountAnyQuantity(@ForAll("quantity") BigDecimal quantity, @ForAll("anyPrice") Money price) {
        BigDecimal expected = quantity.multiply(price.amount())
                .setScale(price.currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN);

        assertThat(new QuoteLine("P", quantity, price, null).total().amount()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Money> anyPrice() {
        return Arbitraries.of(CURRENCIES).flatMap(QuotePropertiesTest::prices);
    }

    @Provide
    Arbitrary<BigDecimal> quantity() {
        return quantities();
    }

    @Property(tries = 200)
    @Label("revising keeps the customer, the opportunity and the currency and increments the revision")
    void revisionKeepsParties(@ForAll("sendable") Priced priced, @ForAll("answers") List<Boolean> rejected) {
        Quote original = priced.quote().toBuilder().opportunity(new OpportunityId("o-1")).build().send(LATER);
        Quote quote = original;
        for (boolean reject : rejected) {
            Quote current = reject ? quote.reject(LATER) : quote;
            Quote next = current.revise(new QuoteId("q-" + (current.revision() + 1)), current.date(), priced.lines(), LATER);

            assertThat(next.revision()).isEqualTo(current.revision() + 1);
            assertThat(next.previous()).isEqualTo(current.id());
            assertThat(next.customer()).isEqualTo(original.customer());
            assertThat(next.opportunity()).isEqualTo(original.opportunity());
            assertThat(next.currency()).isEqualTo(priced.currency());
            assertThat(current.supersede(LATER).status()).isEqualTo(QuoteStatus.SUPERSEDED);
            quote = next.send(LATER);
        }
        assertThat(quote.revision()).isEqualTo(rejected.size() + 1);
    }

    @Provide
    Arbitrary<List<Boolean>> answers() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(30);
    }
}
