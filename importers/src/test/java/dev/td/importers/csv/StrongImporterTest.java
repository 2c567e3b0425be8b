package dev.td.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.importers.Collected;
import dev.td.importers.Draft;
import dev.td.importers.EventSchemas;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strong's CSV export, read from DaKheera47/strong-statistics' samples (MIT, @222ef5a). Nothing about them is asserted
 * upstream: the counts and volume are DERIVED (samples/derived_facts.json, reproduced in import-survey.md §1) and each
 * test recomputes them from the raw file with {@link PlainCsv}, never from the importer.
 */
class StrongImporterTest {

    static final Path DIR = Path.of("src/test/resources/samples/strength_csv/strong-statistics");
    static final Path SAMPLE = DIR.resolve("sample_strong.csv");
    static final Path LEGACY = DIR.resolve("sample_strong_legacy.csv");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ImportOptions KG = new ImportOptions(BERLIN, Optional.of("kg"));

    static final String HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE";

    final StrongImporter strong = new StrongImporter();

    @TempDir
    Path tmp;

    @Test
    void theSampleHasTwoHundredFiftySetsInFifteenWorkoutsOfNineteenExercises() {
        // DERIVED (derived_facts.json): rows 250, workouts(Date,Workout Name) 15, distinct_exercises 19
        List<List<String>> raw = PlainCsv.rows(SAMPLE);
        assertThat(raw).hasSize(250);
        assertThat(raw.stream().map(r -> r.get(0) + "|" + r.get(1)).distinct()).hasSize(15);
        assertThat(raw.stream().map(r -> r.get(3)).distinct()).hasSize(19);

        Collected read = Collected.read(strong, SAMPLE, KG);

        assertThat(read.ofType("set.logged")).hasSize(250);
        assertThat(read.ofType("session.started")).hasSize(15);
        assertThat(read.ofType("session.ended")).hasSize(15);
        assertThat(read.ofType("set.logged").stream()
                        .map(d -> d.data().get("exercise").asText())
                        .distinct())
                .hasSize(19);
        assertThat(read.drafts).hasSize(250 + 15 + 15);
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void theVolumeOfTheSetsIsTheSumOfWeightTimesRepsOfTheRawRows() {
        // DERIVED (derived_facts.json): sum_weight_x_reps 49237.399999999994, recomputed here from the raw cells
        List<List<String>> raw = PlainCsv.rows(SAMPLE);
        int weight = PlainCsv.column(SAMPLE, "Weight");
        int reps = PlainCsv.column(SAMPLE, "Reps");
        double rawVolume = raw.stream()
                .mapToDouble(r -> Double.parseDouble(r.get(weight)) * Double.parseDouble(r.get(reps)))
                .sum();
        assertThat(rawVolume).isCloseTo(49237.4, within(1e-6));

        assertThat(volume(Collected.read(strong, SAMPLE, KG))).isCloseTo(rawVolume, within(1e-6));
    }

    @Test
    void theLegacyFileHasSixSetsInThreeWorkouts() {
        // DERIVED (derived_facts.json): rows 6, workouts 3, sum_weight_x_reps 1240.0
        Collected read = Collected.read(strong, LEGACY, KG);

        assertThat(read.ofType("set.logged")).hasSize(6);
        assertThat(read.ofType("session.started")).hasSize(3);
        assertThat(volume(read)).isEqualTo(1240.0);
    }

    @Test
    void aWorkoutStartsAtItsLocalDateAndEndsAfterItsDuration() {
        Collected read = Collected.read(strong, SAMPLE, KG);
        // row 2: 2024-11-28 17:36:08,"B",35m,"Bent Over Row (Barbell)",1,10.0,13.0,0,0.0,
        Instant start = Instant.parse("2024-11-28T16:36:08Z"); // 17:36:08 in Berlin (CET, UTC+1)
        Draft started = read.drafts.getFirst();
        assertThat(started.type()).isEqualTo("session.started");
        assertThat(started.occurredAt()).isEqualTo(start);
        assertThat(started.timeZone()).isEmpty();
        assertThat(started.data().get("session_id").asText()).isEqualTo("strong-20241128T173608");
        assertThat(started.data().get("name").asText()).isEqualTo("B");

        Draft ended = read.ofType("session.ended").getFirst();
        assertThat(ended.occurredAt()).isEqualTo(start.plusSeconds(35 * 60));
        assertThat(ended.data().get("session_id").asText()).isEqualTo("strong-20241128T173608");

        Draft firstSet = read.drafts.get(1);
        assertThat(firstSet.occurredAt()).isEqualTo(start);
        assertThat(firstSet.data().toString())
                .isEqualTo("{\"session_id\":\"strong-20241128T173608\",\"exercise\":\"Bent Over Row (Barbell)\","
                        + "\"set_type\":\"working\",\"weight\":{\"value\":10.0,\"unit\":\"kg\"},\"reps\":13,"
                        + "\"set_index\":0}");
    }

    @Test
    void hoursAndMinutesDurationsEndTheSessionLater() {
        Collected read = Collected.read(strong, SAMPLE, KG);
        int date = PlainCsv.column(SAMPLE, "Date");
        int duration = PlainCsv.column(SAMPLE, "Duration");
        List<String> oneHour19 = PlainCsv.rows(SAMPLE).stream()
                .filter(r -> r.get(duration).equals("1h 19m"))
                .findFirst()
                .orElseThrow();
        Instant start = java.time.LocalDateTime.parse(oneHour19.get(date).replace(' ', 'T'))
                .atZone(BERLIN)
                .toInstant();
        Set<Instant> ends =
                read.ofType("session.ended").stream().map(Draft::occurredAt).collect(Collectors.toSet());
        assertThat(ends).contains(start.plusSeconds(79 * 60));
    }

    @Test
    void aZeroWeightIsLeftOutAndTheSetKeepsItsReps() {
        // import-survey.md §3: 9 rows weigh 0.0 (Leg Press 8, Leg Extension 1)
        int weight = PlainCsv.column(SAMPLE, "Weight");
        long zeroRows = PlainCsv.rows(SAMPLE).stream()
                .filter(r -> Double.parseDouble(r.get(weight)) == 0)
                .count();
        assertThat(zeroRows).isEqualTo(9);

        List<Draft> unweighted = Collected.read(strong, SAMPLE, KG).ofType("set.logged").stream()
                .filter(d -> !d.data().has("weight"))
                .toList();
        assertThat(unweighted).hasSize(9);
        assertThat(unweighted)
                .allSatisfy(d -> assertThat(d.data().get("reps").isInt()).isTrue());
    }

    @Test
    void zeroDistanceAndSecondsAndAnEmptyRpeAreLeftOut() {
        List<Draft> sets = Collected.read(strong, SAMPLE, KG).ofType("set.logged");

        assertThat(sets)
                .allSatisfy(d -> assertThat(d.data().has("distance_m")
                                || d.data().has("duration_s")
                                || d.data().has("rpe"))
                        .isFalse());
    }

    @Test
    void withoutAWeightUnitTheImportAsksForOne() {
        ImportOptions noUnit = new ImportOptions(BERLIN, Optional.empty());

        assertThatThrownBy(() -> Collected.read(strong, SAMPLE, noUnit))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isTrue())
                .hasMessageContaining("Strong exports do not say whether weights are kg or lb")
                .hasMessageContaining("give weight_unit \"kg\" or \"lb\"");
    }

