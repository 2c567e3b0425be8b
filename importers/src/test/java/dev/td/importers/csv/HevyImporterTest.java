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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hevy's CSV export, read from DaKheera47/strong-statistics' sample_hevy.first5workouts.csv (MIT, @222ef5a: the first
 * 5 workouts of upstream data_sample/sample_hevy.csv). Nothing is asserted upstream: counts, set types and volume are
 * DERIVED (samples/derived_facts.json, import-survey.md §1 and §3) and recomputed here from the raw file with
 * {@link PlainCsv}.
 */
class HevyImporterTest {

    static final Path SAMPLE =
            Path.of("src/test/resources/samples/strength_csv/strong-statistics/sample_hevy.first5workouts.csv");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ImportOptions OPTIONS = new ImportOptions(BERLIN, Optional.empty());

    final HevyImporter hevy = new HevyImporter();

    @TempDir
    Path tmp;

    @Test
    void theSampleHasOneHundredTwentyFourSetsInFiveWorkoutsOfTwentyEightExercises() {
        // DERIVED (derived_facts.json): rows 124, workouts(title,start_time) 5; import-survey.md §0: 28 exercises
        List<List<String>> raw = PlainCsv.rows(SAMPLE);
        assertThat(raw).hasSize(124);
        assertThat(raw.stream().map(r -> r.get(0) + "|" + r.get(1)).distinct()).hasSize(5);
        assertThat(raw.stream().map(r -> r.get(4)).distinct()).hasSize(28);

        Collected read = Collected.read(hevy, SAMPLE, OPTIONS);

        assertThat(read.ofType("set.logged")).hasSize(124);
        assertThat(read.ofType("session.started")).hasSize(5);
        assertThat(read.ofType("session.ended")).hasSize(5);
        assertThat(read.skipped()).isEmpty();
        assertThat(read.ofType("set.logged").stream()
                        .map(d -> d.data().get("exercise").asText())
                        .distinct())
                .hasSize(28);
    }

    @Test
    void setTypesAreWarmupWorkingAndFailure() {
        // DERIVED (derived_facts.json): set_types warmup 41, normal 50, failure 33
        Map<String, Long> raw =
                PlainCsv.rows(SAMPLE).stream().collect(Collectors.groupingBy(r -> r.get(8), Collectors.counting()));
        assertThat(raw).isEqualTo(Map.of("warmup", 41L, "normal", 50L, "failure", 33L));

        Map<String, Long> read = Collected.read(hevy, SAMPLE, OPTIONS).ofType("set.logged").stream()
                .collect(Collectors.groupingBy(d -> d.data().get("set_type").asText(), Collectors.counting()));

        assertThat(read).isEqualTo(Map.of("warmup", 41L, "working", 50L, "failure", 33L));
    }

    @Test
    void theVolumeIsTheSumOfWeightKgTimesRepsOfTheRawRows() {
        // DERIVED (derived_facts.json): sum_weight_kg_x_reps 62949.5
        List<List<String>> raw = PlainCsv.rows(SAMPLE);
        int weight = PlainCsv.column(SAMPLE, "weight_kg");
        int reps = PlainCsv.column(SAMPLE, "reps");
        double rawVolume = raw.stream()
                .filter(r -> !r.get(weight).isEmpty())
                .mapToDouble(r -> Double.parseDouble(r.get(weight)) * Double.parseDouble(r.get(reps)))
                .sum();
        assertThat(rawVolume).isCloseTo(62949.5, within(1e-9));

        List<Draft> sets = Collected.read(hevy, SAMPLE, OPTIONS).ofType("set.logged");

        assertThat(StrongImporterTest.volume(sets)).isCloseTo(rawVolume, within(1e-9));
        assertThat(sets)
                .filteredOn(d -> d.data().has("weight"))
                .allSatisfy(
                        d -> assertThat(d.data().at("/weight/unit").asText()).isEqualTo("kg"));
        // import-survey.md §3: 3 rows have no weight (Back Extension 1, Dragon Flag 2): bodyweight, left out
        assertThat(sets).filteredOn(d -> !d.data().has("weight")).hasSize(3);
    }

    @Test
    void theSupersetOfTheEleventhOfSeptemberFramesItsSixSets() {
        // import-survey.md §3: superset_id "0" on 6 rows of Legs (11 Sep 2025), Hip Adduction then Hip Abduction
        Collected read = Collected.read(hevy, SAMPLE, OPTIONS);
        List<Draft> drafts = read.drafts;
        int started = indexOf(drafts, "superset.started");
        int ended = indexOf(drafts, "superset.ended");

        assertThat(read.ofType("superset.started")).hasSize(1);
        assertThat(read.ofType("superset.ended")).hasSize(1);
        List<Draft> inside = drafts.subList(started + 1, ended);
        assertThat(inside.stream().map(d -> d.data().get("exercise").asText()))
                .containsExactly(
                        "Hip Adduction (Machine)",
                        "Hip Adduction (Machine)",
                        "Hip Adduction (Machine)",
                        "Hip Abduction (Machine)",
                        "Hip Abduction (Machine)",
                        "Hip Abduction (Machine)");
        String supersetId = drafts.get(started).data().get("superset_id").asText();
        String sessionId = drafts.get(started).data().get("session_id").asText();
        assertThat(sessionId).startsWith("hevy-20250911T0749-");
        assertThat(supersetId).isEqualTo(sessionId + "/ss0");
        assertThat(drafts.get(ended).data().get("superset_id").asText()).isEqualTo(supersetId);
        assertThat(inside)
                .allSatisfy(
                        d -> assertThat(d.data().get("superset_id").asText()).isEqualTo(supersetId));
        assertThat(read.ofType("set.logged"))
                .filteredOn(d -> d.data().has("superset_id"))
                .hasSize(6);
        assertThat(drafts.get(started).occurredAt()).isEqualTo(Instant.parse("2025-09-11T05:49:00Z"));
    }

