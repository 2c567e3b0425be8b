package dev.td.importers.wearables;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four CSV files of a WHOOP data export, told apart by their header row (never by the file's name): every one
 * starts with the cycle it belongs to ({@code Cycle start time}); workouts have a {@code Workout start time}, journal
 * entries a {@code Question text}, physiological cycles a {@code Recovery score %} or {@code Day Strain}, sleeps a
 * {@code Sleep onset} and {@code Nap}. In reading order: cycles first, so workouts find their cycle's time zone.
 */
enum WhoopTable {
    CYCLES("physiological_cycles.csv"),
    SLEEPS("sleeps.csv"),
    WORKOUTS("workouts.csv"),
    JOURNAL("journal_entries.csv");

    private final String exportName;

    WhoopTable(String exportName) {
        this.exportName = exportName;
    }

    /** The file's name in WHOOP's export, for messages. */
    String exportName() {
        return exportName;
    }

    /** Which WHOOP file has this first line (a CSV header, possibly with quotes or a byte-order mark). */
    static Optional<WhoopTable> of(String headerLine) {
        Set<String> names = Arrays.stream(headerLine
                        .replace("\uFEFF", "")
                        .replace("\u00EF\u00BB\u00BF", "")
                        .replace("\"", "")
                        .split(",", -1))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (!names.contains("cycle start time")) {
            return Optional.empty();
        }
        if (names.contains("workout start time")) {
            return Optional.of(WORKOUTS);
        }
        if (names.contains("question text")) {
            return Optional.of(JOURNAL);
        }
        if (names.contains("recovery score %") || names.contains("day strain")) {
            return Optional.of(CYCLES);
        }
        if (names.contains("sleep onset") && names.contains("nap")) {
            return Optional.of(SLEEPS);
        }
        return Optional.empty();
    }
}
