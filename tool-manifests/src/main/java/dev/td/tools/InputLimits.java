package dev.td.tools;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one set of limits that guards td's door (every tool's arguments, on every face) and its
 * reader (the JSON parser for request bodies and for what comes back from the database).
 *
 * <p>The door is stricter than the reader, so whatever is accepted can always be read back,
 * replayed and exported, inside the envelopes that wrap it on the way out ({@code get_events}
 * puts stored data four levels deep, JSON-RPC three more):
 *
 * <ul>
 *   <li>depth: arguments at most {@value #MAX_DEPTH} levels (the arguments object is level 1); the
 *       reader allows {@value #READ_DEPTH};
 *   <li>numbers: finite, at most {@value #MAX_SIGNIFICANT_DIGITS} significant digits and a decimal
 *       exponent within ±{@value #MAX_EXPONENT} (the range of a double), so no number ever needs
 *       more than about 350 characters written out in full; the reader parses at most
 *       {@value #READ_NUMBER_LENGTH} characters per number;
 *   <li>strings: at most {@value #MAX_STRING_LENGTH} characters, no NUL (PostgreSQL cannot store it)
 *       and no lone surrogate (not Unicode, cannot be stored exactly);
 *   <li>object keys: the same rules, at most {@value #MAX_KEY_LENGTH} characters; the reader allows
 *       {@value #READ_NAME_LENGTH}.
 * </ul>
 */
public final class InputLimits {

    /** Deepest nesting of tool arguments; the arguments object itself is level 1. */
    public static final int MAX_DEPTH = 40;

    /** Most characters in one object key. */
    public static final int MAX_KEY_LENGTH = 200;

    /** Most characters in one string value. */
    public static final int MAX_STRING_LENGTH = 100_000;

    /** Most significant digits of one number. */
    public static final int MAX_SIGNIFICANT_DIGITS = 40;

    /** Largest decimal exponent magnitude: a non-zero number lies within [1e-308, 1e309). */
    public static final int MAX_EXPONENT = 308;

    /** Deepest nesting the reader parses (request bodies, stored rows, JSON-RPC messages). */
    public static final int READ_DEPTH = 64;

    /** Longest number token the reader parses, in characters. */
    public static final int READ_NUMBER_LENGTH = 1000;

    /** Longest object key the reader parses, in characters. */
    public static final int READ_NAME_LENGTH = 1000;

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final BigInteger SIGNIFICANT_DIGITS_BOUND = BigInteger.TEN.pow(MAX_SIGNIFICANT_DIGITS);

    private InputLimits() {}

    /** What the reader allows: looser than the door, so anything accepted reads back. */
    public static StreamReadConstraints readConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(READ_DEPTH)
                .maxNumberLength(READ_NUMBER_LENGTH)
                .maxNameLength(READ_NAME_LENGTH)
                .build();
    }

    /**
     * Refuses arguments outside the limits with an {@code invalid_argument} error naming the JSON
     * path of the first offending value and how to fix it. Walks each node once; never recurses
     * deeper than {@link #MAX_DEPTH} + 1.
     */
    public static void check(JsonNode arguments) {
        check(arguments, "$", 1);
    }

    private static void check(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw ToolException.invalid(
                    path,
                    "the value at " + path + " is nested more than " + MAX_DEPTH
                            + " levels deep; td stores at most " + MAX_DEPTH
                            + " levels so that everything stored can be read back. Flatten the data");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (depth < MAX_DEPTH
                        && key.length() <= MAX_KEY_LENGTH
                        && firstUnstorable(key) < 0
                        && within(field.getValue())) {
                    continue; // a plain scalar: its path is only written out for a message
                }
                String child = childPath(path, key);
                if (key.length() > MAX_KEY_LENGTH) {
                    throw ToolException.invalid(
                            child,
                            "a key at " + path + " has " + key.length() + " characters; keys may have at most "
                                    + MAX_KEY_LENGTH + ". Use a shorter name and put long text in a value");
                }
                checkText(key, child, "the key");
                check(field.getValue(), child, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (depth >= MAX_DEPTH || !within(item)) {
                    check(item, path + "[" + i + "]", depth + 1);
                }
            }
        } else if (node.isTextual()) {
            String text = node.textValue();
            if (text.length() > MAX_STRING_LENGTH) {
                throw ToolException.invalid(
                        path,
                        "the text at " + path + " has " + text.length() + " characters; at most " + MAX_STRING_LENGTH
                                + " are allowed. Shorten it or split it over several events");
            }
            checkText(text, path, "the text");
        } else if (node.isNumber()) {
            checkNumber(node, path);
        }
    }

    /**
     * Whether {@code node} is a scalar that {@link #check} would pass, decided without writing out its path: an
     * int or long, a decimal within the limits, text within them, a boolean or null. Anything else (a container, a
     * double, a big integer, a value out of bounds) is left to {@link #check}, which says what is wrong and where.
     */
    private static boolean within(JsonNode node) {
        if (node.isInt() || node.isLong() || node.isShort() || node.isBoolean() || node.isNull()) {
            return true;
        }
        if (node.isBigDecimal()) {
            return decimalWithin(node.decimalValue());
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() <= MAX_STRING_LENGTH && firstUnstorable(text) < 0;
        }
        return false;
    }

    /** Whether a decimal is within the exponent range and precision; the exponent needs no stripping of zeros. */
    private static boolean decimalWithin(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        // precision − scale is the same before and after trailing zeros are stripped
        long exponent = (long) value.precision() - value.scale() - 1;
        return exponent <= MAX_EXPONENT
                && exponent >= -MAX_EXPONENT
                && (value.precision() <= MAX_SIGNIFICANT_DIGITS
                        || value.stripTrailingZeros().precision() <= MAX_SIGNIFICANT_DIGITS);
    }

    private static void checkNumber(JsonNode node, String path) {
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            if (!Double.isFinite(value)) {
                throw outOfRange(path, node.asText());
            }
            // a double's shortest decimal form has at most 17 digits; only its range needs checking
            checkDecimal(BigDecimal.valueOf(value), path);
        } else if (node.isBigDecimal()) {
            checkDecimal(node.decimalValue(), path);
        } else if (node.isBigInteger()) {
            BigInteger value = node.bigIntegerValue().abs();
            if (value.compareTo(SIGNIFICANT_DIGITS_BOUND) >= 0) {
                checkDecimal(new BigDecimal(value), path);
            }
        }
        // int and long fit in 19 digits: always within the limits
    }

    private static void checkDecimal(BigDecimal value, String path) {
        if (value.signum() == 0) {
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
            throw outOfRange(path, shortForm(stripped));
        }
        if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
            throw ToolException.invalid(
                    path,
                    "the number at " + path + " has " + stripped.precision()
                            + " significant digits; at most " + MAX_SIGNIFICANT_DIGITS
                            + " are kept exactly. Round it");
        }
    }

    private static ToolException outOfRange(String path, String number) {
        return ToolException.invalid(
                path,
                "the number at " + path + " (" + number + ") is out of range; numbers must be finite, with a magnitude "
                        + "between 1e-" + MAX_EXPONENT + " and 1e" + MAX_EXPONENT
                        + " (or 0). Check the value and its unit");
    }

    /** A short rendering for messages: never expands the exponent. */
    private static String shortForm(BigDecimal value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static void checkText(String text, String path, String what) {
        int i = firstUnstorable(text);
        if (i < 0) {
            return;
        }
        char c = text.charAt(i);
        if (c == 0) {
            throw ToolException.invalid(
                    path,
                    what + " at " + path + " contains a NUL character (U+0000) at position " + i
                            + ", which td cannot store; remove it");
        }
        throw loneSurrogate(path, what, c, i);
    }

    /** The position of the first NUL or lone surrogate in {@code text}, or −1 when it has none. */
    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    private static ToolException loneSurrogate(String path, String what, char c, int index) {
        return ToolException.invalid(
                path,
                what + " at " + path + " contains a lone surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + ") at position " + index
                        + ", which is not Unicode text and cannot be stored exactly; send valid UTF-8 (escape pairs like \\ud83d\\ude00 together)");
    }

    /** {@code $.data} + {@code weight} → {@code $.data.weight}; other keys in brackets, shortened. */
    static String childPath(String path, String key) {
        if (PLAIN_NAME.matcher(key).matches() && key.length() <= 64) {
            return path + "." + key;
        }
        String shown = key.length() > 32 ? key.substring(0, 29) + "..." : key;
        StringBuilder quoted = new StringBuilder();
        shown.codePoints().forEach(cp -> {
            if (cp == '\'' || cp == '\\') {
                quoted.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                quoted.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
            } else {
                quoted.appendCodePoint(cp);
            }
        });
        return path + "['" + quoted + "']";
    }
}