    @Test
    void septemberDatesParseInTheGivenZoneAndTheSessionEndsAtEndTime() {
        // row 2: "15 Sep 2025, 07:48" to "15 Sep 2025, 09:13" (CEST, UTC+2); "9 Sep 2025, 06:46" a one-digit day
        Collected read = Collected.read(hevy, SAMPLE, OPTIONS);

        Draft first = read.drafts.getFirst();
        assertThat(first.type()).isEqualTo("session.started");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2025-09-15T05:48:00Z"));
        assertThat(first.data().get("name").asText()).isEqualTo("Lower // Ramp // Strength // 1");
        assertThat(read.ofType("session.ended").getFirst().occurredAt())
                .isEqualTo(Instant.parse("2025-09-15T07:13:00Z"));
        assertThat(read.ofType("session.started").getLast().occurredAt())
                .isEqualTo(Instant.parse("2025-09-09T04:46:00Z"));
        assertThat(read.drafts).allSatisfy(d -> assertThat(d.timeZone()).isEmpty());
    }

    @Test
    void exerciseNotesLoseTheirEscapedLineBreaksAndGoOnTheExercisesFirstSet() {
        // row 20: exercise_notes "Lower: all sets 175 next time\nLegs: 170" with a literal backslash-n
        int notes = PlainCsv.column(SAMPLE, "exercise_notes");
        String raw = PlainCsv.rows(SAMPLE).stream()
                .map(r -> r.get(notes))
                .filter(n -> n.contains("\\n"))
                .findFirst()
                .orElseThrow();
        assertThat(raw).isEqualTo("Lower: all sets 175 next time\\nLegs: 170");

        List<Draft> calfPress = Collected.read(hevy, SAMPLE, OPTIONS).ofType("set.logged").stream()
                .filter(d -> d.data().get("exercise").asText().equals("Calf Press (Machine)"))
                .filter(d -> d.data().get("session_id").asText().startsWith("hevy-20250915T0748-"))
                .toList();

        assertThat(calfPress.getFirst().data().get("notes").asText())
                .isEqualTo("Lower: all sets 175 next time\nLegs: 170");
        assertThat(calfPress.subList(1, calfPress.size()))
                .allSatisfy(d -> assertThat(d.data().has("notes")).isFalse());
    }

    @Test
    void notesWithCommasStayWhole() {
        // import-survey.md §3: "Did 14,5 for form, next time try 15 again", quoted with its commas
        assertThat(Collected.read(hevy, SAMPLE, OPTIONS).ofType("set.logged").stream()
                        .map(d -> d.data().path("notes").asText()))
                .contains("Did 14,5 for form, next time try 15 again");
    }

    @Test
    void rpeValuesAreTheFilesAndWithinSixToTen() {
        int rpe = PlainCsv.column(SAMPLE, "rpe");
        List<Double> raw = PlainCsv.rows(SAMPLE).stream()
                .map(r -> Double.parseDouble(r.get(rpe)))
                .toList();

        List<Double> read = Collected.read(hevy, SAMPLE, OPTIONS).ofType("set.logged").stream()
                .map(d -> d.data().get("rpe").asDouble())
                .toList();

        assertThat(read).isEqualTo(raw).allSatisfy(v -> assertThat(v).isBetween(6.0, 10.0));
    }

    @Test
    void zeroDurationsAndEmptyDistancesAreLeftOut() {
        assertThat(Collected.read(hevy, SAMPLE, OPTIONS).ofType("set.logged"))
                .allSatisfy(
                        d -> assertThat(d.data().has("duration_s") || d.data().has("distance_m"))
                                .isFalse());
    }

    @Test
    void setIndexesNumberEachSessionsSetsAndSessionIdsAreDistinct() {
        Collected read = Collected.read(hevy, SAMPLE, OPTIONS);
        Map<String, List<Integer>> indexes = read.ofType("set.logged").stream()
                .collect(Collectors.groupingBy(
                        d -> d.data().get("session_id").asText(),
                        Collectors.mapping(d -> d.data().get("set_index").asInt(), Collectors.toList())));

        assertThat(indexes.values().stream().map(List::size)).containsExactlyInAnyOrder(25, 25, 24, 24, 26);
        indexes.values()
                .forEach(list -> assertThat(list)
                        .isEqualTo(IntStream.range(0, list.size()).boxed().toList()));
    }

