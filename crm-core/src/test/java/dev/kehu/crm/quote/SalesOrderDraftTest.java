package dev.kehu.crm.quote;

import static dev.kehu.crm.quote.QuoteFixtures.CNY;
import static dev.kehu.crm.quote.QuoteFixtures.CUSTOMER;
import static dev.kehu.crm.quote.QuoteFixtures.LATER;
import static dev.kehu.crm.quote.QuoteFixtures.USD;
import static dev.kehu.crm.quote.QuoteFixtures.cny;
import static dev.kehu.crm.quote.QuoteFixtures.draft;
import static dev.kehu.crm.quote.QuoteFixtures.line;
import static dev.kehu.crm.quote.QuoteFixtures.oneLineDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.CurrencyMismatchException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SalesOrderDraftTest {
    private static final Quote SENT = draft(line("3", "1999.00", "15"), line("2", "88.50", "0")).build().send(LATER);

    @Test
    @DisplayName("an accepted quote produces a sales order draft with its customer, currency, lines and total")
    void fromAcceptedQuote() {
        Quote accepted = SENT.accept(LATER);

        SalesOrderDraft order = accepted.toSalesOrderDraft();

        assertThat(order.quote()).isEqualTo(accepted.id());
        assertThat(order.customer()).isEqualTo(CUSTOMER);
        assertThat(order.currency()).isEqualTo(CNY);
        assertThat(order.lines()).isEqualTo(accepted.lines());
        assertThat(order.total()).isEqualTo(cny("5274.45")).isEqualTo(accepted.total());
    }

    @Test
    @DisplayName("a quote that is not accepted produces no sales order")
    void onlyAccepted() {
        for (Quote quote : List.of(oneLineDraft(), SENT, SENT.reject(LATER), SENT.supersede(LATER))) {
            BusinessRuleException e = catchThrowableOfType(BusinessRuleException.class, quote::toSalesOrderDraft);
            assertThat(e).as(quote.status().name()).isNotNull();
            assertThat(e.code()).isEqualTo("quote.not-accepted");
        }
    }

    @Test
    @DisplayName("a sales order draft has at least one line, all in its currency")
    void invariants() {
        QuoteId quote = new QuoteId("q-1");
        assertThatIllegalArgumentException().isThrownBy(() -> new SalesOrderDraft(quote, CUSTOMER, CNY, List.of()));
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> new SalesOrderDraft(quote, CUSTOMER, USD, List.of(line("1", "1.00", "0"))))).isNotNull();
    }
}
