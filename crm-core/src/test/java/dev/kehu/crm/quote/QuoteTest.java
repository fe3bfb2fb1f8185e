package dev.kehu.crm.quote;

import static dev.kehu.crm.quote.QuoteFixtures.JPY;
import static dev.kehu.crm.quote.QuoteFixtures.USD;
import static dev.kehu.crm.quote.QuoteFixtures.cny;
import static dev.kehu.crm.quote.QuoteFixtures.draft;
import static dev.kehu.crm.quote.QuoteFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuoteTest {
    @Test
    @DisplayName("the total is the sum of the line totals in the quote's currency")
    void total() {
        Quote quote = draft(line("3", "1999.00", "15"), line("2", "88.50", "0"), line("1", "1200.00", "100")).build();

        assertThat(quote.total()).isEqualTo(cny("5274.45"));
    }

    @Test
    @DisplayName("each line is rounded once, so three lines of ¥6.667 total ¥20.01, not ¥20.00")
    void roundedPerLine() {
        QuoteLine third = line("1", "10.00", "33.33");

        assertThat(draft(third, third, third).build().total()).isEqualTo(cny("20.01"));
    }

    @Test
    @DisplayName("a quote without lines totals zero in its currency")
    void emptyTotal() {
        Quote yen = draft().currency(JPY).build();

        assertThat(yen.total()).isEqualTo(Money.zero(JPY));
        assertThat(yen.total().amount().toPlainString()).isEqualTo("0");
    }

    @Test
    @DisplayName("a line priced in another currency is refused when the quote is built")
    void mixedCurrencies() {
        CurrencyMismatchException e = catchThrowableOfType(CurrencyMismatchException.class,
                () -> draft(line("1", "10.00", "0"), line("1", "10.00", USD, "0")).build());

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("money.currency-mismatch");
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> draft(line("1", "10", JPY, "0")).build())).isNotNull();
    }

    @Test
    @DisplayName("the quote keeps its own copy of the lines")
    void linesCopied() {
        List<QuoteLine> lines = new ArrayList<>(List.of(line("1", "10.00", "0")));
        Quote quote = draft().lines(lines).build();
        lines.add(line("1", "99.00", "0"));

        assertThat(quote.lines()).hasSize(1);
        assertThat(quote.total()).isEqualTo(cny("10.00"));
    }

    @Test
    @DisplayName("revision 1 names no previous quote, a later revision must, and never itself")
    void revisionChain() {
        assertThatIllegalArgumentException().isThrownBy(() -> draft().previous(new QuoteId("q-0")).build());
        assertThatIllegalArgumentException().isThrownBy(() -> draft().revision(2).build());
        assertThatIllegalArgumentException().isThrownBy(() -> draft().revision(0).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> draft().revision(2).previous(new QuoteId("q-1")).build());
        assertThat(draft().revision(2).previous(new QuoteId("q-0")).build().previous()).isEqualTo(new QuoteId("q-0"));
    }

    @Test
    @DisplayName("only a draft may have no lines")
    void onlyDraftsEmpty() {
        assertThat(draft().build().lines()).isEmpty();
        for (QuoteStatus status : List.of(QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.REJECTED,
                QuoteStatus.SUPERSEDED)) {
            assertThatIllegalArgumentException().isThrownBy(() -> draft().status(status).build());
        }
    }

    @Test
    @DisplayName("the statuses have Chinese and English labels")
    void labels() {
        assertThat(List.of(QuoteStatus.values())).extracting(s -> s.label(Locale.SIMPLIFIED_CHINESE))
                .containsExactly("草稿", "已发送", "已接受", "已拒绝", "已被替代");
        assertThat(List.of(QuoteStatus.values())).extracting(s -> s.label(Locale.ENGLISH))
                .containsExactly("draft", "sent", "accepted", "rejected", "superseded");
    }

    @Test
    @DisplayName("the audit trail sees the lines, the total and the status")
    void auditFields() {
        Quote quote = draft(line("3", "1999.00", "15")).notes("含税").build();

        assertThat(quote.auditFields())
                .containsEntry("currency", "CNY")
                .containsEntry("lines", "[KH-100 服务器 × 3 @ 1999.00 −15%]")
                .containsEntry("total", "5097.45")
                .containsEntry("status", "DRAFT")
                .containsEntry("notes", "含税")
                .containsEntry("previous", null);
    }
}