    @Test
    void recordIdsAreDistinctAndStableWhenANewerWorkoutIsExportedOnTop() throws IOException {
        List<String> first = Collected.read(hevy, SAMPLE, OPTIONS).recordIds();
        assertThat(first)
                .doesNotHaveDuplicates()
                .isEqualTo(Collected.read(hevy, SAMPLE, OPTIONS).recordIds());
        assertThat(first).allSatisfy(id -> assertThat(id).startsWith("hevy:").hasSizeLessThanOrEqualTo(150));

        // Hevy lists the newest workout first: a later export has new rows above the old ones
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        String newer = "\"Full Body\",\"17 Sep 2025, 18:00\",\"17 Sep 2025, 19:00\",\"\",\"Squat (Barbell)\",,\"\",0,"
                + "\"normal\",80,5,,0,8";
        Path later = tmp.resolve("hevy_later.csv");
        Files.writeString(
                later,
                lines.getFirst() + "\n" + newer + "\n" + String.join("\n", lines.subList(1, lines.size())),
                StandardCharsets.UTF_8);

        List<String> again = Collected.read(hevy, later, OPTIONS).recordIds();

        assertThat(again).hasSize(first.size() + 3).containsAll(first);
    }

    @Test
    void aDropsetIsADropSetAndAnUnknownSetTypeIsABadFile() throws IOException {
        String header = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\","
                + "\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\","
                + "\"duration_seconds\",\"rpe\"\n";
        Path drop = write(header + "\"A\",\"1 Oct 2025, 10:00\",\"1 Oct 2025, 11:00\",\"\",\"Row\",,\"\",0,\"dropset\","
                + "40,12,1.2,90,\n");
        Draft set = Collected.read(hevy, drop, OPTIONS).ofType("set.logged").getFirst();
        assertThat(set.data().get("set_type").asText()).isEqualTo("drop");
        assertThat(set.data().get("distance_m").asDouble()).isEqualTo(1200.0);
        assertThat(set.data().get("duration_s").asDouble()).isEqualTo(90.0);
        assertThat(set.data().has("rpe")).isFalse();

        Path unknown = write(header
                + "\"A\",\"1 Oct 2025, 10:00\",\"1 Oct 2025, 11:00\",\"\",\"Row\",,\"\",0,\"giant\"," + "40,12,,0,\n");
        assertThatThrownBy(() -> Collected.read(hevy, unknown, OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(
                        "hevy.csv row 2, column \"set_type\": \"giant\" is not a Hevy set type td knows");
    }

    @Test
    void aUsLocaleExportsTwelveHourDatesAndPoundsRead() throws IOException {
        // header and date style of a weight_lbs export as in third-party Hevy import fixtures (no such sample here)
        Path file = write(lines(
                "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\","
                        + "\"exercise_notes\",\"set_index\",\"set_type\",\"weight_lbs\",\"reps\",\"distance_miles\","
                        + "\"duration_seconds\",\"rpe\"",
                "\"HIIT\",\"May 15, 2026, 7:26 PM\",\"May 15, 2026, 7:42 PM\",\"\",\"Elliptical Trainer\",,\"\",0,"
                        + "\"normal\",,,1.25,240,",
                "\"HIIT\",\"May 15, 2026, 7:26 PM\",\"May 15, 2026, 7:42 PM\",\"\",\"Curl\",,\"\",0,\"normal\",25,"
                        + "12,,0,"));

        Collected read = Collected.read(hevy, file, OPTIONS);

        assertThat(read.drafts.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-05-15T17:26:00Z"));
        List<Draft> sets = read.ofType("set.logged");
        assertThat(sets.get(0).data().get("distance_m").asDouble()).isEqualTo(2011.68); // 1.25 × 1609.344
        assertThat(sets.get(1).data().get("weight").toString()).isEqualTo("{\"value\":25.0,\"unit\":\"lb\"}");
    }

    @Test
    void anUnparseableStartTimeNamesItsRowAndColumn() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        Path file = write(lines.get(0) + "\n" + lines.get(1) + "\n"
                + lines.get(2).replace("15 Sep 2025, 07:48", "2025-09-15 07:48") + "\n");

        assertThatThrownBy(() -> Collected.read(hevy, file, OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(
                        "hevy.csv row 3, column \"start_time\": \"2025-09-15 07:48\" is not a time like 15 Sep 2025, 07:48");
    }

    @Test
    void aHeaderWithoutRowsIsABadFile() throws IOException {
        Path file = write(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).getFirst() + "\n");

        assertThatThrownBy(() -> Collected.read(hevy, file, OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("hevy.csv has no rows after its header");
    }

    @Test
    void everyDraftFitsTdsEventSchema() {
        assertThat(Collected.read(hevy, SAMPLE, OPTIONS).drafts.stream()
                        .flatMap(d -> EventSchemas.problems(d).stream()))
                .isEmpty();
    }

    private static int indexOf(List<Draft> drafts, String type) {
        return IntStream.range(0, drafts.size())
                .filter(i -> drafts.get(i).type().equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private Path write(String text) throws IOException {
        Path file = tmp.resolve("hevy.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
