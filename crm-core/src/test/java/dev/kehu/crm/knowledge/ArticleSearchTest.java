package dev.kehu.crm.knowledge;

import static dev.kehu.crm.knowledge.ArticleTest.INVOICE;
import static dev.kehu.crm.knowledge.ArticleTest.PAPER_JAM;
import static dev.kehu.crm.knowledge.ArticleTest.T0;
import static dev.kehu.crm.knowledge.ArticleTest.VPN;
import static dev.kehu.crm.knowledge.ArticleTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArticleSearchTest {
    @ParameterizedTest(name = "\"{0}\" finds the paper-jam article: {1}")
    @CsvSource(delimiter = '|', value = {
            "卡纸|true",          // a keyword
            "打印机 卡纸|true",    // two terms, both present
            "打印机　卡纸|true",   // ideographic space
            "打印机，搓纸轮|true", // full-width comma; a term found in the body
            "打印机、电源|true",   // enumeration comma
            "hp|true",            // keyword, other case
            "ＨＰ|true",           // full-width letters
            "处理|true",           // in the title
            "磨损|true",           // in the body
            "打印机 扫描仪|false", // every term must occur
            "传真|false"})
    @DisplayName("every term must occur in the title, the body or a keyword, whatever the case or width")
    void matches(String query, boolean expected) {
        assertThat(ArticleSearch.matches(PAPER_JAM, query)).isEqualTo(expected);
    }

    @Test
    @DisplayName("English text matches without case, and a blank query matches everything")
    void english() {
        assertThat(ArticleSearch.matches(VPN, "vpn CONNECT")).isTrue();
        assertThat(ArticleSearch.matches(VPN, "Password")).isTrue();
        assertThat(ArticleSearch.matches(VPN, "printer")).isFalse();
        assertThat(ArticleSearch.matches(VPN, "  ")).isTrue();
        assertThat(ArticleSearch.matches(VPN, null)).isTrue();
    }

    @Test
    @DisplayName("search offers published articles only, keyword hits before title hits before body hits")
    void search() {
        Article inBody = article("a-4", "Old invoices", "When the customer asks for a 发票 copy, print it again.")
                .publish(T0);
        Article byKeyword = INVOICE.publish(T0);
        List<Article> all = List.of(inBody, byKeyword, PAPER_JAM, VPN.publish(T0));
        assertThat(ArticleSearch.search(all, "发票")).containsExactly(byKeyword, inBody);
        assertThat(ArticleSearch.search(all, "卡纸")).as("a draft is not offered").isEmpty();
        assertThat(ArticleSearch.search(all, "invoice")).containsExactly(byKeyword, inBody);
        assertThat(ArticleSearch.relevance(byKeyword, "invoice")).isGreaterThan(ArticleSearch.relevance(inBody, "invoice"));
    }
}
