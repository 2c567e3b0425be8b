package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Draft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The record dumps that ship with python-fitparse's test files, made with Garmin's own SDK tool, against the samples
 * td keeps. python-fitparse asserts them field by field: tests/test.py {@code _csv_test_helper} (l.255-316, called
 * l.235-253) for the fenix 5 and edge 820 files, {@code test_component_field_accumulaters} (l.108-138) for the
 * compressed file.
 */
class FitRecordCsvTest {

    /** "Sun Jun 11 07:34:09 PDT 2017": the dumps print UTC−7 (test.py adjusts by 7 hours). */
    private static final DateTimeFormatter DUMP_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'PDT' yyyy", Locale.ENGLISH);

    /** The compressed file's first record, timestamp only, asserted at test.py l.124. */
    private static final long COMPRESSED_FIRST_RECORD = 17217864;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "garmin-fenix-5-run, 21, run, 2",
        "garmin-fenix-5-bike, 19, ride, 1",
        "garmin-fenix-5-walk, 17, walk, 2",
        "garmin-edge-820-bike, 15, ride, 1"
    })
    void everyRecordOfTheSdkDumpBecomesASampleWithItsTimeHeartRateCadenceDistanceAndAltitude(
            String file, int rows, String sport, int stepsPerStride) throws IOException {
        List<String[]> csv = rows(file + "-records.csv");
        assertThat(csv).hasSize(rows);
        Draft activity = FitSamples.read(file + ".fit").drafts().getFirst();
        JsonNode data = activity.data();
        assertThat(data.path("sport").asText()).isEqualTo(sport);

        Instant first = dumpTime(csv.getFirst()[0]);
        assertThat(activity.occurredAt()).isEqualTo(first);
        JsonNode time = data.path("samples").path("time_s");
        List<@Nullable Double> hr = FitSamples.stream(data, "hr");
        List<@Nullable Double> cadence = FitSamples.stream(data, "cadence");
        List<@Nullable Double> distance = FitSamples.stream(data, "distance_m");
        List<@Nullable Double> altitude = FitSamples.stream(data, "altitude_m");
        assertThat(time.size()).as("samples").isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            String[] row = csv.get(i);
            String at = file + " row " + (i + 1);
            assertThat(time.get(i).asLong())
                    .as(at + " time_s")
                    .isEqualTo(Duration.between(first, dumpTime(row[0])).toSeconds());
            assertThat(hr.get(i)).as(at + " hr").isEqualTo(Double.parseDouble(row[1]));
            assertCadence(cadence.get(i), row[2], stepsPerStride, at, true);
            assertThat(distance.get(i)).as(at + " distance").isCloseTo(Double.parseDouble(row[4]), within(1e-4));
            assertThat(altitude.get(i)).as(at + " altitude").isCloseTo(Double.parseDouble(row[7]), within(1e-4));
        }
    }

    @Test
    void theCompressedRunKeepsTheDistanceTheFileStoresToTheSixteenthOfAMetre() throws IOException {
        List<String[]> csv = rows("compressed-speed-distance-records.csv");
        Draft activity =
                FitSamples.read("compressed-speed-distance.fit").drafts().getFirst();
        JsonNode data = activity.data();
        List<@Nullable Double> distance = FitSamples.stream(data, "distance_m");

        // test.py l.136: the last CSV distance 10248.6875 (the SDK's own getDistance() rounds it to 10248.6904)
        assertThat(distance.getLast()).isEqualTo(10248.6875);
        assertThat(csv.getLast()[3]).isEqualTo("10248.6875");
    }

    @Test
    void theCompressedRunHasOneSampleForEachOfTheDumpsSevenHundredFiftyFourRecords() throws IOException {
        // 755 record messages (README): the first carries only the timestamp 17217864 (test.py l.121-124) and no
        // value td keeps, so it is no sample; the other 754 equal the CSV rows (l.128-138: enumerate ends at 753).
        List<String[]> csv = rows("compressed-speed-distance-records.csv");
        assertThat(csv).hasSize(754);
        JsonNode data = FitSamples.read("compressed-speed-distance.fit")
                .drafts()
                .getFirst()
                .data();
        JsonNode time = data.path("samples").path("time_s");
        List<@Nullable Double> hr = FitSamples.stream(data, "hr");
        List<@Nullable Double> cadence = FitSamples.stream(data, "cadence");
        List<@Nullable Double> distance = FitSamples.stream(data, "distance_m");
        assertThat(time.size()).isEqualTo(754);
        for (int i = 0; i < csv.size(); i++) {
            String[] row = csv.get(i);
            String at = "row " + (i + 1);
            // the session starts at the first, timestamp-only record (start_time 17217864 in the file)
            assertThat(time.get(i).asLong())
                    .as(at + " time_s")
                    .isEqualTo(Long.parseLong(row[0]) - COMPRESSED_FIRST_RECORD);
            assertThat(hr.get(i)).as(at + " hr").isEqualTo(Double.parseDouble(row[1]));
            assertThat(distance.get(i)).as(at + " distance").isCloseTo(Double.parseDouble(row[3]), within(1e-7));
            assertCadence(cadence.get(i), row[4].strip(), 2, at, false);
        }
    }

    /**
     * td's cadence is the SDK's {@code cadence} plus {@code fractional_cadence} (under 1), doubled for run and walk
     * (steps per minute); the dumps print the whole rpm only. An empty cell or "null" is no cadence; the fenix dumps
     * also write "0" for no cadence (test.py l.286-289), so there a 0 may be absent.
     */
    private static void assertCadence(
            @Nullable Double actual, String dumped, int stepsPerStride, String at, boolean zeroMayBeAbsent) {
        if (dumped.isEmpty() || dumped.equals("null")) {
            assertThat(actual).as(at + " cadence").isNull();
            return;
        }
        if (zeroMayBeAbsent && dumped.equals("0") && actual == null) {
            return;
        }
        double value = Objects.requireNonNull(actual, at + " cadence");
        assertThat(Math.floor(value / stepsPerStride)).as(at + " cadence").isEqualTo(Double.parseDouble(dumped));
    }

    private static Instant dumpTime(String text) {
        return LocalDateTime.parse(text, DUMP_TIME).toInstant(ZoneOffset.ofHours(-7));
    }

    private static List<String[]> rows(String csv) throws IOException {
        List<String> lines = Files.readAllLines(FitSamples.path(csv), StandardCharsets.UTF_8);
        return lines.stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1))
                .toList();
    }
}
