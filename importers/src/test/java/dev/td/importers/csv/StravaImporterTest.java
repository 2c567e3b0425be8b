package dev.td.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.importers.Collected;
import dev.td.importers.Draft;
import dev.td.importers.EventSchemas;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strava's activities.csv, read from TheNewThinkTank/strava-insights' sample (MIT, @2bc99c9). Nothing about it is
 * asserted upstream: the counts are DERIVED (samples/README.md, derived_facts.json) and the cells are read here from
 * the raw file with {@link PlainCsv}.
 */
class StravaImporterTest {

    static final Path SAMPLE = Path.of("src/test/resources/samples/strava_export/strava-insights/activities.csv");
    // A zone far from UTC: Strava's dates are UTC whatever the person's zone
    static final ImportOptions OPTIONS = new ImportOptions(ZoneId.of("America/Los_Angeles"), Optional.empty());

    final StravaImporter strava = new StravaImporter();

    @TempDir
    Path tmp;

    @Test
    void theSampleHasOneHundredTwelveActivitiesBySport() {
        // DERIVED (derived_facts.json): rows 112; Run 89, Walk 9, Ride 7, Yoga 5, Workout 2
        Collected read = Collected.read(strava, SAMPLE, OPTIONS);

        assertThat(read.drafts)
                .hasSize(112)
                .allSatisfy(d -> assertThat(d.type()).isEqualTo("activity.logged"));
        Map<String, Long> sports = read.drafts.stream()
                .collect(Collectors.groupingBy(d -> d.data().get("sport").asText(), Collectors.counting()));
        assertThat(sports).isEqualTo(Map.of("run", 89L, "walk", 9L, "ride", 7L, "yoga", 5L, "workout", 2L));
    }

    @Test
    void aNegativeElevationLossIsLeftOutAndReported() {
        // the sample has 3 rows with Elevation Loss below 0 (-1.9, -0.3, -0.1 m): td's heights are 0 or more
        int loss = PlainCsv.column(SAMPLE, "Elevation Loss");
        List<String> negative = new ArrayList<>();
        List<List<String>> rows = PlainCsv.rows(SAMPLE);
        for (int i = 0; i < rows.size(); i++) {
            String cell = rows.get(i).get(loss);
            if (!cell.isEmpty() && Double.parseDouble(cell) < 0) {
                negative.add("row " + (i + 2) + ": elevation_loss " + Double.parseDouble(cell)
                        + " is outside td's range 0.0-100000.0, so it is left out");
            }
        }
        assertThat(negative).hasSize(3);

        assertThat(Collected.read(strava, SAMPLE, OPTIONS).skipped()).isEqualTo(negative);
    }

    @Test
    void theFirstActivityStartsAtItsDateReadAsUtc() {
        // row 2: Activity Date "Jan 27, 2021, 1:57:47 PM"; UTC per import-survey.md §4 (weather observation epochs)
        assertThat(PlainCsv.rows(SAMPLE).getFirst().get(1)).isEqualTo("Jan 27, 2021, 1:57:47 PM");

        Draft first = Collected.read(strava, SAMPLE, OPTIONS).drafts.getFirst();

        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2021-01-27T13:57:47Z"));
        assertThat(first.timeZone()).isEmpty();
        assertThat(first.recordId()).isEqualTo("strava:4689591795");
        assertThat(first.data().get("activity_id").asText()).isEqualTo("strava-4689591795");
        assertThat(first.data().get("name").asText()).isEqualTo("Afternoon Ride");
        assertThat(first.data().get("source").asText()).isEqualTo("strava");
    }

    @Test
    void theDistanceIsTheSecondDistanceColumnInMetres() {
        List<String> header = PlainCsv.records(SAMPLE).getFirst();
        int metres = header.lastIndexOf("Distance");
        assertThat(metres).isEqualTo(17);
        assertThat(header.indexOf("Distance")).isEqualTo(6);
        List<String> row = PlainCsv.rows(SAMPLE).getFirst();
        assertThat(row.get(6)).isEqualTo("5.61"); // km, rounded

        Draft first = Collected.read(strava, SAMPLE, OPTIONS).drafts.getFirst();

        assertThat(first.data().get("distance").toString())
                .isEqualTo("{\"value\":" + Double.parseDouble(row.get(metres)) + ",\"unit\":\"m\"}");
        assertThat(first.data().at("/distance/value").asDouble()).isEqualTo(5612.39990234375);
    }

