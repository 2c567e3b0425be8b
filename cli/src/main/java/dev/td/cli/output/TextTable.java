package dev.td.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned with spaces: a header line of the field names, then one line per row; columns
 * are two spaces apart, nothing is cut, and line breaks and tabs inside a cell are written as
 * {@code \n}, {@code \r} and {@code \t} so that every row stays on one line.
 */
final class TextTable {

    private static final String GAP = "  ";

    private TextTable() {}

    static String render(List<String> header, List<List<String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        rows.forEach(row -> lines.add(row.stream().map(TextTable::oneLine).toList()));
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                out.append(cell);
                if (i < widths.length - 1) {
                    out.repeat(' ', widths[i] - width(cell)).append(GAP);
                }
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }

    private static String oneLine(String cell) {
        return cell.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
