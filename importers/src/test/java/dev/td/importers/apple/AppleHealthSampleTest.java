package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Collected;
import dev.td.importers.Draft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The healthkit-to-sqlite {@code export.xml} (dogsheep/healthkit-to-sqlite @9fe3cb1). Expected values are those its
 * {@code tests/test_healthkit_to_sqlite.py} asserts, line numbers given per test; the survey
 * (docs/design/import-survey.md §1, §4) has them too.
 */
class AppleHealthSampleTest {

    private final CollectingSink sink = Samples.read(Samples.EXPORT_XML);

    // test_converted_workouts, lines 92-114: workoutActivityType "HKWorkoutActivityTypeRunning", duration
    // "5.19412346680959" durationUnit "min", totalDistance "0.4971749504535062" "mi", totalEnergyBurned
    // "48.74499999999999" "kcal", startDate "2016-11-14 07:25:41 -0700", metadata_HKTimeZone "America/Los_Angeles".
    @Test
    void theRunKeepsItsDurationDistanceAndEnergyAsTheFileWritesThem() {
        Draft run = sink.onlyWorkout();
        JsonNode data = run.data();

        assertThat(data.get("sport").asText()).isEqualTo("run");
        // 5.19412346680959 min × 60 s/min, multiplied here by hand in double arithmetic: 311.64740800857544
        assertThat(data.get("elapsed_s").asDouble()).isEqualTo(5.19412346680959 * 60);
        assertThat(data.get("elapsed_s").asDouble()).isEqualTo(311.64740800857544);
        assertThat(data.get("distance").get("value").asDouble()).isEqualTo(0.4971749504535062);
        assertThat(data.get("distance").get("unit").asText()).isEqualTo("mi");
        assertThat(data.get("calories").asDouble()).isEqualTo(48.74499999999999);
        assertThat(data.get("source").asText()).isEqualTo("apple_health");
        assertThat(data.has("moving_s")).isFalse();
    }

    @Test
    void theRunStartsAtItsStartDateInTheZoneItsMetadataNames() {
        Draft run = sink.onlyWorkout();

        // "2016-11-14 07:25:41 -0700" is 14:25:41 UTC
        assertThat(run.occurredAt()).isEqualTo(Instant.parse("2016-11-14T14:25:41Z"));
        assertThat(run.timeZone()).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(run.data().get("activity_id").asText()).isEqualTo(run.recordId());
    }

    // sourceName "Apple\xa0Watch" (line 104): the device reads with a plain space.
    @Test
    void theDeviceIsTheSourceNameWithItsNoBreakSpaceMadePlain() throws IOException {
        assertThat(Files.readString(Samples.EXPORT_XML, StandardCharsets.UTF_8)).contains("Apple\u00a0Watch");

        assertThat(sink.onlyWorkout().data().get("device").asText()).isEqualTo("Apple Watch");
    }

    // test_converted_workouts, lines 123-147: two points, both "2016-11-14 07:25:44 -0700", altitudes 21.2694 and
    // 21.2677, at the same place (37.7777, -122.426). The run started at 07:25:41, so both are 3 s in.
    @Test
    void theInlineRouteBecomesTwoSamplesThreeSecondsIn() {
        JsonNode samples = sink.onlyWorkout().data().get("samples");

        assertThat(samples.get("time_s")).extracting(JsonNode::asDouble).containsExactly(3.0, 3.0);
        assertThat(samples.get("altitude_m")).extracting(JsonNode::asDouble).containsExactly(21.2694, 21.2677);
        assertThat(samples.get("distance_m")).extracting(JsonNode::asDouble).containsExactly(0.0, 0.0);
        assertThat(sink.skippedAt("Workout")).isEmpty();
    }

    // test_converted_records, lines 150-168: BodyMassIndex value "22.5312", unit "count", sourceName "Health Mate",
    // startDate "2016-04-18 08:25:32 -0700".
    @Test
    void theBodyMassIndexIsAReadingOfThePersonsOwnMetricWithoutUnit() {
        List<Draft> bmi = sink.metric("body_mass_index");

        assertThat(bmi).hasSize(1);
        JsonNode data = bmi.getFirst().data();
        assertThat(data.get("value").asDouble()).isEqualTo(22.5312);
        assertThat(data.has("unit")).isFalse();
        assertThat(data.get("notes").asText()).isEqualTo("from Health Mate");
        assertThat(data.get("source").asText()).isEqualTo("apple_health");
        assertThat(bmi.getFirst().occurredAt()).isEqualTo(Instant.parse("2016-04-18T15:25:32Z"));
        assertThat(bmi.getFirst().timeZone()).isEmpty();
    }

