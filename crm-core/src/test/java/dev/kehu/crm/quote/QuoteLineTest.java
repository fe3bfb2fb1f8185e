package dev.kehu.crm.quote;

import static dev.kehu.crm.quote.QuoteFixtures.CNY;
import static dev.kehu.crm.quote.QuoteFixtures.JPY;
import static dev.kehu.crm.quote.QuoteFixtures.cny;
import static dev.kehu.crm.quote.QuoteFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kehu.crm.common.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuoteLineTest {
    @Test
    @DisplayName("three units at ¥1,999.00 with 15 % off come to ¥5,097.45")
    void discountedLine() {
        assertThat(line("3", "1999.00", "15").total()).isEqualTo(cny("5097.45"));
    }

    @Test
    @DisplayName("a line without discount costs quantity times unit price, fractions of a unit included")
    void noDiscount() {
        assertThat(QuoteLine.of("钢材", new BigDecimal("2.5"), cny("3800.00")).total()).isEqualTo(cny("9500.00"));
        assertThat(line("12", "0.99", "0").total()).isEqualTo(cny("11.88"));
    }

    @Test
    @DisplayName("a line total is rounded half-even to the currency's minor units")
    void halfEven() {
        assertThat(line("0.5", "0.05", "0").total()).isEqualTo(cny("0.02"));   // 0.025
        assertThat(line("0.5", "0.07", "0").total()).isEqualTo(cny("0.04"));   // 0.035
        assertThat(line("1", "10.00", "33.33").total()).isEqualTo(cny("6.67")); // 6.667
    }

    @Test
    @DisplayName("yen amounts have no decimals and round half-even to whole yen")
    void yen() {
        assertThat(line("3", "1999", JPY, "15").total()).isEqualTo(Money.of("5097", "JPY")); // 5097.45
        assertThat(line("1", "1001", JPY, "50").total()).isEqualTo(Money.of("500", "JPY"));  // 500.5
        assertThat(line("1", "1003", JPY, "50").total()).isEqualTo(Money.of("502", "JPY"));  // 501.5
        assertThat(line("3", "1999", JPY, "15").total().amount().scale()).isZero();
    }

    @Test
    @DisplayName("a full discount makes a line free, and a free line is allowed")
    void free() {
        assertThat(line("5", "200.00", "100").total()).isEqualTo(Money.zero(CNY));
        assertThat(line("5", "0", "0").total()).isEqualTo(Money.zero(CNY));
    }

    @Test
    @DisplayName("a missing discount means none, and quantities written with different scales are equal")
    void normalised() {
        QuoteLine plain = QuoteLine.of("KH-100 服务器", new BigDecimal("3"), cny("10"));
        QuoteLine written = new QuoteLine("KH-100 服务器", new BigDecimal("3.000"), cny("10.00"), null);
        assertThat(written).isEqualTo(plain);
        assertThat(written.discountPercent()).isEqualTo(BigDecimal.ZERO);
        assertThat(line("100", "1", "10.50").quantity().toString()).isEqualTo("100");
        assertThat(line("100", "1", "10.50").discountPercent().toString()).isEqualTo("10.5");
    }

    @Test
    @DisplayName("a line needs a product, a quantity above zero, a price not below zero and a discount of 0–100 %")
    void invalidLines() {
        assertThatIllegalArgumentException().isThrownBy(() -> line("0", "1.00", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> line("-1", "1.00", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> line("1", "-0.01", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> line("1", "1.00", "-0.01"));
        assertThatIllegalArgumentException().isThrownBy(() -> line("1", "1.00", "100.01"));
        assertThatIllegalArgumentException().isThrownBy(() -> QuoteLine.of(" ", BigDecimal.ONE, cny("1")));
    }
}
