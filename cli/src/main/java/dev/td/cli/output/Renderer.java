package dev.td.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.util.List;

/**
 * Turns one JSON answer into the text {@code td} prints, by {@link OutputOptions}. JSON keeps the
 * whole answer (with {@code --fields}, each row keeps only those fields); a table and CSV show the
 * rows of {@code data} only (see {@link Rows}), one column per field.
 */
public final class Renderer {

    private Renderer() {}

    /** The text to print, ending with a line break; a table or CSV of no rows and no fields is empty. */
    public static String render(JsonNode json, OutputOptions options) {
        return switch (options.format()) {
            case JSON -> json(options.fields().isEmpty() ? json : Rows.project(json, options.fields()), options);
            case TABLE ->
                header(json, options).isEmpty() ? "" : TextTable.render(header(json, options), cells(json, options));
            case CSV -> header(json, options).isEmpty() ? "" : Csv.render(header(json, options), cells(json, options));
        };
    }

    /** The requested fields that no row has (a likely typo); empty when every field is found or there are no rows. */
    public static List<String> unknownFields(JsonNode json, OutputOptions options) {
        return Rows.unknown(json, options.fields());
    }

    /** The fields the rows have, for a message about an unknown field. */
    public static List<String> availableFields(JsonNode json) {
        return Rows.columns(Rows.of(json));
    }

    private static String json(JsonNode json, OutputOptions options) {
        try {
            return (options.compact()
                            ? Json.mapper().writeValueAsString(json)
                            : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static List<String> header(JsonNode json, OutputOptions options) {
        return options.fields().isEmpty() ? Rows.columns(Rows.of(json)) : options.fields();
    }

    private static List<List<String>> cells(JsonNode json, OutputOptions options) {
        List<String> header = header(json, options);
        if (header.isEmpty()) {
            return List.of();
        }
        return Rows.of(json).stream()
                .map(row -> header.stream()
                        .map(field -> Cells.text(Rows.at(row, field)))
                        .toList())
                .toList();
    }
}
