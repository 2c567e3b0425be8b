package dev.td.importers.wearables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import dev.td.importers.ImportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WHOOP's export read from the hand-written fixture (samples/wearables/whoop): every expected line below is written
 * from the fixture's text, the UTC instants worked out by hand from the local times and {@code Cycle timezone}.
 */
class WhoopImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** physiological_cycles.csv row 2: 2024-06-23 22:41:05 at UTC-04:00, woke 2024-06-24 06:12:40. */
    private static final String CYCLE_1 = "whoop:cycle:2024-06-24T02:41:05Z:";

    /** Row 3: 2024-06-22 23:05:10 at UTC-04:00, no sleep. Row 4: 2024-06-15 21:42:59 at UTC+01:00. */
    private static final String CYCLE_2 = "whoop:cycle:2024-06-23T03:05:10Z:";

    private static final String CYCLE_3 = "whoop:cycle:2024-06-15T20:42:59Z:";

    private static final List<String> CYCLE_LINES = List.of(
            CYCLE_1 + "readiness @2024-06-24T10:12:40Z -04:00 readiness=65.0",
            CYCLE_1 + "resting_hr @2024-06-24T10:12:40Z -04:00 resting_hr=52.0 bpm",
            CYCLE_1 + "hrv_rmssd @2024-06-24T10:12:40Z -04:00 hrv_rmssd=71.0 ms",
            CYCLE_1 + "spo2 @2024-06-24T10:12:40Z -04:00 spo2=96.57 %",
            CYCLE_1 + "skin_temperature @2024-06-24T10:12:40Z -04:00 skin_temperature=33.62 °C",
            CYCLE_1 + "respiration_rate @2024-06-24T10:12:40Z -04:00 respiration_rate=15.2 brpm",
            CYCLE_1 + "sleep_duration @2024-06-24T10:12:40Z -04:00 sleep_duration=412.0 min",
            CYCLE_1 + "sleep_score @2024-06-24T10:12:40Z -04:00 sleep_score=91.0",
            CYCLE_2 + "whoop_strain @2024-06-23T03:05:10Z -04:00 whoop_strain=4.3",
            CYCLE_3 + "readiness @2024-06-16T05:47:05Z +01:00 readiness=50.0",
            CYCLE_3 + "resting_hr @2024-06-16T05:47:05Z +01:00 resting_hr=57.0 bpm",
            CYCLE_3 + "hrv_rmssd @2024-06-16T05:47:05Z +01:00 hrv_rmssd=48.0 ms",
            CYCLE_3 + "spo2 @2024-06-16T05:47:05Z +01:00 spo2=95.9 %",
            CYCLE_3 + "skin_temperature @2024-06-16T05:47:05Z +01:00 skin_temperature=31.9 °C",
            CYCLE_3 + "respiration_rate @2024-06-16T05:47:05Z +01:00 respiration_rate=14.8 brpm",
            CYCLE_3 + "sleep_duration @2024-06-16T05:47:05Z +01:00 sleep_duration=477.0 min",
            CYCLE_3 + "sleep_score @2024-06-16T05:47:05Z +01:00 sleep_score=100.0",
            CYCLE_3 + "whoop_strain @2024-06-16T05:47:05Z +01:00 whoop_strain=12.6");

    /** workouts.csv rows 2-5: record id, start, zone and data, from the row's text. */
    private static final List<String> WORKOUTS = List.of(
            "whoop:workout:2024-06-24T11:58:11Z|2024-06-24T11:58:11Z|-04:00|{\"activity_id\":"
                    + "\"whoop-2024-06-24T11:58:11Z\",\"sport\":\"run\",\"elapsed_s\":2016.0,\"avg_hr\":158.0,"
                    + "\"max_hr\":179.0,\"calories\":402.0,\"distance\":{\"value\":5210.37,\"unit\":\"m\"},"
                    + "\"elevation_gain\":{\"value\":64.9,\"unit\":\"m\"},\"source\":\"whoop\"}",
            "whoop:workout:2024-06-23T21:40:12Z|2024-06-23T21:40:12Z|-04:00|{\"activity_id\":"
                    + "\"whoop-2024-06-23T21:40:12Z\",\"sport\":\"functional_fitness\",\"elapsed_s\":1320.0,"
                    + "\"avg_hr\":112.0,\"max_hr\":141.0,\"calories\":148.0,\"source\":\"whoop\"}",
            "whoop:workout:2024-06-23T16:15:00Z|2024-06-23T16:15:00Z|-04:00|{\"activity_id\":"
                    + "\"whoop-2024-06-23T16:15:00Z\",\"sport\":\"other\",\"elapsed_s\":1500.0,\"avg_hr\":104.0,"
                    + "\"max_hr\":128.0,\"calories\":96.0,\"source\":\"whoop\"}",
            "whoop:workout:2024-06-16T17:02:00Z|2024-06-16T17:02:00Z|+01:00|{\"activity_id\":"
                    + "\"whoop-2024-06-16T17:02:00Z\",\"sport\":\"strength\",\"elapsed_s\":3810.0,\"avg_hr\":118.0,"
                    + "\"max_hr\":162.0,\"calories\":345.0,\"source\":\"whoop\"}");

    private final WhoopImporter whoop = new WhoopImporter();

    @TempDir
    Path tmp;

    @Test
    void theExportZipGivesEveryCycleValueOnceAndEveryWorkout() {
        Collected read = Collected.read(whoop, Fixtures.whoopZip(tmp));

        assertThat(read.metricLines()).containsExactlyElementsOf(CYCLE_LINES);
        assertWorkouts(read.ofType("activity.logged"), WORKOUTS);
        assertThat(read.drafts).hasSize(22);
        assertThat(read.drafts)
                .allSatisfy(d -> assertThat(d.data().get("source").asText()).isEqualTo("whoop"));
    }

    @Test
    void theNapTheEmptySleepAndTheJournalAreReportedNotImported() {
        Collected read = Collected.read(whoop, Fixtures.whoopZip(tmp));

        assertThat(read.skipped())
                .containsExactly(
                        "my_whoop_data.zip: sleeps.csv row 3: a nap: td's sleep_duration is the night's sleep, so naps"
                                + " are left out",
                        "my_whoop_data.zip: sleeps.csv row 4: the row has no value td imports (recovery, heart rate,"
                                + " HRV, sleep, strain…)",
                        "my_whoop_data.zip: journal_entries.csv: 3 journal answers are not imported: td has no event"
                                + " for WHOOP's yes/no behaviour questions (log what matters as a note or a metric)");
    }

    @Test
    void physiologicalCyclesAloneGiveTheSameReadings() {
        assertThat(Collected.read(whoop, Fixtures.WHOOP_CYCLES).metricLines()).containsExactlyElementsOf(CYCLE_LINES);
    }

    @Test
    void sleepsAloneGiveTheNightsUnderTheKeysOfTheirCycles() {
        Collected read = Collected.read(whoop, Fixtures.WHOOP_SLEEPS);

        assertThat(read.metricLines())
                .containsExactly(
                        CYCLE_1 + "respiration_rate @2024-06-24T10:12:40Z -04:00 respiration_rate=15.2 brpm",
                        CYCLE_1 + "sleep_duration @2024-06-24T10:12:40Z -04:00 sleep_duration=412.0 min",
                        CYCLE_1 + "sleep_score @2024-06-24T10:12:40Z -04:00 sleep_score=91.0",
                        CYCLE_3 + "respiration_rate @2024-06-16T05:47:05Z +01:00 respiration_rate=14.8 brpm",
                        CYCLE_3 + "sleep_duration @2024-06-16T05:47:05Z +01:00 sleep_duration=477.0 min",
                        CYCLE_3 + "sleep_score @2024-06-16T05:47:05Z +01:00 sleep_score=100.0");
        assertThat(CYCLE_LINES).containsAll(read.metricLines());
    }

    @Test
    void workoutsAloneGiveTheSameActivities() {
        assertWorkouts(Collected.read(whoop, Fixtures.WHOOP_WORKOUTS).drafts, WORKOUTS);
    }

    @Test
    void journalAloneIsReadAndReportedWithoutDrafts() {
        Collected read = Collected.read(whoop, Fixtures.WHOOP_JOURNAL);

        assertThat(read.drafts).isEmpty();
        assertThat(read.skipped()).singleElement().asString().startsWith("journal_entries.csv: 3 journal answers");
    }

    @Test
    void workoutsWithoutACycleTimezoneColumnTakeTheirCyclesZone() {
        Path workouts = withoutTimezoneColumn();
        Path both = Fixtures.zip(
                tmp.resolve("both.zip"),
                Map.of("workouts.csv", Fixtures.text(workouts)),
                List.of(Fixtures.WHOOP_CYCLES),
                "");

        assertWorkouts(Collected.read(whoop, both).ofType("activity.logged"), WORKOUTS);
    }

    @Test
    void workoutsWithNoZoneAtAllAreInThePersonsZone() {
        Collected read = Collected.read(whoop, withoutTimezoneColumn());

        Draft run = read.drafts.getFirst();
        // 2024-06-24 07:58:11 in Europe/Berlin (UTC+2 in June)
        assertThat(run.occurredAt()).hasToString("2024-06-24T05:58:11Z");
        assertThat(run.timeZone()).isEmpty();
        assertThat(run.recordId()).isEqualTo("whoop:workout:2024-06-24T05:58:11Z");
    }

    @Test
    void utcIsWrittenUtcZOrUtc() {
        String header = "Cycle start time,Cycle end time,Cycle timezone,Recovery score %\n";
        Path file = Fixtures.write(
                tmp.resolve("physiological_cycles.csv"),
                header + "2026-01-27 00:42:55,,UTCZ,76\n2026-01-26 00:15:54,2026-01-27 00:42:55,UTC,83\n");

        assertThat(Collected.read(whoop, file).metricLines())
                .containsExactly(
                        "whoop:cycle:2026-01-27T00:42:55Z:readiness @2026-01-27T00:42:55Z Z readiness=76.0",
                        "whoop:cycle:2026-01-26T00:15:54Z:readiness @2026-01-26T00:15:54Z Z readiness=83.0");
    }

    @Test
    void headerNamesAreMatchedWithoutRegardToCase() {
        Path file = Fixtures.write(
                tmp.resolve("cycles.csv"),
                "Cycle start time,Cycle timezone,Recovery Score %,Day Strain\n2024-01-02 23:00:00,UTC+01:00,88,9.5\n");

        assertThat(Collected.read(whoop, file).metricLines())
                .containsExactly(
                        "whoop:cycle:2024-01-02T22:00:00Z:readiness @2024-01-02T22:00:00Z +01:00 readiness=88.0",
                        "whoop:cycle:2024-01-02T22:00:00Z:whoop_strain @2024-01-02T22:00:00Z +01:00 whoop_strain=9.5");
    }

    @Test
    void recordIdsAreStableAndDistinct() {
        Path zip = Fixtures.whoopZip(tmp);

        List<String> first = Collected.read(whoop, zip).recordIds();
        List<String> second = Collected.read(whoop, zip, new ImportOptions(ZoneId.of("Asia/Tokyo"), Optional.empty()))
                .recordIds();

        assertThat(first).doesNotHaveDuplicates().isEqualTo(second);
        assertThat(first).allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(Draft.MAX_RECORD_ID));
    }

    private Path withoutTimezoneColumn() {
        StringBuilder out = new StringBuilder();
        for (String line : Fixtures.text(Fixtures.WHOOP_WORKOUTS).strip().split("\n", -1)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(2); // Cycle timezone
            out.append(String.join(",", cells)).append('\n');
        }
        return Fixtures.write(tmp.resolve("workouts.csv"), out.toString());
    }

    private static void assertWorkouts(List<Draft> drafts, List<String> expected) {
        assertThat(drafts).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String[] parts = expected.get(i).split("\\|", 4);
            Draft d = drafts.get(i);
            assertThat(d.type()).isEqualTo("activity.logged");
            assertThat(d.recordId()).isEqualTo(parts[0]);
            assertThat(d.occurredAt()).hasToString(parts[1]);
            assertThat(d.timeZone().map(ZoneId::getId)).contains(parts[2]);
            assertThat(d.data()).isEqualTo(json(parts[3]));
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
