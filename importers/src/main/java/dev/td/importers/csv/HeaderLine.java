package dev.td.importers.csv;

import dev.td.importers.SourceFile;

/** The first line of a CSV file as {@code recognizes} compares it: without a byte-order mark and without quotes. */
final class HeaderLine {

    private static final String UTF8_BOM_AS_LATIN1 = "\u00EF\u00BB\u00BF";

    private HeaderLine() {}

    /** The file's first line from its head, quotes removed ({@code "title","start_time"} reads {@code title,start_time}). */
    static String of(SourceFile file) {
        String text = file.headText();
        if (text.startsWith(UTF8_BOM_AS_LATIN1)) {
            text = text.substring(UTF8_BOM_AS_LATIN1.length());
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.replace("\"", "").strip();
    }
}
