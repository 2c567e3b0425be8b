package dev.td.server.events;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits; sorts by creation time.
 * The random bits come from {@link ThreadLocalRandom}, not {@code SecureRandom}: event ids must be unique
 * and time-ordered, not secret or unguessable (they are no credential; access is checked on every read),
 * and a shared {@code SecureRandom} serialises concurrent appends on its lock.
 */
final class Uuid7 {

    private Uuid7() {}

    static UUID at(Instant time) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = time.toEpochMilli();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
