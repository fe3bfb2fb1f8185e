package dev.kehu.crm.quote;

import static dev.kehu.crm.quote.QuoteFixtures.CREATED;
import static dev.kehu.crm.quote.QuoteFixtures.DAY;
import static dev.kehu.crm.quote.QuoteFixtures.LATER;
import static dev.kehu.crm.quote.QuoteFixtures.USD;
import static dev.kehu.crm.quote.QuoteFixtures.cny;
import static dev.kehu.crm.quote.QuoteFixtures.draft;
import static dev.kehu.crm.quote.QuoteFixtures.line;
import static dev.kehu.crm.quote.QuoteFixtures.oneLineDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuoteLifecycleTest {
    private static final Instant AFTER = LATER.plusSeconds(3600);
    private static final QuoteId SECOND = new QuoteId("q-2");

    private static Quote sent() {
        return oneLineDraft().send(LATER);
    }

    private static String refusal(ThrowingCallable call) {
        BusinessRuleException e = catchThrowableOfType(BusinessRuleException.class, call);
        assertThat(e).as("a business rule refuses the call").isNotNull();
        return e.code();
    }

    private static List<QuoteLine> newLines() {
        return List.of(line("3", "1999.00", "20"));
    }

    @Test
    @DisplayName("a draft is sent, then accepted, each step stamping the time of the change only")
    void sendAndAccept() {
        Quote sent = sent();
        Quote accepted = sent.accept(AFTER);

        assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(accepted.createdAt()).isEqualTo(CREATED);
        assertThat(accepted.updatedAt()).isEqualTo(AFTER);
        assertThat(accepted.toBuilder().status(QuoteStatus.DRAFT).updatedAt(CREATED).build()).isEqualTo(oneLineDraft());
    }

    @Test
    @DisplayName("a sent quote can be rejected")
    void reject() {
        assertThat(sent().reject(AFTER).status()).isEqualTo(QuoteStatus.REJECTED);
    }

    @Test
    @DisplayName("a quote without lines cannot be sent")
    void emptyNotSendable() {
        assertThat(refusal(() -> draft().lines(List.of()).build().send(LATER))).isEqualTo("quote.empty");
    }

    @Test
    @DisplayName("a quote is sent only once, and only from draft")
    void sendOnce() {
        assertThat(refusal(() -> sent().send(AFTER))).isEqualTo("quote.not-sendable");
        assertThat(refusal(() -> sent().accept(AFTER).send(AFTER))).isEqualTo("quote.not-sendable");
        assertThat(refusal(() -> sent().reject(AFTER).send(AFTER))).isEqualTo("quote.not-sendable");
    }

    @Test
    @DisplayName("the customer answers only a sent quote: a draft cannot be accepted or rejected")
    void draftNotAnswered() {
        assertThat(refusal(() -> oneLineDraft().accept(LATER))).isEqualTo("quote.not-acceptable");
        assertThat(refusal(() -> oneLineDraft().reject(LATER))).isEqualTo("quote.not-rejectable");
    }

    @Test
    @DisplayName("the customer's answer is final: an accepted quote is not rejected, a rejected one not accepted")
    void answerFinal() {
        assertThat(refusal(() -> sent().accept(AFTER).reject(AFTER))).isEqualTo("quote.not-rejectable");
        assertThat(refusal(() -> sent().reject(AFTER).accept(AFTER))).isEqualTo("quote.not-acceptable");
        assertThat(refusal(() -> sent().accept(AFTER).accept(AFTER))).isEqualTo("quote.not-acceptable");
    }

    @Test
    @DisplayName("an accepted quote is neither revised nor superseded")
    void acceptedIsFinal() {
        Quote accepted = sent().accept(AFTER);

        assertThat(refusal(() -> accepted.revise(SECOND, DAY, newLines(), AFTER))).isEqualTo("quote.not-revisable");
        assertThat(refusal(() -> accepted.supersede(AFTER))).isEqualTo("quote.not-supersedable");
    }

    @Test
    @DisplayName("a draft is edited, not revised")
    void draftNotRevised() {
        assertThat(refusal(() -> oneLineDraft().revise(SECOND, DAY, newLines(), LATER))).isEqualTo("quote.not-revisable");
        assertThat(refusal(() -> oneLineDraft().supersede(LATER))).isEqualTo("quote.not-supersedable");
    }

    @Test
    @DisplayName("a superseded quote can be neither sent, accepted, rejected, revised nor superseded again")
    void supersededIsFinal() {
        Quote superseded = sent().supersede(AFTER);

        assertThat(superseded.status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(refusal(() -> superseded.send(AFTER))).isEqualTo("quote.not-sendable");
        assertThat(refusal(() -> superseded.accept(AFTER))).isEqualTo("quote.not-acceptable");
        assertThat(refusal(() -> superseded.reject(AFTER))).isEqualTo("quote.not-rejectable");
        assertThat(refusal(() -> superseded.revise(SECOND, DAY, newLines(), AFTER))).isEqualTo("quote.not-revisable");
        assertThat(refusal(() -> superseded.supersede(AFTER))).isEqualTo("quote.not-supersedable");
    }

    @Test
    @DisplayName("a revision is a new draft with the next number, naming the quote it replaces, which is then superseded")
    void revise() {
        OpportunityId deal = new OpportunityId("o-7");
        Quote first = draft(line("3", "1999.00", "15")).opportunity(deal).notes("含税").version(4).build().send(LATER);
        LocalDate nextDay = DAY.plusDays(1);

        Quote second = first.revise(SECOND, nextDay, newLines(), AFTER);
        Quote replaced = first.supersede(AFTER);

        assertThat(second.id()).isEqualTo(SECOND);
        assertThat(second.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.previous()).isEqualTo(first.id());
        assertThat(second.date()).isEqualTo(nextDay);
        assertThat(second.lines()).isEqualTo(newLines());
        assertThat(second.total()).isEqualTo(cny("4797.60"));
        assertThat(second.customer()).isEqualTo(first.customer());
        assertThat(second.tenant()).isEqualTo(first.tenant());
        assertThat(second.opportunity()).isEqualTo(deal);
        assertThat(second.currency()).isEqualTo(first.currency());
        assertThat(second.notes()).isEqualTo("含税");
        assertThat(second.createdAt()).isEqualTo(AFTER);
        assertThat(second.updatedAt()).isEqualTo(AFTER);
        assertThat(second.version()).isZero();
        assertThat(first.status()).as("revising leaves the original to the caller").isEqualTo(QuoteStatus.SENT);
        assertThat(replaced.status()).isEqualTo(QuoteStatus.SUPERSEDED);
    }

    @Test
    @DisplayName("a rejected quote is revised, and the chain goes on: revision 3 replaces revision 2")
    void chain() {
        Quote second = sent().revise(SECOND, DAY, newLines(), AFTER);
        Quote rejected = second.send(AFTER).reject(AFTER);

        Quote third = rejected.revise(new QuoteId("q-3"), DAY, newLines(), AFTER);

        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.previous()).isEqualTo(SECOND);
        assertThat(rejected.supersede(AFTER).status()).isEqualTo(QuoteStatus.SUPERSEDED);
    }

    @Test
    @DisplayName("a revision keeps the quote's currency and refuses lines priced in another")
    void revisionCurrency() {
        List<QuoteLine> dollars = List.of(line("1", "100.00", USD, "0"));

        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> sent().revise(SECOND, DAY, dollars, AFTER))).isNotNull();
    }
}
