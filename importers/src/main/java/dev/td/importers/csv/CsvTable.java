package dev.td.importers.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV file read row by row with Jackson's CSV parser ({@code String[]} rows, no schema), checked as it goes: UTF-8
 * text, every row as many cells as the header, no unclosed quote. Blank lines are passed over. Errors are
 * {@link ImportException#badFile} naming the row.
 */
final class CsvTable implements AutoCloseable {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final char BOM = '\uFEFF';

    private final String file;
    private final CsvParser parser;
    private final Header header;
    private int rowNumber;
    private int dataRows;
    private int lastCellCount;

    private CsvTable(String file, String format, CsvParser parser) {
        this.file = file;
        this.parser = parser;
        List<String> names = readRecord(Integer.MAX_VALUE)
                .orElseThrow(() -> ImportException.badFile(file + " is empty: export it again from " + format));
        if (!names.isEmpty() && !names.getFirst().isEmpty() && names.getFirst().charAt(0) == BOM) {
            names.set(0, names.getFirst().substring(1));
        }
        names.replaceAll(String::strip);
        this.header = new Header(file, format, names);
    }

    /** Opens the file and reads its header row. */
    static CsvTable open(SourceFile source, char separator, String format) {
        CsvParser parser = null;
        try {
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(source.path()), decoder));
            parser = MAPPER.getFactory().createParser(reader);
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            CsvTable table = new CsvTable(source.name(), format, parser);
            parser = null;
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (parser != null) {
                closeQuietly(parser);
            }
        }
    }

    Header header() {
        return header;
    }

    /** The next data row; empty at the end of the file. */
    Optional<Row> next() {
        while (true) {
            Optional<List<String>> cells = readRecord(header.size() + 1);
            if (cells.isEmpty()) {
                return Optional.empty();
            }
            List<String> row = cells.get();
            if (row.size() == 1 && row.getFirst().isBlank() && header.size() > 1) {
                continue;
            }
            if (lastCellCount != header.size()) {
                throw ImportException.badFile(file + " row " + rowNumber + " has " + lastCellCount + " cells where the"
                        + " header has " + header.size() + ": a value with the separator in it needs double quotes, or"
                        + " the row was cut; fix that row or export the file again (rows count the header as row 1)");
            }
            dataRows++;
            return Optional.of(new Row(file, rowNumber, row));
        }
    }

    /** How many data rows {@link #next()} has returned. */
    int dataRows() {
        return dataRows;
    }

    /** The error for a file with a header and no data rows. */
    ImportException noRows(String what) {
        return ImportException.badFile(file + " has no rows after its header, so there are no " + what + " to import:"
                + " export it again with the date range that has them");
    }

    /** The next record's cells, at most {@code limit} of them kept; empty at the end of the file. */
    private Optional<List<String>> readRecord(int limit) {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY && rowNumber == 0) {
                token = parser.nextToken(); // WRAP_AS_ARRAY: the whole file is one array of rows
            }
            if (token != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            rowNumber++;
            lastCellCount = 0;
            List<String> cells = new ArrayList<>();
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw ImportException.badFile(
                            file + " ends inside row " + rowNumber + ": the file is cut short;" + " export it again");
                }
                if (cells.size() < limit) {
                    cells.add(parser.getText());
                }
                lastCellCount++;
            }
            return Optional.of(cells);
        } catch (CharacterCodingException e) {
            throw ImportException.badFile(
                    file + " row " + (rowNumber + 1) + " is not UTF-8 text: export it again from"
                            + " the app, or save it as UTF-8 CSV",
                    e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw ImportException.badFile(
                    file + " row " + Math.max(rowNumber, 1) + line + " is not valid CSV: "
                            + e.getOriginalMessage()
                            + ". A quote opened in a cell must be closed, and a quote inside a quoted"
                            + " cell is written twice (\"\"); fix that row or export the file again",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(CsvParser parser) {
        try {
            parser.close();
        } catch (IOException e) {
            // closing a file only read: nothing to lose
        }
    }
}