    // test_converted_records, lines 169-182: HeartRate value "72", unit "count/min", startDate
    // "2018-09-10 02:28:55 -0700". Heart rate is a day's mean: one reading, so 72 bpm for 2018-09-10, dated at that
    // local day's start (00:00 -0700 = 07:00 UTC).
    @Test
    void theHeartRateIsTheMeanOfItsDayInBpm() {
        List<Draft> heartRate = sink.metric("heart_rate");

        assertThat(heartRate).hasSize(1);
        Draft day = heartRate.getFirst();
        assertThat(day.data().get("value").asDouble()).isEqualTo(72.0);
        assertThat(day.data().get("unit").asText()).isEqualTo("bpm");
        assertThat(day.data().get("notes").asText()).isEqualTo("mean of 1 reading, min 72, max 72 bpm");
        assertThat(day.occurredAt()).isEqualTo(Instant.parse("2018-09-10T07:00:00Z"));
        assertThat(day.recordId()).isEqualTo("apple_health:heart_rate:2018-09-10");
    }

    // test_converted_activity_summaries, lines 66-89: 2016-11-15 activeEnergyBurned "590.252" kcal,
    // appleExerciseTime "68"; 2016-11-16 "323.513", "39". No record dates those days, so they start at midnight in the
    // person's zone (America/Los_Angeles, -0800 in November).
    @Test
    void theActivitySummariesGiveActiveEnergyAndExerciseMinutesPerDay() {
        assertThat(value("active_energy", "2016-11-15")).isEqualTo(590.252);
        assertThat(value("exercise_minutes", "2016-11-15")).isEqualTo(68.0);
        assertThat(value("active_energy", "2016-11-16")).isEqualTo(323.513);
        assertThat(value("exercise_minutes", "2016-11-16")).isEqualTo(39.0);
        Draft energy = sink.metric("active_energy", "2016-11-15").orElseThrow();
        assertThat(energy.data().get("unit").asText()).isEqualTo("kcal");
        assertThat(energy.occurredAt()).isEqualTo(Instant.parse("2016-11-15T08:00:00Z"));
        assertThat(sink.metric("exercise_minutes", "2016-11-15")
                        .orElseThrow()
                        .data()
                        .get("unit")
                        .asText())
                .isEqualTo("min");
        assertThat(sink.metric("calories")).isEmpty();
    }

    @Test
    void theFileGivesSevenDraftsAndNotesItsProfileAsNotImported() {
        assertThat(sink.ofType("activity.logged")).hasSize(1);
        assertThat(sink.ofType("metric.recorded")).hasSize(6);
        assertThat(sink.skips)
                .containsExactly(new Collected.Skip(
                        "Me", "the profile (date of birth, biological sex, blood type) is not imported"));
    }

    @Test
    void everyDraftIsValidForTdsEventSchema() {
        assertThat(Samples.schemaProblems(sink)).isEmpty();
    }

    @Test
    void readingTwiceGivesTheSameDistinctRecordIds() {
        List<String> first = sink.drafts.stream().map(Draft::recordId).toList();
        List<String> second = Samples.read(Samples.EXPORT_XML).drafts.stream()
                .map(Draft::recordId)
                .toList();

        assertThat(second).isEqualTo(first);
        assertThat(new HashSet<>(first)).hasSameSizeAs(first);
        assertThat(first).allSatisfy(id -> assertThat(id.length()).isBetween(1, Draft.MAX_RECORD_ID));
    }

    // The raw source name (with its no-break space) is part of the ids; only the display is normalised.
    @Test
    void theRecordIdKeepsTheRawSourceName(@TempDir Path dir) throws IOException {
        String plain =
                Files.readString(Samples.EXPORT_XML, StandardCharsets.UTF_8).replace('\u00a0', ' ');
        Draft edited =
                Samples.read(Samples.write(dir.resolve("export.xml"), plain)).onlyWorkout();

        assertThat(edited.data().get("device").asText()).isEqualTo("Apple Watch");
        assertThat(edited.recordId()).isNotEqualTo(sink.onlyWorkout().recordId());
    }

    private double value(String metric, String date) {
        Optional<Draft> draft = sink.metric(metric, date);
        assertThat(draft).as(metric + " " + date).isPresent();
        return draft.orElseThrow().data().get("value").asDouble();
    }
}
