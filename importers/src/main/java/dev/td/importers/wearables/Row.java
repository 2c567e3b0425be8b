package dev.td.importers.wearables;

import dev.td.importers.ImportException;
import java.util.List;
import java.util.Optional;

/**
 * One data row of a {@link Table} with typed cells, or an {@link ImportException#badFile} naming the file, row, line,
 * column and the fix.
 *
 * @param number the row's number, the header being row 1
 * @param line   the line the row starts on
 */
record Row(String file, int number, long line, List<String> cells) {

    Row {
        cells = List.copyOf(cells);
    }

    /** The cell without surrounding spaces; empty when blank. */
    Optional<String> text(Column column) {
        String value = cells.get(column.index()).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> text(Optional<Column> column) {
        return column.flatMap(this::text);
    }

    /** The cell as a number; empty when blank (or the column is absent). */
    Optional<Double> number(Optional<Column> column) {
        return column.flatMap(c -> text(c).map(value -> Numbers.parse(value)
                .orElseThrow(() -> bad(
                        c, "\"" + value + "\" is not a number", "the export writes a number or nothing" + " there"))));
    }

    /** Where this row is, for skipped-record reports ({@code sleeps.csv row 12}). */
    String where() {
        return file + " row " + number;
    }

    /** A bad cell: names the file, row, line, column, the problem and what to do. */
    ImportException bad(Column column, String problem, String fix) {
        return ImportException.badFile(file + " row " + number + " (line " + line + "), column \"" + column.name()
                + "\": " + problem + "; " + fix + " (rows count the header as row 1)");
    }
}
