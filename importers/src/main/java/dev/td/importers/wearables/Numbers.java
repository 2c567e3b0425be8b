package dev.td.importers.wearables;

import java.util.Optional;
import java.util.regex.Pattern;

/** Numbers as the exports write them: plain decimals ("13.0", "-0.29", "1e3"), never Java's "NaN", "1d" or hex. */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d{1,3})?");

    private Numbers() {}

    /** The number {@code text} writes; empty when it is not a plain decimal. */
    static Optional<Double> parse(String text) {
        return DECIMAL.matcher(text).matches() ? Optional.of(Double.valueOf(text)) : Optional.empty();
    }
}
