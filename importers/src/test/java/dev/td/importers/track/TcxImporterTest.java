package dev.td.importers.track;

import static dev.td.importers.track.Imported.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Draft;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCX samples read through {@link TcxImporter}. Expected values are python-tcxparser's (vkurup/python-tcxparser @5ecaac9,
 * tests/test_tcxparser.py, line numbers below), whose {@code assertAlmostEqual} means 7 decimal places.
 */
class TcxImporterTest {

    /** {@code assertAlmostEqual}'s default: round(a − b, 7) == 0. */
    private static final Offset<Double> SEVEN_PLACES = within(5e-8);

    private final TcxImporter tcx = new TcxImporter();

    @TempDir
    Path dir;

    private Draft testTcx() {
        return Imported.read(tcx, sample("tcx/python-tcxparser/test.tcx")).only();
    }

    @Test
    void theRunHasTheStartDurationDistanceCaloriesAndNotesTcxparserAsserts() {
        Draft run = testTcx();
        JsonNode data = run.data();

        // l.55 activity_type "running"; l.58 started_at; l.29/l.35 time_values[0]
        assertThat(data.path("sport").asText()).isEqualTo("run");
        assertThat(run.occurredAt()).isEqualTo(Instant.parse("2012-12-26T21:29:53Z"));
        // l.61 completed_at, l.30/l.39 time_values[-1]: the last trackpoint's time
        List<@Nullable Double> time = Imported.stream(run, "time_s");
        assertThat(run.occurredAt().plusMillis((long) (time.get(time.size() - 1) * 1000)))
                .isEqualTo(Instant.parse("2012-12-26T22:03:05Z"));
        // l.64 distance, l.67 "meters"; l.70 duration; l.73 calories; l.103 notes
        assertThat(data.at("/distance/value").asDouble()).isEqualTo(4686.31103516);
        assertThat(data.at("/distance/unit").asText()).isEqualTo("m");
        assertThat(data.path("elapsed_s").asDouble()).isEqualTo(1992.78);
        assertThat(data.path("calories").asDouble()).isEqualTo(379);
        assertThat(data.path("notes").asText()).isEqualTo("Aerobics");
        // l.85 pace "07:05" per km: duration / km, cut to whole seconds as time.gmtime does
        long pace = (long)
                (data.path("elapsed_s").asDouble() / (data.at("/distance/value").asDouble() / 1000));
        assertThat("%02d:%02d".formatted(pace / 60, pace % 60)).isEqualTo("07:05");
        assertThat(data.path("device").asText()).isEqualTo("Forerunner 410 Software Version 2.20");
        assertThat(data.path("source").asText()).isEqualTo("tcx");
        assertThat(run.recordId()).isEqualTo("tcx:2012-12-26T21:29:53Z");
        assertThat(run.timeZone()).isEmpty();
    }

