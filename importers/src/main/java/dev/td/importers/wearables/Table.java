package dev.td.importers.wearables;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.td.importers.ImportException;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * A CSV file read row by row as cells (Jackson's CSV parser, no schema), its columns found by name regardless of case.
 * Every row must have as many cells as the header; blank lines are passed over. Rows are numbered like a
 * spreadsheet's, the header being row 1; errors are {@link ImportException#badFile} naming the file, the row and its
 * line.
 */
final class Table implements AutoCloseable {

    private static final CsvMapper MAPPER = new CsvMapper();

    /** What the decoder writes for bytes that are not UTF-8, so a bad byte is found in its row and cell. */
    private static final char REPLACEMENT = '\uFFFD';

    private final String file;
    private final String howToExport;
    private final CsvParser parser;
    private final List<String> header;
    private int records;
    private int dataRows;
    private long recordLine;

    private Table(String file, String howToExport, CsvParser parser) {
        this.file = file;
        this.howToExport = howToExport;
        this.parser = parser;
        List<String> names = record().orElseThrow(() -> ImportException.badFile(file + " is empty: " + howToExport));
        names.replaceAll(name -> name.replace("\uFEFF", "").strip());
        this.header = List.copyOf(names);
    }

    /**
     * Reads the header row of {@code in} (UTF-8); the table closes {@code in}.
     *
     * @param file        the name messages give the file ({@code export.zip: sleeps.csv})
     * @param howToExport what to do to get a good file, ending every "file is wrong" message
     */
    static Table open(InputStream in, String file, char separator, String howToExport) {
        CsvParser parser = null;
        boolean opened = false;
        try {
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            parser = MAPPER.getFactory().createParser(new BufferedReader(new InputStreamReader(in, decoder)));
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            Table table = new Table(file, howToExport, parser);
            opened = true;
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!opened) {
                closeQuietly(parser != null ? parser : in);
            }
        }
    }

    /** The first line of a file's first bytes: a CSV's header row, for telling files apart. */
    static String firstLine(String head) {
        int end = head.indexOf('\n');
        return (end < 0 ? head : head.substring(0, end)).replace("\r", "");
    }

    String file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** The first column named one of {@code names}, compared without case. */
    Optional<Column> column(String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(name)) {
                    return Optional.of(new Column(i, header.get(i)));
                }
            }
        }
        return Optional.empty();
    }

    /** The first column whose name starts with {@code prefix}, compared without case ("Temperature Deviation (°C)"). */
    Optional<Column> columnStarting(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).startsWith(lower)) {
                return Optional.of(new Column(i, header.get(i)));
            }
        }
        return Optional.empty();
    }

    /** The column this file cannot be read without. */
    Column required(String name, String what) {
        return column(name)
                .orElseThrow(() -> ImportException.badFile(file + " has no column \"" + name + "\" in its header row,"
                        + " so it is not " + what + " (or an edited one): " + howToExport));
    }

    /** The next data row; empty at the end of the file. */
    Optional<Row> next() {
        while (true) {
            Optional<List<String>> cells = record();
            if (cells.isEmpty()) {
                return Optional.empty();
            }
            List<String> row = cells.get();
            if (row.size() == 1 && row.getFirst().isBlank() && header.size() > 1) {
                continue;
            }
            if (row.size() != header.size()) {
                throw ImportException.badFile(file + " row " + records + " (line " + recordLine + ") has " + row.size()
                        + " cells where the header has " + header.size() + ": a value with the separator in it needs"
                        + " double quotes, or the row was cut; fix that row or " + howToExport
                        + " (rows count the header as row 1)");
            }
            dataRows++;
            return Optional.of(new Row(file, records, recordLine, row));
        }
    }

    /** How many data rows {@link #next()} has returned. */
    int dataRows() {
        return dataRows;
    }

    /** The next record's cells; empty at the end of the file. */
    private Optional<List<String>> record() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY && records == 0) {
                token = parser.nextToken(); // WRAP_AS_ARRAY: the file is one array of rows
            }
            if (token != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            records++;
            List<String> cells = new ArrayList<>();
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw ImportException.badFile(
                            file + " ends inside row " + records + ": the file is cut short; " + howToExport);
                }
                if (cells.isEmpty()) {
                    recordLine = parser.currentTokenLocation().getLineNr();
                }
                String cell = parser.getText();
                if (cell.indexOf(REPLACEMENT) >= 0) {
                    throw ImportException.badFile(
                            file + " row " + records + " (line " + recordLine + "), cell " + (cells.size() + 1)
                                    + " is not UTF-8 text: " + howToExport + ", or save the file as UTF-8");
                }
                cells.add(cell);
            }
            return Optional.of(cells);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw ImportException.badFile(
                    file + " row " + Math.max(records, 1) + where + " is not valid CSV: " + e.getOriginalMessage()
                            + ". A quote opened in a cell must be closed and a quote inside a quoted cell is written"
                            + " twice (\"\"); fix that row or " + howToExport,
                    e);
        } catch (ZipException | EOFException e) {
            throw ImportException.badFile(
                    file + " cannot be read after row " + records + " (" + e.getMessage() + "): it is damaged or cut"
                            + " short; " + howToExport,
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a file only read: nothing to lose
        }
    }
}
