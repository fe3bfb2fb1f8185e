package dev.kehu.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Backoff TEN_TO_HUNDRED = Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(100));

    /** Draws the highest number allowed, or the lowest. */
    private static RandomGenerator drawing(boolean highest) {
        return new RandomGenerator() {
            @Override public long nextLong() { throw new UnsupportedOperationException("only bounded draws"); }
            @Override public long nextLong(long bound) { return highest ? bound - 1 : 0; }
        };
    }

    private static long waitMillis(Backoff backoff, int retry, boolean highest) {
        return backoff.before(retry, drawing(highest)).toMillis();
    }

    @Test
    @DisplayName("the ceiling doubles from the first wait up to the longest, and a wait is drawn in its upper half")
    void doublesUpToTheLongest() {
        assertThat(IntStream.rangeClosed(1, 6).mapToLong(retry -> waitMillis(TEN_TO_HUNDRED, retry, true)).toArray())
                .containsExactly(10L, 20L, 40L, 80L, 100L, 100L);
        assertThat(IntStream.rangeClosed(1, 6).mapToLong(retry -> waitMillis(TEN_TO_HUNDRED, retry, false)).toArray())
                .containsExactly(5L, 10L, 20L, 40L, 50L, 50L);
    }

    @Test
    @DisplayName("waits drawn with real random numbers stay between half the ceiling and the ceiling, and differ")
    void randomWaitsStayWithinTheirHalf() {
        SplittableRandom random = new SplittableRandom(7);
        List<Long> thirdWaits = IntStream.range(0, 200)
                .mapToObj(i -> TEN_TO_HUNDRED.before(3, random).toNanos()).toList();
        assertThat(thirdWaits).allSatisfy(nanos -> assertThat(nanos).isBetween(20_000_000L, 40_000_000L));
        assertThat(thirdWaits.stream().distinct().count()).as("distinct waits").isGreaterThan(100);
    }

    @Test
    @DisplayName("a high retry number waits the longest, without overflowing")
    void highRetryNumbersStayAtTheLongest() {
        Backoff hour = Backoff.exponential(Duration.ofNanos(3), Duration.ofHours(1));
        assertThat(hour.before(1_000, drawing(true))).isEqualTo(Duration.ofHours(1));
        assertThat(hour.before(63, drawing(false))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("no back-off waits nothing, and a one-nanosecond ceiling waits exactly that")
    void noneWaitsNothing() {
        assertThat(Backoff.none().before(5, new SplittableRandom(1))).isZero();
        assertThat(Backoff.exponential(Duration.ofNanos(1), Duration.ofNanos(1)).before(2, drawing(false)))
                .isEqualTo(Duration.ofNanos(1));
    }

    @Test
    @DisplayName("a negative first wait, a longest below the first or over an hour, and retry 0 are refused")
    void badArgumentsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.exponential(Duration.ofMillis(-1), Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Backoff.exponential(Duration.ofMillis(20), Duration.ofMillis(10)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofHours(1).plusNanos(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> TEN_TO_HUNDRED.before(0, new SplittableRandom(1)))
                .withMessageContaining("from 1");
    }
}