    @Test
    void theHeartRateIsTheUnroundedMeanAndTheMaximumOfTheTrackpoints() {
        Draft run = testTcx();

        // l.82 hr_avg 156 is int(mean); the mean itself: import survey §1 (hr_mean_exact, DERIVED)
        double mean = run.data().path("avg_hr").asDouble();
        assertThat((int) mean).isEqualTo(156);
        assertThat(mean).isCloseTo(156.65274151436032, within(1e-12));
        // l.76 hr_max, l.79 hr_min, l.21-22 hr_values[0] and [-1]
        assertThat(run.data().path("max_hr").asDouble()).isEqualTo(189);
        List<Double> hr = Imported.present(run, "hr");
        assertThat(hr).hasSize(383).first().isEqualTo(62.0);
        assertThat(hr.get(hr.size() - 1)).isEqualTo(180);
        assertThat(hr.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isEqualTo(60);
    }

    @Test
    void theLastTrackpointKeepsItsTimeWithNothingElse() {
        Draft run = testTcx();

        assertThat(Imported.stream(run, "time_s")).hasSize(384);
        for (String stream : List.of("hr", "altitude_m", "distance_m")) {
            List<@Nullable Double> values = Imported.stream(run, stream);
            assertThat(values).as(stream).hasSize(384).last().isNull();
        }
        // l.111-112 distance_values[0] and [-1]
        List<Double> distance = Imported.present(run, "distance_m");
        assertThat(distance.get(0)).isCloseTo(0.0, SEVEN_PLACES);
        assertThat(distance.get(distance.size() - 1)).isCloseTo(4686.31103516, SEVEN_PLACES);
        assertThat(run.data().path("samples").has("cadence")).isFalse();
        assertThat(run.data().path("samples").has("power_w")).isFalse();
    }

    @Test
    void theAltitudesAndTheirRawClimbAreTcxparsers() {
        Draft run = testTcx();
        List<Double> altitude = Imported.present(run, "altitude_m");

        // l.25-26 altitude_points[0] and [-1]
        assertThat(altitude.get(0)).isEqualTo(178.942626953);
        assertThat(altitude.get(altitude.size() - 1)).isEqualTo(166.4453125);
        // l.88-94 altitude_avg, max, min
        double sum = 0;
        for (double a : altitude) {
            sum += a;
        }
        assertThat(sum / altitude.size()).isCloseTo(172.020056184, SEVEN_PLACES);
        assertThat(altitude.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isCloseTo(215.95324707, SEVEN_PLACES);
        assertThat(altitude.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isCloseTo(157.793579102, SEVEN_PLACES);
        // l.97 ascent, l.100 descent
        assertThat(run.data().at("/elevation_gain/value").asDouble()).isCloseTo(153.80981445, SEVEN_PLACES);
        assertThat(run.data().at("/elevation_loss/value").asDouble()).isCloseTo(166.307128903, SEVEN_PLACES);
        assertThat(run.data().at("/elevation_gain/unit").asText()).isEqualTo("m");
    }

    @Test
    void theHeartRateStreamGivesTcxparsersTimeAndShareInZones() {
        Draft run = testTcx();
        List<@Nullable Double> time = Imported.stream(run, "time_s");
        List<Double> hr = Imported.present(run, "hr");
        // tcxparser's time_durations: half the step from the previous point plus half the step to the next
        List<Double> durations = new ArrayList<>();
        for (int i = 0; i < time.size(); i++) {
            double before = i > 0 ? (at(time, i) - at(time, i - 1)) / 2 : 0;
            double after = i < time.size() - 1 ? (at(time, i + 1) - at(time, i)) / 2 : 0;
            durations.add(before + after);
        }
        // l.45-46 time_durations[0] and [-1]
        assertThat(durations.get(0)).isEqualTo(0.5);
        assertThat(durations.get(durations.size() - 1)).isEqualTo(0.5);
        int[][] zones = {{0, 99}, {100, 129}, {130, 149}, {150, 169}, {170, 184}, {185, 199}, {200, 220}};
        Map<String, Long> percent = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int z = 0; z < zones.length; z++) {
            int zone = z;
            long count = hr.stream()
                    .filter(h -> h >= zones[zone][0] && h <= zones[zone][1])
                    .count();
            percent.put("Z" + z, Math.round(100.0 * count / hr.size()));
            double inZone = 0;
            for (int i = 0; i < hr.size(); i++) { // zip(hr_values, time_durations)
                if (hr.get(i) >= zones[z][0] && hr.get(i) <= zones[z][1]) {
                    inZone += durations.get(i);
                }
            }
            seconds.put("Z" + z, inZone);
        }

        // l.114-127 hr_percent_in_zones
        assertThat(percent)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Z0", 14L, "Z1", 1L, "Z2", 1L, "Z3", 46L, "Z4", 33L, "Z5", 5L, "Z6", 0L));
        // l.129-150 hr_time_in_zones
        assertThat(seconds)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Z0", 217.5, "Z1", 3.5, "Z2", 4.5, "Z3", 969.0, "Z4", 676.5, "Z5", 120.5, "Z6", 0.0));
    }

    private static double at(List<@Nullable Double> values, int i) {
        Double value = values.get(i);
        assertThat(value).isNotNull();
        return value == null ? Double.NaN : value;
    }

    @Test
    void eachLapKeepsItsTimeDistanceAndHeartRate() {
        JsonNode laps = testTcx().data().path("laps");

        assertThat(laps).hasSize(3);
        // the file's <Lap> elements (l.7-17, 1571-1581, 3123-3133 of test.tcx)
        assertThat(laps.get(0).path("elapsed_s").asDouble()).isEqualTo(608.47);
        assertThat(laps.get(1).path("elapsed_s").asDouble()).isEqualTo(714.80);
        assertThat(laps.get(2).path("elapsed_s").asDouble()).isEqualTo(669.51);
        assertThat(laps.get(0).at("/distance/value").asDouble()).isEqualTo(1609.34399414);
        assertThat(laps.get(0).path("avg_hr").asDouble()).isEqualTo(139);
        assertThat(laps.get(0).path("max_hr").asDouble()).isEqualTo(189);
    }

    @Test
    void theFileWithoutHeartRateHasNoHeartRateFields() {
        // tests/test_tcxparser.py l.197-202: no_hr.tcx has no heart-rate data
        Draft run = Imported.read(tcx, sample("tcx/python-tcxparser/no_hr.tcx")).only();

        assertThat(run.data().has("avg_hr")).isFalse();
        assertThat(run.data().has("max_hr")).isFalse();
        assertThat(run.data().path("samples").has("hr")).isFalse();
        assertThat(run.data().at("/distance/value").asDouble()).isEqualTo(4686.31103516);
        assertThat(run.data().path("laps").findValues("avg_hr")).isEmpty();
    }

    @Test
    void thePaddleIsSportOtherAndItsLapsCountFourHundredNinetyOneSteps() {
        Draft paddle = Imported.read(tcx, sample("tcx/python-tcxparser/sup_activity_1.tcx"))
                .only();
        List<TcxReader.Activity> activities = new ArrayList<>();
        TcxReader.read(SourceFile.of(sample("tcx/python-tcxparser/sup_activity_1.tcx")), activities::add);

        assertThat(paddle.data().path("sport").asText()).isEqualTo("other");
        assertThat(paddle.data().path("device").asText()).isEqualTo("vívoactive HR");
        assertThat(paddle.recordId()).isEqualTo("tcx:2022-07-16T16:08:25Z");
        assertThat(Imported.stream(paddle, "time_s")).hasSize(111);
        // tests/test_standup_paddleboarding.py l.17-18: total_steps 491 (activity.logged has no steps field)
        assertThat(activities)
                .singleElement()
                .satisfies(a -> assertThat(a.steps()).contains(491.0));
    }

    @Test
    void extensionWattsAndRunCadenceBecomeStreamsAndLapValues() throws IOException {
        Path file = Files.writeString(
                dir.resolve("ride.tcx"),
                "<TrainingCenterDatabase xmlns:e=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
                        + "<Activities><Activity Sport=\"Biking\"><Id>2020-01-01T10:00:00.000Z</Id>"
                        + "<Lap StartTime=\"2020-01-01T10:00:00Z\"><TotalTimeSeconds>10</TotalTimeSeconds>"
                        + "<Track><Trackpoint><Time>2020-01-01T10:00:00Z</Time><Cadence>90</Cadence>"
                        + "<Extensions><e:TPX><e:Watts>210</e:Watts></e:TPX></Extensions></Trackpoint>"
                        + "<Trackpoint><Time>2020-01-01T10:00:10Z</Time>"
                        + "<Extensions><e:TPX><e:RunCadence>80</e:RunCadence></e:TPX></Extensions></Trackpoint>"
                        + "</Track><Extensions><e:LX><e:AvgWatts>200</e:AvgWatts></e:LX></Extensions></Lap>"
                        + "</Activity></Activities></TrainingCenterDatabase>",
                StandardCharsets.UTF_8);

        Draft ride = Imported.read(tcx, file).only();

        assertThat(ride.data().path("sport").asText()).isEqualTo("ride");
        assertThat(ride.recordId()).as("the millis of <Id> normalised").isEqualTo("tcx:2020-01-01T10:00:00Z");
        assertThat(Imported.stream(ride, "power_w")).containsExactly(210.0, null);
        assertThat(Imported.stream(ride, "cadence")).containsExactly(90.0, 80.0);
        assertThat(ride.data().at("/laps/0/avg_power_w").asDouble()).isEqualTo(200);
        assertThat(ride.data().has("distance")).isFalse();
    }

    @Test
    void eachActivityOfAFileIsOneDraftWithItsOwnId() throws IOException {
        String activity = "<Activity Sport=\"Running\"><Id>%s</Id><Lap StartTime=\"%s\">"
                + "<TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>200</DistanceMeters></Lap></Activity>";
        Path file = Files.writeString(
                dir.resolve("two.tcx"),
                "<TrainingCenterDatabase><Activities>"
                        + activity.formatted("2020-01-01T10:00:00Z", "2020-01-01T10:00:00Z")
                        + "<MultiSportSession><FirstSport>"
                        + activity.formatted("2020-01-02T10:00:00Z", "2020-01-02T10:00:00Z")
                        + "</FirstSport></MultiSportSession></Activities></TrainingCenterDatabase>",
                StandardCharsets.UTF_8);

        List<Draft> drafts = Imported.read(tcx, file).drafts();

        assertThat(drafts)
                .extracting(Draft::recordId)
                .containsExactly("tcx:2020-01-01T10:00:00Z", "tcx:2020-01-02T10:00:00Z");
        assertThat(drafts.get(0).data().path("elapsed_s").asDouble()).isEqualTo(60);
        assertThat(drafts.get(0).data().at("/distance/value").asDouble())
                .as("the laps' sum")
                .isEqualTo(200);
        assertThat(drafts.get(0).data().path("samples").isMissingNode()).isTrue();
    }
}
