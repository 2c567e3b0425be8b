package dev.td.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A canonical text form of JSON for hashing: object keys sorted, no whitespace, numbers in plain
 * decimal form without trailing zeros ({@code 1e2}, {@code 100} and {@code 100.0} all become {@code 100}).
 * The same value read back from a JSONB column gives the same text, so the hash chain can be
 * re-verified from the stored rows. Tools use it too, to hash what a call asked.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {}

    /** The canonical text of a JSON value. */
    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                String[] names = new String[node.size()];
                int n = 0;
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names[n++] = it.next();
                }
                Arrays.sort(names);
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names[i], out);
                    out.append(':');
                    write(node.get(names[i]), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case NUMBER -> number(node, out);
            case STRING -> string(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            default -> out.append("null");
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isInt() || node.isLong()) {
            out.append(node.longValue());
            return;
        }
        BigDecimal stripped = node.decimalValue().stripTrailingZeros();
        out.append(stripped.signum() == 0 ? "0" : stripped.toPlainString());
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(s, plain, i);
                plain = i + 1;
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            }
        }
        out.append(s, plain, s.length()).append('"');
    }
}
