package dev.kehu.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FixedExchangeRatesTest {
    private static final Currency CNY = Money.CNY;
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2025, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2025, 3, 1);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    @DisplayName("the rate of a date is the one with the latest start on or before it")
    void latestOnOrBefore() {
        FixedExchangeRates rates = FixedExchangeRates.builder()
                .rate(USD, CNY, FEB, d("7.20")).rate(USD, CNY, JAN, d("7.10")).build();

        assertThat(rates.rate(USD, CNY, JAN.minusDays(1))).isEmpty();
        assertThat(rates.rate(USD, CNY, JAN)).contains(d("7.10"));
        assertThat(rates.rate(USD, CNY, FEB.minusDays(1))).contains(d("7.10"));
        assertThat(rates.rate(USD, CNY, FEB)).contains(d("7.20"));
        assertThat(rates.rate(USD, CNY, LocalDate.of(2030, 1, 1))).contains(d("7.20"));
    }

    @Test
    @DisplayName("a rate given only the other way round is inverted, rounded half-even to 16 significant digits")
    void inverse() {
        FixedExchangeRates rates = FixedExchangeRates.builder()
                .rate(USD, CNY, JAN, d("7.1")).rate(EUR, USD, JAN, d("1.25")).rate(CNY, JPY, JAN, d("3")).build();

        assertThat(rates.rate(CNY, USD, JAN)).contains(d("0.1408450704225352"));
        assertThat(rates.rate(USD, EUR, JAN)).contains(d("0.8"));
        assertThat(rates.rate(JPY, CNY, JAN)).contains(d("0.3333333333333333"));
        assertThat(rates.rate(JPY, CNY, JAN.minusDays(1))).isEmpty();
    }

    @Test
    @DisplayName("the most recent rate of a pair wins, whichever direction it was given in")
    void mostRecentDirection() {
        FixedExchangeRates rates = FixedExchangeRates.builder()
                .rate(USD, CNY, JAN, d("7.10")).rate(CNY, USD, FEB, d("0.125")).build();

        assertThat(rates.rate(USD, CNY, JAN)).contains(d("7.10"));
        assertThat(rates.rate(USD, CNY, FEB)).contains(d("8"));
        assertThat(rates.rate(CNY, USD, JAN)).contains(d("0.1408450704225352"));
        assertThat(rates.rate(CNY, USD, MAR)).contains(d("0.125"));
    }

    @Test
    @DisplayName("when both directions start on the same date, each direction uses the rate given for it")
    void bothDirections() {
        FixedExchangeRates rates = FixedExchangeRates.builder()
                .rate(USD, CNY, JAN, d("7.10")).rate(CNY, USD, JAN, d("0.14")).build();

        assertThat(rates.rate(USD, CNY, FEB)).contains(d("7.10"));
        assertThat(rates.rate(CNY, USD, FEB)).contains(d("0.14"));
    }

    @Test
    @DisplayName("a pair without a rate in either direction has none, even when a third currency links them")
    void noTriangulation() {
        FixedExchangeRates rates = FixedExchangeRates.builder()
                .rate(USD, CNY, JAN, d("7.10")).rate(CNY, JPY, JAN, d("20.5")).build();

        assertThat(rates.rate(USD, JPY, FEB)).isEmpty();
        assertThat(rates.rate(JPY, USD, FEB)).isEmpty();
        assertThat(FixedExchangeRates.builder().build().rate(EUR, USD, FEB)).isEmpty();
    }

    @Test
    @DisplayName("a currency is worth exactly one of itself")
    void sameCurrency() {
        assertThat(FixedExchangeRates.builder().build().rate(JPY, JPY, JAN)).contains(BigDecimal.ONE);
    }

    @Test
    @DisplayName("converting money uses the table and rounds to the target currency's minor units")
    void convert() {
        FixedExchangeRates rates = FixedExchangeRates.builder().rate(USD, CNY, JAN, d("7.1234")).build();

        assertThat(rates.convert(Money.of("100.00", "USD"), CNY, FEB)).isEqualTo(Money.of("712.34", "CNY"));
        assertThat(rates.convert(Money.of("1000.00", "CNY"), USD, FEB)).isEqualTo(Money.of("140.38", "USD"));
        KehuException missing = catchThrowableOfType(KehuException.class,
                () -> rates.convert(Money.of("1", "USD"), CNY, JAN.minusDays(1)));
        assertThat(missing).isNotNull();
        assertThat(missing.code()).isEqualTo("money.no-rate");
    }

    @Test
    @DisplayName("a rate must be positive, between two currencies, and given once per pair and date")
    void invalidRates() {
        assertThatIllegalArgumentException().isThrownBy(() -> FixedExchangeRates.builder().rate(USD, CNY, JAN, d("0")));
        assertThatIllegalArgumentException().isThrownBy(() -> FixedExchangeRates.builder().rate(USD, CNY, JAN, d("-7")));
        assertThatIllegalArgumentException().isThrownBy(() -> FixedExchangeRates.builder().rate(USD, USD, JAN, d("1")));
        assertThatIllegalArgumentException().isThrownBy(() -> FixedExchangeRates.builder()
                .rate(USD, CNY, JAN, d("7.1")).rate(USD, CNY, JAN, d("7.2")));
    }

    @Test
    @DisplayName("a built table does not change when its builder goes on")
    void immutable() {
        FixedExchangeRates.Builder builder = FixedExchangeRates.builder().rate(USD, CNY, JAN, d("7.10"));
        FixedExchangeRates before = builder.build();
        builder.rate(USD, CNY, FEB, d("7.20")).rate(EUR, CNY, JAN, d("7.8"));

        assertThat(before.rate(USD, CNY, MAR)).contains(d("7.10"));
        assertThat(before.rate(EUR, CNY, MAR)).isEmpty();
        assertThat(builder.build().rate(USD, CNY, MAR)).contains(d("7.20"));
    }
}
