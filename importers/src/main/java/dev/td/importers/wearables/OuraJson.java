package dev.td.importers.wearables;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.ImportException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * An Oura JSON export: one object whose arrays hold the records by kind ({@code "sleep": [...]},
 * {@code "daily_readiness": [...]}…), streamed entry by entry. Entries with a {@code day} are API v2 records
 * ({@link OuraRecords}), entries with a {@code summary_date} the v1 API's ({@link OuraV1}); arrays of other records
 * (workouts, tags, heart rate) are passed over.
 */
final class OuraJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A key of the arrays td reads, opening its array: how the first bytes of a file show an Oura JSON. */
    private static final Pattern ARRAY = Pattern.compile(
            "\"(sleep|readiness|activity|daily_sleep|daily_readiness|daily_activity|daily_spo2|spo2|sleep_periods)\"\\s*:\\s*\\[");

    private static final Pattern ENTRY_DATE =
            Pattern.compile("\"(day|summary_date)\"\\s*:\\s*\"\\d{4}-\\d{2}-\\d{2}\"");

    private OuraJson() {}

    /** Whether a file's first bytes are an Oura JSON export's: an object with an array td reads, of dated entries. */
    static boolean recognizes(String head) {
        String text =
                head.replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading();
        return text.startsWith("{")
                && ARRAY.matcher(text).find()
                && ENTRY_DATE.matcher(text).find();
    }

    static void read(InputStream in, String file, OuraDays days) {
        OuraV1 v1 = new OuraV1(days);
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ImportException.badFile(file + " is not an Oura JSON export: it does not start with an object"
                        + " ({); " + OuraImporter.HOW_TO_EXPORT);
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String array = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    entries(parser, file, array, days, v1);
                } else {
                    parser.skipChildren();
                }
            }
            v1.finish();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ImportException.badFile(
                    file + " is not valid JSON" + where + ": " + e.getOriginalMessage() + "; the file is damaged or"
                            + " was cut short: " + OuraImporter.HOW_TO_EXPORT,
                    e);
        } catch (ZipException | EOFException e) {
            throw ImportException.badFile(
                    file + " cannot be read (" + e.getMessage() + "): it is damaged or cut short; "
                            + OuraImporter.HOW_TO_EXPORT,
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entries(JsonParser parser, String file, String array, OuraDays days, OuraV1 v1)
            throws IOException {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw ImportException.badFile(file + " ends inside its \"" + array + "\" array: the file was cut"
                        + " short; " + OuraImporter.HOW_TO_EXPORT);
            }
            if (token == JsonToken.START_OBJECT) {
                JsonNode entry = JSON.readTree(parser);
                entry(array, new Fields.Json(entry, file + " " + array + "[" + index + "]"), entry, days, v1);
            } else {
                parser.skipChildren();
            }
            index++;
        }
    }

    private static void entry(String array, Fields fields, JsonNode entry, OuraDays days, OuraV1 v1) {
        String name = array.toLowerCase(Locale.ROOT);
        if (entry.has("summary_date")) {
            v1.read(name, fields);
            return;
        }
        Set<String> names = new HashSet<>();
        entry.fieldNames().forEachRemaining(n -> names.add(n.toLowerCase(Locale.ROOT)));
        OuraRecords.Kind.ofArray(name)
                .filter(kind -> names.contains("day"))
                .or(() -> OuraRecords.Kind.of(names))
                .ifPresent(kind -> OuraRecords.read(kind, fields, days));
    }
}
