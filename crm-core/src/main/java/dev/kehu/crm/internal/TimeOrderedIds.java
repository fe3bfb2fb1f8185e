package dev.kehu.crm.internal;

import dev.kehu.crm.common.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * The default {@link IdGenerator}: version-7 UUIDs (RFC 9562), time-ordered so that new rows land at the
 * end of database indexes, with the time taken from the injected clock.
 */
public final class TimeOrderedIds implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long most = (millis << 16) | (0x7L << 12) | randA;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
