package dev.td.importers.apple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Record ids for what Apple gives no id: {@code apple_health:<kind>:<instant>:<hash>}, the hash over the fields that
 * make the record itself (type, instant, raw source name, value). Instants, not the written dates: the same moment is
 * written with -0700 in one export and -0800 in another.
 */
final class RecordIds {

    private RecordIds() {}

    static String of(String kind, long epochSecond, String... identity) {
        return MetricDrafts.SOURCE + ":" + kind + ":" + Instant.ofEpochSecond(epochSecond) + ":"
                + hash(epochSecond, identity);
    }

    /** The first 64 bits of SHA-256 over the parts, as 16 hex digits. */
    private static String hash(long epochSecond, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Long.toString(epochSecond).getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                digest.update((byte) 0x1f);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