    @Test
    void aFileWithoutWeightsNeedsNoUnit() throws IOException {
        Path file = write(lines(HEADER, "2024-11-28 17:36:08,\"Core\",20m,\"Plank\",1,0.0,0.0,0,60.0,"));

        Collected read = Collected.read(strong, file, new ImportOptions(BERLIN, Optional.empty()));

        assertThat(read.ofType("set.logged").getFirst().data().toString())
                .isEqualTo("{\"session_id\":\"strong-20241128T173608\",\"exercise\":\"Plank\",\"set_type\":"
                        + "\"working\",\"reps\":0,\"duration_s\":60.0,\"set_index\":0}");
    }

    @Test
    void poundsAreWrittenAsPounds() {
        ImportOptions lb = new ImportOptions(BERLIN, Optional.of("lb"));

        assertThat(Collected.read(strong, LEGACY, lb).ofType("set.logged"))
                .allSatisfy(
                        d -> assertThat(d.data().at("/weight/unit").asText()).isEqualTo("lb"));
    }

    @Test
    void setIndexesNumberEachSessionsSetsInFileOrder() {
        Collected read = Collected.read(strong, SAMPLE, KG);
        Map<String, List<Integer>> indexes = read.ofType("set.logged").stream()
                .collect(Collectors.groupingBy(
                        d -> d.data().get("session_id").asText(),
                        Collectors.mapping(d -> d.data().get("set_index").asInt(), Collectors.toList())));

        assertThat(indexes).hasSize(15);
        indexes.values()
                .forEach(list -> assertThat(list)
                        .isEqualTo(java.util.stream.IntStream.range(0, list.size())
                                .boxed()
                                .toList()));
        assertThat(read.ofType("session.started").stream()
                        .map(d -> d.data().get("session_id").asText())
                        .distinct())
                .hasSize(15);
    }