    @Test
    void everyRowsCellsGoToTheirFields() {
        List<String> header = PlainCsv.records(SAMPLE).getFirst();
        List<List<String>> rows = PlainCsv.rows(SAMPLE);
        List<Draft> drafts = Collected.read(strava, SAMPLE, OPTIONS).drafts;

        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            var data = drafts.get(i).data();
            assertThat(data.get("elapsed_s").asDouble()).isEqualTo(Double.parseDouble(row.get(15)));
            assertThat(data.get("moving_s").asDouble()).isEqualTo(Double.parseDouble(row.get(16)));
            expect(data.path("max_hr").asText(""), row.get(header.indexOf("Max Heart Rate")));
            expect(data.path("avg_hr").asText(""), row.get(header.indexOf("Average Heart Rate")));
            expect(data.path("avg_power_w").asText(""), row.get(header.indexOf("Average Watts")));
            expect(data.path("calories").asText(""), row.get(header.indexOf("Calories")));
            expect(data.path("rpe").asText(""), row.get(header.indexOf("Perceived Exertion")));
            expect(data.at("/elevation_gain/value").asText(""), row.get(header.indexOf("Elevation Gain")));
            assertThat(data.path("notes").asText(""))
                    .isEqualTo(row.get(header.indexOf("Activity Description")).strip());
        }
    }

    @Test
    void zeroDistancesAreLeftOut() {
        // import-survey.md §4: 10 rows have distance 0 (Yoga, Workout, some Run/Ride)
        assertThat(Collected.read(strava, SAMPLE, OPTIONS).drafts)
                .filteredOn(d -> !d.data().has("distance"))
                .hasSize(10);
    }

    @Test
    void heartRatesAndPerceivedExertionAreThereWhereTheFileHasThem() {
        // import-survey.md §4: Max Heart Rate (col 7) and Average Heart Rate 20 rows each, Perceived Exertion 10,
        // Average Watts 1 row (60.08, rounded there)
        int watts = PlainCsv.column(SAMPLE, "Average Watts");
        List<Double> rawWatts = PlainCsv.rows(SAMPLE).stream()
                .map(r -> r.get(watts))
                .filter(w -> !w.isEmpty())
                .map(Double::parseDouble)
                .toList();
        assertThat(rawWatts).singleElement().satisfies(w -> assertThat(w).isCloseTo(60.08, within(0.005)));
        List<Draft> drafts = Collected.read(strava, SAMPLE, OPTIONS).drafts;

        assertThat(drafts).filteredOn(d -> d.data().has("max_hr")).hasSize(20);
        assertThat(drafts).filteredOn(d -> d.data().has("avg_hr")).hasSize(20);
        assertThat(drafts).filteredOn(d -> d.data().has("rpe")).hasSize(10);
        assertThat(drafts.stream()
                        .filter(d -> d.data().has("avg_power_w"))
                        .map(d -> d.data().get("avg_power_w").asDouble()))
                .isEqualTo(rawWatts);
    }

    @Test
    void columnsAreFoundByNameInAnExportWithMoreColumns() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        Path file = tmp.resolve("activities.csv");
        // a future export with a new column before the rest: positions move, names stay
        Files.writeString(
                file,
                lines.get(0).replaceFirst("Activity Type,", "Activity Type,Sport Group,") + "\n"
                        + lines.get(1).replaceFirst(",Ride,", ",Ride,Cycling,") + "\n",
                StandardCharsets.UTF_8);

        Draft first = Collected.read(strava, file, OPTIONS).drafts.getFirst();

        assertThat(first.data().get("sport").asText()).isEqualTo("ride");
        assertThat(first.data().at("/distance/value").asDouble()).isEqualTo(5612.39990234375);
        assertThat(first.data().get("elapsed_s").asDouble()).isEqualTo(1275.0);
    }

    @Test
    void otherActivityTypesBecomeSnakeCaseSports() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        List<String> text = new ArrayList<>(List.of(lines.get(0)));
        for (String type : List.of("WeightTraining", "VirtualRide", "TrailRun", "E-BikeRide", "AlpineSki")) {
            text.add(lines.get(1)
                    .replaceFirst("^4689591795,", type.length() + "0" + text.size() + ",")
                    .replaceFirst(",Ride,", "," + type + ","));
        }
        Path file = tmp.resolve("activities.csv");
        Files.writeString(file, String.join("\n", text), StandardCharsets.UTF_8);

        assertThat(Collected.read(strava, file, OPTIONS).drafts.stream()
                        .map(d -> d.data().get("sport").asText()))
                .containsExactly("strength", "ride", "trail_run", "e_bike_ride", "alpine_ski");
    }

    @Test
    void recordIdsAreTheActivityIdsAndStable() {
        List<String> ids = Collected.read(strava, SAMPLE, OPTIONS).recordIds();
        List<String> raw =
                PlainCsv.rows(SAMPLE).stream().map(r -> "strava:" + r.get(0)).toList();

        assertThat(ids).isEqualTo(raw).doesNotHaveDuplicates();
        assertThat(Collected.read(strava, SAMPLE, OPTIONS).recordIds()).isEqualTo(ids);
    }

    @Test
    void aLocalisedDateIsABadFileNamingItsRow() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        Path file = tmp.resolve("activities.csv");
        Files.writeString(
                file,
                lines.get(0) + "\n"
                        + lines.get(1).replace("\"Jan 27, 2021, 1:57:47 PM\"", "\"27 janv. 2021, 13:57:47\""),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Collected.read(strava, file, OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("activities.csv row 2, column \"Activity Date\": \"27 janv. 2021, 13:57:47\""
                        + " is not a date like Jan 27, 2021, 1:57:47 PM");
    }

    @Test
    void aRowCutShortIsABadFile() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        Path file = tmp.resolve("activities.csv");
        Files.writeString(
                file,
                lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 60),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Collected.read(strava, file, OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("activities.csv row 3 has ")
                .hasMessageContaining("cells where the header has 87");
    }

    @Test
    void everyDraftFitsTdsEventSchema() {
        assertThat(Collected.read(strava, SAMPLE, OPTIONS).drafts.stream()
                        .flatMap(d -> EventSchemas.problems(d).stream()))
                .isEmpty();
    }

    /** An empty cell is a left-out field, else the field holds the cell's number. */
    private static void expect(String field, String cell) {
        if (cell.isEmpty()) {
            assertThat(field).isEmpty();
        } else {
            assertThat(Double.parseDouble(field)).isEqualTo(Double.parseDouble(cell));
        }
    }
}
