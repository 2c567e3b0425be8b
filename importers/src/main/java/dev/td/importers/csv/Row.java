package dev.td.importers.csv;

import dev.td.importers.ImportException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One data row of a CSV file, with its number (the header is row 1) and cells read by {@link Column}: typed values, or
 * an {@link ImportException#badFile} naming the file, row, column and the fix.
 *
 * @param file   the file's name, for messages
 * @param number the row's number, counting the header as row 1 (a spreadsheet's numbering)
 * @param cells  the cells, as many as the header has
 */
record Row(String file, int number, List<String> cells) {

    /** A plain decimal ("13.0", "-2", "1e3"); not Java's "NaN", "1d" or hex forms. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d{1,3})?");

    Row {
        cells = List.copyOf(cells);
    }

    /** The cell as the file has it. */
    String raw(Column column) {
        return cells.get(column.index());
    }

    /** The cell without surrounding spaces; empty when blank. */
    Optional<String> text(Column column) {
        String value = raw(column).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The cell, which must not be blank. */
    String requiredText(Column column) {
        return text(column).orElseThrow(() -> bad(column, "is empty", "every row needs it"));
    }

    /** The cell as an exact decimal; empty when blank. */
    Optional<BigDecimal> decimal(Column column) {
        return text(column).map(value -> {
            if (!DECIMAL.matcher(value).matches()) {
                throw bad(
                        column, "\"" + value + "\" is not a number", "write a number with a decimal point, or nothing");
            }
            return new BigDecimal(value);
        });
    }

    /** The cell as a number; empty when blank. */
    Optional<Double> number(Column column) {
        return decimal(column).map(BigDecimal::doubleValue);
    }

    /** The cell as a whole number, which the file may print as "13.0"; empty when blank. */
    Optional<Integer> integer(Column column) {
        return decimal(column).map(value -> {
            try {
                return value.stripTrailingZeros().intValueExact();
            } catch (ArithmeticException e) {
                throw bad(column, "\"" + raw(column).strip() + "\" is not a whole number", "write a whole number");
            }
        });
    }

    /** Where this row is, for skipped-record reports ({@code row 12}). */
    String where() {
        return "row " + number;
    }

    /** A bad cell: names the file, row, column, the problem and what to do. */
    ImportException bad(Column column, String problem, String fix) {
        return ImportException.badFile(file + " row " + number + ", column \"" + column.name() + "\": " + problem + "; "
                + fix + " (rows count the header as row 1)");
    }
}
