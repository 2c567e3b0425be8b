package dev.td.importers.csv;

import dev.td.importers.ImportException;
import java.util.List;
import java.util.Optional;

/**
 * The header row of a CSV file: finds columns by name, and the n-th column of a name that occurs more than once
 * (Strava's {@code Distance} is km first and metres second), so a future export with extra columns still reads.
 */
final class Header {

    private final String file;
    private final String format;
    private final List<String> names;

    Header(String file, String format, List<String> names) {
        this.file = file;
        this.format = format;
        this.names = List.copyOf(names);
    }

    int size() {
        return names.size();
    }

    /** The first column of this name. */
    Optional<Column> optional(String name) {
        return nth(name, 1);
    }

    /** The {@code n}-th (from 1) column of this name. */
    Optional<Column> nth(String name, int n) {
        int seen = 0;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name) && ++seen == n) {
                return Optional.of(new Column(i, name));
            }
        }
        return Optional.empty();
    }

    /** The first column of this name; a file without it is not this format. */
    Column required(String name) {
        return optional(name)
                .orElseThrow(() -> ImportException.badFile(file + " has no column \"" + name
                        + "\" in its header row, so it"
                        + " is not a " + format + " export (or an older or edited one): export it again from " + format
                        + " and import that file unchanged"));
    }

    /** The first of these names the header has. */
    Optional<Column> firstOf(String... candidates) {
        for (String name : candidates) {
            Optional<Column> column = optional(name);
            if (column.isPresent()) {
                return column;
            }
        }
        return Optional.empty();
    }
}
