package dev.td.cli.output;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The output formats of {@code -o}. */
public enum Format {
    /** The answer as it came, indented or on one line ({@code --compact}); the default. */
    JSON,
    /** The rows of {@code data} as columns aligned with spaces, for people. */
    TABLE,
    /** The rows of {@code data} as RFC 4180 CSV with a header line (LF line ends). */
    CSV;

    /** The name as {@code -o} takes it: {@code json}, {@code table}, {@code csv}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Format::label).toList();
    }

    public static Optional<Format> parse(String text) {
        return Arrays.stream(values())
                .filter(format -> format.label().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
