package dev.td.importers.csv;

import dev.td.importers.Draft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short content hashes for record and session ids, and the length rule of {@link Draft#recordId()}. */
final class RecordKey {

    private RecordKey() {}

    /** The first 8 hex digits of the text's SHA-256: short, stable, and distinct enough within one person's data. */
    static String hash(String text) {
        return hash(text, 8);
    }

    static String hash(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * {@code prefix + part}, or, when that is over {@link Draft#MAX_RECORD_ID} characters, {@code prefix} with a hash
     * of {@code part} in its place (an exercise name of a hundred characters).
     */
    static String fit(String prefix, String part) {
        String id = prefix + part;
        return id.length() <= Draft.MAX_RECORD_ID ? id : prefix + "#" + hash(part, 32);
    }
}
