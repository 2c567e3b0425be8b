package dev.td.server.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * td's rule for an API key it did not generate itself ({@code TD_BOOTSTRAP_API_KEY}), also applied to
 * every key presented: 32 to 200 printable ASCII characters without spaces, and an estimated strength
 * of at least 128 bits.
 *
 * <p>The estimate is the key's length times the Shannon entropy of its characters (bits per character,
 * from how often each character occurs in the key; the measure detect-secrets uses to find secrets), with
 * a key that repeats a shorter pattern counted as that pattern. It is conservative for random keys: 64
 * random hex digits ({@code openssl rand -hex 32}) score about 250 bits; 32 hex digits carry exactly 128
 * bits but score about 115 and are refused. It cannot see every structure (a keyboard walk can pass), so
 * a generated key stays the advice; td's own keys ({@code td_} and 40 base-62 characters, 238 random
 * bits) score about 200.
 */
public final class KeyStrength {

    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 200;
    public static final int MIN_BITS = 128;

    /** The rule in one sentence, for error messages and help. */
    public static final String RULE = "at least " + MIN_LENGTH + " random printable ASCII characters (at most "
            + MAX_LENGTH + ", no spaces) with an estimated " + MIN_BITS
            + " bits or more, e.g. the output of 'openssl rand -hex 32'";

    private KeyStrength() {}

    /** Why {@code key} does not meet the rule, in a short phrase that never repeats the key; empty if it does. */
    public static Optional<String> weakness(String key) {
        if (key.length() < MIN_LENGTH) {
            return Optional.of("it has " + key.length() + " characters, fewer than " + MIN_LENGTH);
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("it has " + key.length() + " characters, more than " + MAX_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c > '~') {
                return Optional.of("character " + (i + 1) + " is " + (c == ' ' ? "a space" : "not printable ASCII"));
            }
        }
        double bits = estimatedBits(key);
        if (bits < MIN_BITS) {
            return Optional.of(String.format(
                    java.util.Locale.ROOT,
                    "its characters carry an estimated %.0f bits (too few different characters, or a repeated pattern)",
                    bits));
        }
        return Optional.empty();
    }

    /** Whether {@code key} meets the rule. */
    public static boolean isStrong(String key) {
        return weakness(key).isEmpty();
    }

    /**
     * The estimate: (length, or the length of the pattern a repeated key repeats) × Shannon entropy of the
     * character frequencies, in bits.
     */
    static double estimatedBits(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < key.length(); i++) {
            counts.merge(key.charAt(i), 1, Integer::sum);
        }
        double perCharacter = 0;
        for (int count : counts.values()) {
            double p = (double) count / key.length();
            perCharacter -= p * Math.log(p) / Math.log(2);
        }
        return repeatedPatternLength(key) * perCharacter;
    }

    /**
     * The length of the shortest pattern whose repetition (the last copy possibly cut short) is the key, when
     * the key holds at least two whole copies of it; otherwise the key's length.
     */
    static int repeatedPatternLength(String key) {
        for (int period = 1; period <= key.length() / 2; period++) {
            if (key.regionMatches(period, key, 0, key.length() - period)) {
                return period;
            }
        }
        return key.length();
    }
}
