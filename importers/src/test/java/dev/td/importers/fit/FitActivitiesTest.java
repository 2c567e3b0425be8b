package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Draft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Activities read from the python-fitparse test files. */
class FitActivitiesTest {

    @Test
    void theChainedTriathlonBecomesFiveActivitiesInOrder() {
        // sample_mulitple_header.fit: 4 chained FIT files, 5 sessions swim/T1/bike/T2/run (README; test.py l.404-406
        // asserts its 3023 messages, which the importer API does not expose); starts from python-fitparse's decode
        List<Draft> drafts = FitSamples.read("sample_mulitple_header.fit").drafts();

        assertThat(drafts)
                .extracting(d -> d.data().path("sport").asText())
                .containsExactly("swim", "transition", "ride", "transition", "run");
        assertThat(drafts)
                .extracting(Draft::occurredAt)
                .containsExactly(
                        Instant.parse("2018-05-27T07:33:01Z"),
                        Instant.parse("2018-05-27T08:06:08Z"),
                        Instant.parse("2018-05-27T08:08:58Z"),
                        Instant.parse("2018-05-27T09:22:40Z"),
                        Instant.parse("2018-05-27T09:23:41Z"));
        assertThat(drafts).allSatisfy(d -> assertThat(d.timeZone()).isEmpty());
    }

    @Test
    void eachLegOfTheTriathlonCountsItsSampleDistanceFromItsOwnStart() {
        // session total_distance per leg (python-fitparse decode, _decoded_summary.json); FIT's record distance runs
        // on across the legs
        double[] legs = {1644.71, 141.7, 40909.42, 31.93, 9805.92};
        List<Draft> drafts = FitSamples.read("sample_mulitple_header.fit").drafts();
        for (int i = 0; i < legs.length; i++) {
            List<Double> distance = FitSamples.stream(drafts.get(i).data(), "distance_m").stream()
                    .filter(d -> d != null)
                    .map(d -> (double) d)
                    .toList();
            assertThat(distance.getFirst()).as("leg %d first", i + 1).isLessThan(10.0);
            assertThat(distance.getLast()).as("leg %d last", i + 1).isCloseTo(legs[i], within(legs[i] * 0.01 + 5));
        }
    }

    @Test
    void theLongRideKeepsItsDistanceAndAverageHeartRate() {
        // README (DECODED): sample-activity.fit is a ride of 88797.21 m with average heart rate 166
        JsonNode data =
                FitSamples.read("sample-activity.fit").drafts().getFirst().data();

        assertThat(data.path("sport").asText()).isEqualTo("ride");
        assertThat(data.at("/distance/value").asDouble()).isEqualTo(88797.21);
        assertThat(data.at("/distance/unit").asText()).isEqualTo("m");
        assertThat(data.path("avg_hr").asDouble()).isEqualTo(166);
    }

    @Test
    void theFenixRunStoresItsCadenceAsStepsPerMinute() {
        // session avg_cadence 83 rpm + avg_fractional_cadence 0.671875 rpm (FIT SDK dump of the session message)
        JsonNode data =
                FitSamples.read("garmin-fenix-5-run.fit").drafts().getFirst().data();

        assertThat(data.path("avg_cadence").asDouble()).isEqualTo(2 * (83 + 0.671875));
        assertThat(data.path("device").asText()).isEqualTo("garmin fenix5");
        assertThat(data.path("source").asText()).isEqualTo("fit");
    }

    @Test
    void aRideKeepsItsCadenceInRevolutionsPerMinute() {
        // garmin-edge-820-bike.fit: session avg_cadence 68 (python-fitparse decode; survey §1)
        JsonNode data =
                FitSamples.read("garmin-edge-820-bike.fit").drafts().getFirst().data();

        assertThat(data.path("avg_cadence").asDouble()).isBetween(68.0, 69.0);
    }

    @Test
    void theCompressedRunIsPlacedThroughItsLocalClockInThePersonsZone() {
        // survey §2: the start is 2012-02-13 11:16:16 on the device's clock (activity local_timestamp 698070063 at
        // system time 17221751, start 17217864); FIT does not say the zone, the caller does
        Path file = FitSamples.path("compressed-speed-distance.fit");

        assertThat(FitSamples.read(file, FitSamples.utc()).drafts().getFirst().occurredAt())
                .isEqualTo(Instant.parse("2012-02-13T11:16:16Z"));
        Draft inLosAngeles = FitSamples.read(file, FitSamples.in("America/Los_Angeles"))
                .drafts()
                .getFirst();
        assertThat(inLosAngeles.occurredAt()).isEqualTo(Instant.parse("2012-02-13T19:16:16Z"));
        assertThat(inLosAngeles.timeZone()).isEmpty();
    }

