package dev.td.importers.track;

import static dev.td.importers.track.Imported.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import dev.td.importers.ImportException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GPX samples read through {@link GpxImporter}. The expected points are togeojson's fixtures ({@code *.gpx.geojson}),
 * which mapbox/togeojson @4c46c47 test/index.js l.22-31 ({@code gpxFixtureEqual}) asserts with {@code t.deepEqual}:
 * coordinates [lon, lat, ele], {@code coordTimes}, {@code heartRates}, {@code name}, {@code time}.
 */
class GpxImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpxImporter gpx = new GpxImporter();

    @TempDir
    Path dir;

    /** One feature of a togeojson fixture, its segments run together. */
    private record Fixture(
            String name, Instant time, List<Instant> times, List<@Nullable Double> heartRates, List<JsonNode> points) {}

    private static Fixture fixture(String file) throws IOException {
        JsonNode feature = JSON.readTree(
                        sample("gpx/togeojson/" + file + ".geojson").toFile())
                .path("features")
                .get(0);
        JsonNode properties = feature.path("properties");
        boolean multi = feature.at("/geometry/type").asText().equals("MultiLineString");
        List<Instant> times = new ArrayList<>();
        flat(properties.path("coordTimes"), multi).forEach(t -> times.add(Instant.parse(t.asText())));
        List<@Nullable Double> heartRates = new ArrayList<>();
        flat(properties.path("heartRates"), multi).forEach(h -> heartRates.add(h.isNull() ? null : h.asDouble()));
        return new Fixture(
                properties.path("name").asText(),
                Instant.parse(properties.path("time").asText()),
                times,
                heartRates,
                flat(feature.at("/geometry/coordinates"), multi));
    }

    private static List<JsonNode> flat(JsonNode array, boolean multi) {
        List<JsonNode> all = new ArrayList<>();
        if (multi) {
            array.forEach(segment -> segment.forEach(all::add));
        } else {
            array.forEach(all::add);
        }
        return all;
    }

    private Draft only(String file) {
        return Imported.read(gpx, sample("gpx/togeojson/" + file)).only();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run.gpx", "run_gpxtpx.gpx", "missing_hr.gpx"})
    void everyPointKeepsTheTimeHeartRateAndElevationTogeojsonExpects(String file) throws IOException {
        Fixture expected = fixture(file);
        Draft draft = only(file);

        assertThat(draft.type()).isEqualTo("activity.logged");
        assertThat(draft.occurredAt())
                .isEqualTo(expected.time())
                .isEqualTo(expected.times().get(0));
        assertThat(draft.data().path("name").asText()).isEqualTo(expected.name());
        List<Double> seconds = expected.times().stream()
                .map(t -> Duration.between(expected.times().get(0), t).toMillis() / 1000.0)
                .toList();
        assertThat(Imported.stream(draft, "time_s")).containsExactlyElementsOf(seconds);
        assertThat(Imported.stream(draft, "hr")).containsExactlyElementsOf(expected.heartRates());
        assertThat(Imported.stream(draft, "altitude_m"))
                .containsExactlyElementsOf(
                        expected.points().stream().map(p -> p.get(2).asDouble()).toList());
        assertThat(draft.data().path("elapsed_s").asDouble()).isEqualTo(seconds.get(seconds.size() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run.gpx", "run_gpxtpx.gpx", "missing_hr.gpx"})
    void theRecordIdIsTheFirstPointsTimeAndPlaceAndThePointCount(String file) throws IOException {
        Fixture expected = fixture(file);
        JsonNode first = expected.points().get(0);
        String id = "gpx:" + expected.times().get(0) + ":" + fiveDecimals(first.get(1)) + ","
                + fiveDecimals(first.get(0)) + ":" + expected.points().size();

        Draft draft = only(file);

        assertThat(draft.recordId()).isEqualTo(id);
        assertThat(draft.data().path("activity_id").asText()).isEqualTo(id);
        assertThat(only(file).recordId()).as("stable on a second reading").isEqualTo(id);
    }

    private static String fiveDecimals(JsonNode degrees) {
        return new BigDecimal(degrees.asText())
                .setScale(5, RoundingMode.HALF_UP)
                .toPlainString();
    }

    @ParameterizedTest
    @CsvSource({
        // file, hr min, hr max, hr mean, device: samples/derived_facts.json (DERIVED, not asserted upstream)
        "run.gpx, 130, 203, 190.009709, Garmin Connect",
        "run_gpxtpx.gpx, 111, 187, 168.643113, StravaGPX",
        "missing_hr.gpx, 104, 131, 110.666667, Oregon 600"
    })
    void theHeartRateSummaryIsTheMeanAndMaximumOfThePoints(
            String file, double min, double max, double mean, String device) {
        Draft draft = only(file);

        assertThat(Imported.present(draft, "hr"))
                .allSatisfy(hr -> assertThat(hr).isBetween(min, max))
                .contains(min, max);
        assertThat(draft.data().path("max_hr").asDouble()).isEqualTo(max);
        assertThat(draft.data().path("avg_hr").asDouble()).isCloseTo(mean, within(5e-7));
        assertThat(draft.data().path("device").asText()).isEqualTo(device);
        assertThat(draft.data().path("source").asText()).isEqualTo("gpx");
        assertThat(draft.data().path("sport").asText())
                .as("no <type> in the file")
                .isEqualTo("other");
        assertThat(draft.timeZone()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // haversine sums within segments by the import survey's scripts/gpx.py (Python, R = 6371008.8 m), to 0.1 m
        "run.gpx, 3098.5",
        "run_gpxtpx.gpx, 3568.3",
        "missing_hr.gpx, 61.8"
    })
    void theDistanceIsTheHaversineSumWithinSegments(String file, double metres) {
        Draft draft = only(file);

        assertThat(draft.data().at("/distance/value").asDouble()).isCloseTo(metres, within(0.05));
        assertThat(draft.data().at("/distance/unit").asText()).isEqualTo("m");
        List<Double> distances = Imported.present(draft, "distance_m");
        assertThat(distances).isSorted().first().isEqualTo(0.0);
        assertThat(distances.get(distances.size() - 1))
                .isEqualTo(draft.data().at("/distance/value").asDouble());
    }

    @Test
    void theGapsBetweenSegmentsAreNeitherMovingTimeNorClimb() {
        Draft draft = only("missing_hr.gpx");

        // coordTimes: 04:00:00 to 04:02:02; the segments span 2 s, 38 s and 2 s, no step longer than 9 s
        assertThat(draft.data().path("elapsed_s").asDouble()).isEqualTo(122);
        assertThat(draft.data().path("moving_s").asDouble()).isEqualTo(42);
        // <ele> rises 0.10 m, 5.76 m and 0.10 m within the three segments and never falls (by hand from the file)
        assertThat(draft.data().at("/elevation_gain/value").asDouble()).isCloseTo(5.96, within(1e-9));
        assertThat(draft.data().at("/elevation_loss/value").asDouble()).isZero();
    }

    @Test
    void aLongStopInOnePlaceIsAPauseAndALongStepOnTheMoveIsNot() throws IOException {
        // 0.001° of latitude is 111.2 m: 60 s standing still, then 60 s at 1.85 m/s, then 1 s
        Path file = write(
                "stop.gpx",
                track(point(0, "10:00:00Z", "")
                        + point(0, "10:01:00Z", "")
                        + point(0.001, "10:02:00Z", "")
                        + point(0.001, "10:02:01Z", "")));

        Draft draft = Imported.read(gpx, file).only();

        assertThat(draft.data().path("elapsed_s").asDouble()).isEqualTo(121);
        assertThat(draft.data().path("moving_s").asDouble()).isEqualTo(61);
        assertThat(draft.data().at("/distance/value").asDouble())
                .isCloseTo(Haversine.EARTH_RADIUS_M * Math.toRadians(0.001), within(1e-6));
        assertThat(draft.data().has("elevation_gain")).as("no <ele>").isFalse();
        assertThat(draft.data().path("samples").has("altitude_m")).isFalse();
        assertThat(draft.data().path("samples").has("hr")).isFalse();
    }

    @Test
    void cadenceAndPowerComeFromExtensionsWhateverTheirPrefixOrVersion() throws IOException {
        String v2 = "<extensions><power>250</power><x:TrackPointExtension"
                + " xmlns:x=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">"
                + "<x:hr>140</x:hr><x:cad>88</x:cad></x:TrackPointExtension></extensions>";
        Path file = write("power.gpx", track(point(0, "10:00:00Z", v2) + point(0.0001, "10:00:05Z", "<extensions/>")));

        Draft draft = Imported.read(gpx, file).only();

        assertThat(Imported.stream(draft, "hr")).containsExactly(140.0, null);
        assertThat(Imported.stream(draft, "cadence")).containsExactly(88.0, null);
        assertThat(Imported.stream(draft, "power_w")).containsExactly(250.0, null);
    }

    @Test
    void theGarminExtensionOfGpxpysWaypointReadsAsAHeartRateOnATrackPoint() throws IOException {
        // gpxpy @017d996 test.py l.3296-3300: the waypoint's <gpxtpx:hr> is 171; moved here into a track point
        String waypointFile = Files.readString(sample("gpx/gpxpy/gpx_with_garmin_extension.gpx"));
        Path file = write(
                "as-track.gpx",
                waypointFile.replace("<wpt", "<trk><trkseg><trkpt").replace("</wpt>", "</trkpt></trkseg></trk>"));

        Draft draft = Imported.read(gpx, file).only();

        assertThat(Imported.stream(draft, "hr")).containsExactly(171.0);
        assertThat(draft.data().path("device").asText()).isEqualTo("Runkeeper - http://www.runkeeper.com");
    }

    @Test
    void aFileWithOnlyAWaypointIsRefusedAsNotARecordedTrack() {
        assertThatThrownBy(() -> Imported.read(gpx, sample("gpx/gpxpy/gpx_with_garmin_extension.gpx")))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isFalse())
                .hasMessageContaining("gpx_with_garmin_extension.gpx has no track points (only 1 waypoint")
                .hasMessageContaining("td imports recorded tracks");
    }

    @Test
    void eachTrackOfAFileIsOneActivityAndAnEmptyTrackIsReportedAsSkipped() throws IOException {
        Path file = write(
                "three.gpx",
                "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><metadata><name>Day</name></metadata>"
                        + "<trk><type>running</type><trkseg>" + point(0, "10:00:00Z", "")
                        + point(0.001, "10:05:00Z", "")
                        + "</trkseg></trk><trk><name>empty</name></trk>"
                        + "<trk><name>Back</name><type>Biking</type><trkseg>" + point(0.001, "11:00:00Z", "")
                        + point(0, "11:05:00Z", "") + "</trkseg></trk><wpt lat=\"1\" lon=\"1\"/></gpx>");

        Imported imported = Imported.read(gpx, file);

        assertThat(imported.drafts()).hasSize(2);
        assertThat(imported.drafts())
                .extracting(d -> d.data().path("name").asText())
                .containsExactly("Day", "Back");
        assertThat(imported.drafts())
                .extracting(d -> d.data().path("sport").asText())
                .containsExactly("run", "ride");
        assertThat(imported.drafts()).extracting(Draft::recordId).doesNotHaveDuplicates();
        assertThat(imported.skipped())
                .containsExactly(
                        "track 2 (line 1): it has no track points",
                        "1 waypoint and 0 routes: not recorded activities: only the tracks are imported");
    }

    @Test
    void aPointEarlierThanThePointBeforeIsLeftOutAndReported() throws IOException {
        Path file = write(
                "backwards.gpx",
                track(point(0, "10:00:00Z", "") + point(0.001, "10:00:30Z", "") + point(0.002, "10:00:20Z", "")));

        Imported imported = Imported.read(gpx, file);

        assertThat(Imported.stream(imported.only(), "time_s")).containsExactly(0.0, 30.0);
        assertThat(imported.skipped())
                .containsExactly("track 1: 1 point was left out for being earlier than the point before");
    }

    @Test
    void aPointWithoutATimeIsABadFileNamingItsLine() throws IOException {
        Path file = write("untimed.gpx", track(point(0, "10:00:00Z", "") + "\n<trkpt lat=\"0\" lon=\"0\"/>"));

        assertThatThrownBy(() -> Imported.read(gpx, file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("untimed.gpx line 2: this track point has no <time> (1 of 2 points")
                .hasMessageContaining("Export the file again");
    }

    @Test
    void aTrackWithoutAnyTimeIsABadFileSayingItIsARoute() throws IOException {
        Path file = write("route.gpx", track("<trkpt lat=\"0\" lon=\"0\"/><trkpt lat=\"1\" lon=\"0\"/>"));

        assertThatThrownBy(() -> Imported.read(gpx, file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("track 1 has no times: it is a planned route");
    }

    @Test
    void aPointWithoutACoordinateOrWithTextForANumberIsABadFile() throws IOException {
        Path noLat = write("nolat.gpx", track("<trkpt lon=\"0\"><time>2020-01-01T10:00:00Z</time></trkpt>"));
        Path badEle = write("badele.gpx", track(point(0, "10:00:00Z", "").replace("<time>", "<ele>high</ele><time>")));

        assertThatThrownBy(() -> Imported.read(gpx, noLat))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nolat.gpx line 1: a <trkpt> has no lat attribute");
        assertThatThrownBy(() -> Imported.read(gpx, badEle))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("badele.gpx line 1: <ele> is 'high', not a number");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A GPX 1.1 file with one track of one segment. */
    static String track(String points) {
        return "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
                + points + "</trkseg></trk></gpx>";
    }

    /** A point on the meridian at {@code lat}, on 2020-01-01 at {@code time}. */
    static String point(double lat, String time, String extensions) {
        return "<trkpt lat=\"" + lat + "\" lon=\"0\"><time>2020-01-01T" + time + "</time>" + extensions + "</trkpt>";
    }
}
