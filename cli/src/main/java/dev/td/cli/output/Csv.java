package dev.td.cli.output;

import java.util.List;

/**
 * RFC 4180 CSV: a header line of the field names, then one line per row; a cell holding a comma,
 * a double quote or a line break is put in double quotes, its quotes doubled. Lines end with LF.
 */
final class Csv {

    private Csv() {}

    static String render(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        line(text, header);
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(cells.get(i)));
        }
        text.append('\n');
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