    @Test
    void theIndoorRowIsARowWithoutDistance() {
        // 20170518-191602-1740899583.fit: fitness_equipment / indoor_rowing, total_distance 0.0 (survey §1)
        JsonNode data = FitSamples.read("20170518-191602-1740899583.fit")
                .drafts()
                .getFirst()
                .data();

        assertThat(data.path("sport").asText()).isEqualTo("row");
        assertThat(data.has("distance")).isFalse();
        assertThat(data.path("laps")).hasSize(8);
    }

    @Test
    void theIndoorTrainerRideKeepsItsPowerAndHasNoDistance() {
        // sample-activity-indoor-trainer.fit: distance 0.0, avg power 201 W, 2222 power samples (survey §1)
        JsonNode data = FitSamples.read("sample-activity-indoor-trainer.fit")
                .drafts()
                .getFirst()
                .data();

        assertThat(data.path("avg_power_w").asDouble()).isEqualTo(201);
        assertThat(data.has("distance")).isFalse();
        assertThat(FitSamples.stream(data, "power_w"))
                .filteredOn(p -> p != null)
                .hasSize(2222);
    }

    @Test
    void theCorosRideNamesTheProductTheFileNamesAndLeavesOutItsZeroPower() {
        // coros-pace-2-cycling-misaligned-fields.fit: file_id product_name "COROS PACE 2", no serial number,
        // avg_power 0 and avg_cadence 0 with no power or cadence records (survey §1); 11293 messages (test.py l.413)
        List<Draft> drafts =
                FitSamples.read("coros-pace-2-cycling-misaligned-fields.fit").drafts();

        assertThat(drafts).hasSize(1);
        JsonNode data = drafts.getFirst().data();
        assertThat(data.path("device").asText()).isEqualTo("COROS PACE 2");
        assertThat(data.has("avg_power_w")).isFalse();
        assertThat(data.has("avg_cadence")).isFalse();
        assertThat(drafts.getFirst().recordId()).matches("fit:[0-9a-f]{16}:972608787:s0");
    }

    @Test
    void theChainedActivityAndSettingsFileGivesTheActivity() {
        // activity-settings.fit: activity + settings chained; python-fitparse parses it (test.py l.339)
        List<Draft> drafts = FitSamples.read("activity-settings.fit").drafts();

        assertThat(drafts).extracting(d -> d.data().path("sport").asText()).containsExactly("run");
    }

    @Test
    void readingAFileTwiceGivesTheSameRecordIdsAndOnlyTheSameRecordSharesOne() throws Exception {
        Map<String, Draft> byId = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (Path file : activityFiles()) {
            List<Draft> first = FitSamples.read(file, FitSamples.utc()).drafts();
            List<Draft> second = FitSamples.read(file, FitSamples.utc()).drafts();
            String name = file.getFileName().toString();
            assertThat(second)
                    .extracting(Draft::recordId)
                    .as(name)
                    .isEqualTo(first.stream().map(Draft::recordId).toList())
                    .doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).startsWith("fit:").hasSizeLessThanOrEqualTo(100));
            for (Draft draft : first) {
                Draft earlier = byId.putIfAbsent(draft.recordId(), draft);
                if (earlier != null) {
                    assertThat(draft).as(name + " " + draft.recordId()).isEqualTo(earlier);
                    shared.add(draft.recordId());
                }
            }
        }
        // Activity.fit is also the activity of the chained activity-settings.fit, and the multi-user scale file's
        // first reading (user 0) is the single-user file's (same example scale, serial 1234): the same records
        assertThat(shared)
                .containsExactlyInAnyOrder(
                        "fit:2147483647:702940946:s0",
                        "fit:1234:621463080:w621466680:body_weight",
                        "fit:1234:621463080:w621466680:body_fat");
        assertThat(byId).hasSize(22);
    }

    @Test
    void anActivitysIdIsItsRecordId() {
        Draft run = FitSamples.read("garmin-fenix-5-run.fit").drafts().getFirst();

        // file_id serial_number 3945849289, time_created 866126049 (FIT SDK dump)
        assertThat(run.recordId()).isEqualTo("fit:3945849289:866126049:s0");
        assertThat(run.data().path("activity_id").asText()).isEqualTo(run.recordId());
    }

    /** Every sample that holds an activity or weigh-ins (the others are refused, see FitRejectsTest). */
    static List<Path> activityFiles() throws Exception {
        List<String> refused = List.of(
                "activity-filecrc.fit",
                "activity-unexpected-eof.fit",
                "DeveloperData.fit",
                "MonitoringFile.fit",
                "Settings.fit",
                "WorkoutIndividualSteps.fit");
        try (Stream<Path> files = Files.list(FitSamples.folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".fit"))
                    .filter(f -> !refused.contains(f.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }
}
