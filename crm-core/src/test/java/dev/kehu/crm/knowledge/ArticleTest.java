package dev.kehu.crm.knowledge;

import static dev.kehu.crm.common.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.support.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArticleTest {
    static final TenantId TENANT = new TenantId("t");
    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    static Article article(String id, String title, String body, String... keywords) {
        return Article.write(new ArticleId(id), TENANT, title, body, List.of(keywords), T0);
    }

    static final Article PAPER_JAM = article("a-1", "打印机卡纸的处理", "先关闭电源，打开后盖取出纸张，检查搓纸轮是否磨损。",
            "打印机", "卡纸", "HP");
    static final Article VPN = article("a-2", "VPN cannot connect", "Check the client version and reset the password.",
            "vpn", "远程办公");
    static final Article INVOICE = article("a-3", "How to reissue an invoice", "Ask finance to void the old invoice (发票) first.",
            "invoice", "发票");

    @Test
    @DisplayName("an article is written as a draft, published, withdrawn and linked to the tickets it resolved")
    void lifecycle() {
        assertThat(PAPER_JAM.published()).isFalse();
        Article published = PAPER_JAM.publish(T0.plusSeconds(60));
        assertThat(published.published()).isTrue();
        assertThat(refusal(() -> published.publish(T0)).code()).isEqualTo("knowledge.published");
        assertThat(published.withdraw(T0).published()).isFalse();
        assertThat(refusal(() -> PAPER_JAM.withdraw(T0)).code()).isEqualTo("knowledge.not-published");
        Article linked = published.link(new TicketId("tk-1"), T0).link(new TicketId("tk-2"), T0);
        assertThat(linked.linkedTickets()).containsExactlyInAnyOrder(new TicketId("tk-1"), new TicketId("tk-2"));
        assertThat(refusal(() -> linked.link(new TicketId("tk-1"), T0)).code()).isEqualTo("knowledge.ticket.linked");
        assertThat(linked.auditFields()).containsEntry("linkedTickets", "tk-1, tk-2").containsEntry("published", "true");
        Article edited = linked.edit("打印机卡纸怎么办", linked.body(), List.of("卡纸"), T0);
        assertThat(edited.published()).isTrue();
        assertThat(edited.linkedTickets()).hasSize(2);
    }

    @Test
    @DisplayName("keywords are stripped, blanks dropped and duplicates ignoring case and width removed")
    void keywords() {
        Article a = article("a-9", "t", "b", " VPN ", "vpn", "", "ＶＰＮ", "远程", "远程");
        assertThat(a.keywords()).containsExactly("VPN", "远程");
    }

    @Test
    @DisplayName("an article needs a title and a body")
    void refusals() {
        assertThat(refusal(() -> article("a-9", " ", "b")).code()).isEqualTo("knowledge.title.blank");
        assertThat(refusal(() -> article("a-9", "t", "　")).code()).isEqualTo("knowledge.body.blank");
        assertThat(refusal(() -> PAPER_JAM.edit("t", "", List.of(), T0)).code()).isEqualTo("knowledge.body.blank");
        assertThatThrownBy(() -> new Article(new ArticleId("a-9"), TENANT, "", "b", List.of(), Set.of(), false, T0, T0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
