package dev.td.importers.wearables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.ImportException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The named fields of one Oura record, whether an entry of the JSON export or a row of an App Data CSV (whose cells
 * hold nested objects as JSON): typed values, or an {@link ImportException#badFile} naming the record, the field and
 * the fix.
 */
sealed interface Fields {

    /** The record in the file, for reports ({@code oura.json sleep[3]}, {@code dailysleep.csv row 4}). */
    String where();

    /** The value as text, without surrounding spaces; empty when missing, null or blank. */
    Optional<String> text(String name);

    /** The value as a number; empty when missing or null. */
    Optional<Double> number(String name);

    /** A nested object; empty when missing or null. */
    Optional<Fields> object(String name);

    default ImportException bad(String name, String problem) {
        return ImportException.badFile(
                where() + ", field \"" + name + "\": " + problem + "; " + OuraImporter.HOW_TO_EXPORT);
    }

    /** A calendar day written {@code 2024-01-02}; the record has no meaning without it. */
    default LocalDate day(String name) {
        String text = text(name).orElseThrow(() -> bad(name, "is missing; every day's record has one"));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(name, "\"" + text + "\" is not a day like 2024-01-02");
        }
    }

    /** A date-time with its offset ({@code 2022-08-10T02:20:41-04:00}); empty when missing. */
    default Optional<OffsetDateTime> dateTime(String name) {
        return text(name).map(text -> {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(
                        name, "\"" + text + "\" is not a date and time with an offset like 2022-08-10T07:20:41-04:00");
            }
        });
    }

    /** The fields of a JSON object. */
    record Json(JsonNode node, String where) implements Fields {

        @Override
        public Optional<String> text(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isValueNode()) {
                throw bad(name, "is " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a value");
            }
            String text = value.asText().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        @Override
        public Optional<Double> number(String name) {
            JsonNode value = node.path(name);
            if (value.isNumber()) {
                return Optional.of(value.doubleValue());
            }
            return text(name)
                    .map(text -> Numbers.parse(text).orElseThrow(() -> bad(name, "\"" + text + "\" is not a number")));
        }

        @Override
        public Optional<Fields> object(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                throw bad(name, "is not an object");
            }
            return Optional.of(new Json(value, where + "." + name));
        }
    }

    /** The cells of a CSV row by column name; a cell holding a nested object writes it as JSON. */
    record Csv(Row row, Table table) implements Fields {

        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public String where() {
            return row.where();
        }

        @Override
        public Optional<String> text(String name) {
            return row.text(table.column(name)).filter(text -> !text.equalsIgnoreCase("null"));
        }

        @Override
        public Optional<Double> number(String name) {
            return text(name)
                    .map(text -> Numbers.parse(text).orElseThrow(() -> bad(name, "\"" + text + "\" is not a number")));
        }

        @Override
        public Optional<Fields> object(String name) {
            return text(name).map(text -> {
                try {
                    JsonNode node = MAPPER.readTree(text);
                    if (!node.isObject()) {
                        throw bad(name, "is not a JSON object");
                    }
                    return new Json(node, where() + ", " + name);
                } catch (JsonProcessingException e) {
                    throw bad(name, "is not valid JSON (" + e.getOriginalMessage() + ")");
                }
            });
        }
    }
}
