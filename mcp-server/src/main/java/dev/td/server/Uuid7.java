package dev.td.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits; sorts by creation time. */
final class Uuid7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {
    }

    static UUID at(Instant time) {
        long millis = time.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
