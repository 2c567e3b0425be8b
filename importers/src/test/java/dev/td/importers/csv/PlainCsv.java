package dev.td.importers.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reading of a sample CSV for expected values (RFC 4180 quoting, one record per line: the samples have
 * no line breaks inside cells). It shares no code with the importers, so a test comparing both checks the importer.
 */
final class PlainCsv {

    private PlainCsv() {}

    /** Every record of the file, the header first. */
    static List<List<String>> records(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty())
                    .map(PlainCsv::split)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The data records (without the header). */
    static List<List<String>> rows(Path file) {
        List<List<String>> all = records(file);
        return all.subList(1, all.size());
    }

    /** The position of a header name (its first occurrence). */
    static int column(Path file, String name) {
        int index = records(file).getFirst().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column " + name);
        }
        return index;
    }
}