    @Test
    void recordIdsAreDistinctAndTheSameWhenTheFileIsReadAgain() {
        List<String> first = Collected.read(strong, SAMPLE, KG).recordIds();
        List<String> second = Collected.read(strong, SAMPLE, KG).recordIds();

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
        assertThat(first).allSatisfy(id -> assertThat(id).startsWith("strong:").hasSizeLessThanOrEqualTo(150));
        assertThat(first.get(1))
                .isEqualTo("strong:20241128T173608|" + RecordKey.hash("B") + "|set:Bent Over Row (Barbell)#1");
    }

    @Test
    void twoWorkoutsStartingTheSameSecondGetTwoSessions() throws IOException {
        Path file = write(lines(
                HEADER,
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,B,35m,Squat (Barbell),1,60.0,5.0,0,0.0,"));

        Collected read = Collected.read(strong, file, KG);

        assertThat(read.ofType("session.started").stream()
                        .map(d -> d.data().get("session_id").asText()))
                .containsExactly("strong-20241128T173608", "strong-20241128T173608-" + RecordKey.hash("B"));
        assertThat(read.recordIds()).doesNotHaveDuplicates();
    }

    @Test
    void anExerciseDoneTwiceInAWorkoutKeepsDistinctRecordIds() throws IOException {
        Path file = write(lines(
                HEADER,
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Bench Press (Barbell),1,40.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,50.0,8.0,0,0.0,8.5"));

        Collected read = Collected.read(strong, file, KG);

        assertThat(read.recordIds()).doesNotHaveDuplicates();
        assertThat(read.ofType("set.logged").getLast().data().get("rpe").asDouble())
                .isEqualTo(8.5);
    }

    @Test
    void theSemicolonExportReadsItsUnitsAndNotesFromItsColumns() throws IOException {
        // header and first row as in mtanzim/vis-strong-go README.md (the ';' export, no Duration column)
        Path file = write(lines(
                "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes",
                "2019-01-11 12:31:54;\"Leg\";\"Deadlift (Barbell)\";1;20;lbs;5;;;;0;\"grip\";\"felt good\"",
                "2019-01-11 12:31:54;\"Leg\";\"Rowing (Machine)\";1;0;kg;0;;2;km;600;;\"felt good\""));

        assertThat(strong.recognizes(SourceFile.of(file))).isTrue();
        Collected read = Collected.read(strong, file, new ImportOptions(BERLIN, Optional.empty()));

        assertThat(read.ofType("session.started").getFirst().data().get("notes").asText())
                .isEqualTo("felt good");
        List<Draft> sets = read.ofType("set.logged");
        assertThat(sets.get(0).data().get("weight").toString()).isEqualTo("{\"value\":20.0,\"unit\":\"lb\"}");
        assertThat(sets.get(0).data().get("notes").asText()).isEqualTo("grip");
        assertThat(sets.get(1).data().get("distance_m").asDouble()).isEqualTo(2000.0);
        assertThat(sets.get(1).data().get("duration_s").asDouble()).isEqualTo(600.0);
        assertThat(read.ofType("session.ended")).isEmpty();
        assertThat(read.skipped())
                .containsExactly("row 2: the workout has no Duration, so its session.ended is not written");
    }

    @Test
    void twelveHourTimesWithANarrowNoBreakSpaceReadLikeTwentyFourHourOnes() throws IOException {
        // the 12-hour Date of newer exports, "yyyy-MM-dd h:mm:ss\u202fa" (strong adapters of workout-converter tools)
        Path file = write(lines(HEADER, "2024-11-28 5:36:08\u202FPM,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,"));

        Draft started = Collected.read(strong, file, KG).drafts.getFirst();

        assertThat(started.occurredAt()).isEqualTo(Instant.parse("2024-11-28T16:36:08Z"));
        assertThat(started.data().get("session_id").asText()).isEqualTo("strong-20241128T173608");
    }

    @Test
    void lettersInSetOrderMarkWarmupDropAndFailureSetsAndOtherWordsAreSkipped() throws IOException {
        Path file = write(lines(
                HEADER,
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),W,40.0,8.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),D,40.0,8.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),Rest Timer,0,0,0,90.0,"));

        Collected read = Collected.read(strong, file, KG);

        assertThat(read.ofType("set.logged").stream()
                        .map(d -> d.data().get("set_type").asText()))
                .containsExactly("warmup", "working", "drop");
        assertThat(read.skipped())
                .containsExactly("row 5: Set Order \"Rest Timer\" is not a set number, so the row is not a set");
    }

    @Test
    void aWorkoutWhoseRowsAreNotTogetherIsABadFile() throws IOException {
        Path file = write(lines(
                HEADER,
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-29 17:36:08,B,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),2,60.0,5.0,0,0.0,"));

        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv row 4, column \"Date\": workout \"A\" of 2024-11-28 17:36:08"
                        + " appears again after other workouts");
    }

    @Test
    void anRpeOffTdsScaleIsLeftOutAndReported() throws IOException {
        Path file = write(lines(HEADER, "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,8.3"));

        Collected read = Collected.read(strong, file, KG);

        assertThat(read.ofType("set.logged").getFirst().data().has("rpe")).isFalse();
        assertThat(read.skipped())
                .containsExactly("row 2: rpe 8.3 is not on td's scale (1 to 10 in steps of 0.5), so it is left out");
    }

    @Test
    void aWeightThatIsNotANumberNamesItsRowAndColumn() throws IOException {
        Path file = write(lines(
                HEADER,
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),2,sixty,5.0,0,0.0,"));

        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isFalse())
                .hasMessage("strong.csv row 3, column \"Weight\": \"sixty\" is not a number; write a number with a"
                        + " decimal point, or nothing (rows count the header as row 1)");
    }

    @Test
    void anUnparseableDateOrDurationNamesItsColumn() throws IOException {
        Path badDate = write(lines(HEADER, "28.11.2024 17:36,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,"));
        assertThatThrownBy(() -> Collected.read(strong, badDate, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv row 2, column \"Date\": \"28.11.2024 17:36\" is not a date like"
                        + " 2024-11-28 17:36:08");

        Path badDuration = write(lines(HEADER, "2024-11-28 17:36:08,A,half an hour,Squat (Barbell),1,60.0,5.0,0,0.0,"));
        assertThatThrownBy(() -> Collected.read(strong, badDuration, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv row 2, column \"Duration\": \"half an hour\" is not a duration");
    }

    @Test
    void anUnclosedQuoteIsABadFile() throws IOException {
        Path file = write(lines(
                HEADER,
                "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0,5.0,0,0.0,",
                "2024-11-28 17:36:08,A,35m,\"Squat (Barbell),2,60.0,5.0,0,0.0,"));

        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv row 3")
                .hasMessageContaining("is not valid CSV")
                .hasMessageContaining("A quote opened in a cell must be closed");
    }

    @Test
    void aRowWithMissingCellsIsABadFile() throws IOException {
        Path file = write(lines(HEADER, "2024-11-28 17:36:08,A,35m,Squat (Barbell),1,60.0"));

        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv row 2 has 6 cells where the header has 10");

        Path tooMany = write(lines(HEADER, "2024-11-28 17:36:08,A,35m,Squat, Barbell,1,60.0,5.0,0,0.0,"));
        assertThatThrownBy(() -> Collected.read(strong, tooMany, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv row 2 has 11 cells where the header has 10: a value with the"
                        + " separator in it needs double quotes");
    }

    @Test
    void aTruncatedSampleFailsAtItsCutRow() throws IOException {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Path file = write(text.substring(0, text.indexOf("\n", 2000) + 30));

        // the cut falls inside row 27's quoted "Exercise Name"
        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(
                        "strong.csv row 27 (line 27, column 30) is not valid CSV: Missing closing quote");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreBadFiles() throws IOException {
        Path empty = write("");
        assertThatThrownBy(() -> Collected.read(strong, empty, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv is empty");

        Path headerOnly = write(HEADER + "\n");
        assertThatThrownBy(() -> Collected.read(strong, headerOnly, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("strong.csv has no rows after its header");
    }

    @Test
    void aFileThatIsNotUtf8IsABadFile() throws IOException {
        Path file = tmp.resolve("strong.csv");
        byte[] header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] row = "2024-11-28 17:36:08,Beinpresse \u00fc,35m,Leg Press,1,60.0,5.0,0,0.0,\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, concat(header, row));

        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void aStrongLookingHeaderWithoutStrongsColumnsIsABadFile() throws IOException {
        Path file = write("Date,Workout Name,Exercise,Reps\n2024-11-28 17:36:08,A,Squat,5\n");

        assertThat(strong.recognizes(SourceFile.of(file))).isTrue();
        assertThatThrownBy(() -> Collected.read(strong, file, KG))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(
                        "strong.csv has no column \"Exercise Name\" in its header row, so it is not a Strong"
                                + " export");
    }

    @Test
    void everyDraftFitsTdsEventSchema() {
        Collected read = Collected.read(strong, SAMPLE, KG);

        assertThat(read.drafts.stream().flatMap(d -> EventSchemas.problems(d).stream()))
                .isEmpty();
    }

    static double volume(Collected read) {
        return volume(read.ofType("set.logged"));
    }

    static double volume(List<Draft> sets) {
        return sets.stream()
                .map(Draft::data)
                .filter(d -> d.has("weight"))
                .mapToDouble(
                        d -> d.at("/weight/value").asDouble() * d.get("reps").asInt())
                .sum();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private Path write(String text) throws IOException {
        Path file = tmp.resolve("strong.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
