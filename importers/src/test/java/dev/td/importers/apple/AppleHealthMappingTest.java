package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Collected;
import dev.td.importers.Draft;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping decisions, on small exports written here in the real format (element and attribute names, units and
 * category values as Apple writes them; the samples hold only BMI, one heart rate and one run). Expected values follow
 * from the fixture by the rule each test names.
 */
class AppleHealthMappingTest {

    @TempDir
    Path dir;

    private CollectingSink read(String... elements) {
        return Samples.read(Samples.write(
                dir.resolve("export.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HealthData locale=\"en_US\">\n"
                        + " <ExportDate value=\"2030-01-01 09:00:00 +0000\"/>\n"
                        + String.join("\n", elements)
                        + "\n</HealthData>\n"));
    }

    private static String record(String type, String unit, String value, String start) {
        return record(type, unit, value, start, start, "Apple\u00a0Watch");
    }

    private static String record(String type, String unit, String value, String start, String end, String source) {
        return " <Record type=\"" + type + "\" sourceName=\"" + source + "\" sourceVersion=\"9.0\""
                + (unit.isEmpty() ? "" : " unit=\"" + unit + "\"") + " creationDate=\"" + end + "\" startDate=\""
                + start + "\" endDate=\"" + end + "\" value=\"" + value + "\"/>";
    }

    private static String quantity(String name) {
        return "HKQuantityTypeIdentifier" + name;
    }

    private static String sleep(String value, String start, String end, String source) {
        return record(
                "HKCategoryTypeIdentifierSleepAnalysis",
                "",
                "HKCategoryValueSleepAnalysis" + value,
                start,
                end,
                source);
    }

    private static double value(Draft draft) {
        return draft.data().get("value").asDouble();
    }

    private static String unit(Draft draft) {
        return draft.data().path("unit").asText("");
    }

    @Test
    void sparseReadingsBecomeOneMetricEachInTdsUnits() {
        CollectingSink sink = read(
                record(quantity("BodyMass"), "lb", "165.2", "2020-01-06 07:30:00 -0800"),
                record(quantity("BodyMass"), "kg", "74.9", "2020-01-13 07:30:00 -0800"),
                record(quantity("BodyFatPercentage"), "%", "0.223", "2020-01-06 07:30:00 -0800"),
                record(quantity("RestingHeartRate"), "count/min", "52", "2020-01-06 23:59:00 -0800"),
                record(quantity("HeartRateVariabilitySDNN"), "ms", "48.3", "2020-01-06 03:12:00 -0800"),
                record(quantity("VO2Max"), "mL/min·kg", "45.2", "2020-01-06 18:30:00 -0800"),
                record(quantity("OxygenSaturation"), "%", "0.97", "2020-01-06 02:00:00 -0800"));

        assertThat(sink.metric("body_weight"))
                .extracting(d -> value(d) + " " + unit(d))
                .containsExactly("165.2 lb", "74.9 kg");
        assertThat(sink.metric("body_fat"))
                .extracting(d -> value(d) + " " + unit(d))
                .containsExactly("0.223 fraction");
        assertThat(sink.metric("resting_hr"))
                .extracting(d -> value(d) + " " + unit(d))
                .containsExactly("52.0 bpm");
        assertThat(sink.metric("hrv_sdnn"))
                .extracting(d -> value(d) + " " + unit(d))
                .containsExactly("48.3 ms");
        assertThat(sink.metric("vo2max"))
                .extracting(d -> value(d) + " " + unit(d))
                .containsExactly("45.2 ml/kg/min");
        assertThat(sink.metric("spo2"))
                .extracting(d -> value(d) + " " + unit(d))
                .containsExactly("0.97 fraction");
        // 07:30 -0800 is 15:30 UTC
        assertThat(sink.metric("body_weight").getFirst().occurredAt()).isEqualTo(Instant.parse("2020-01-06T15:30:00Z"));
        assertThat(sink.metric("body_weight").getFirst().data().get("notes").asText())
                .isEqualTo("from Apple Watch");
        assertThat(sink.skips).isEmpty();
        assertThat(Samples.schemaProblems(sink)).isEmpty();
    }

    @Test
    void typesTdDoesNotImportAreCountedAndReportedOncePerType() {
        CollectingSink sink = read(
                record(quantity("BasalEnergyBurned"), "kcal", "1.2", "2020-01-06 07:30:00 -0800"),
                record(quantity("BasalEnergyBurned"), "kcal", "1.3", "2020-01-06 07:31:00 -0800"),
                record(quantity("BasalEnergyBurned"), "kcal", "1.4", "2020-01-06 07:32:00 -0800"),
                record(quantity("LeanBodyMass"), "kg", "58", "2020-01-06 07:30:00 -0800"),
                record(quantity("ActiveEnergyBurned"), "kcal", "0.4", "2020-01-06 07:30:00 -0800"),
                " <ClinicalRecord type=\"HKClinicalTypeIdentifierLabResultRecord\" identifier=\"1\""
                        + " sourceName=\"Clinic\" sourceURL=\"https://example.org\" fhirVersion=\"4.0.1\""
                        + " receivedDate=\"2020-01-06 07:30:00 -0800\" resourceFilePath=\"/clinical-records/1.json\"/>");

        assertThat(sink.drafts).isEmpty();
        assertThat(sink.skips)
                .containsExactly(
                        new Collected.Skip(quantity("BasalEnergyBurned"), "3 records of a type td does not import"),
                        new Collected.Skip(
                                quantity("LeanBodyMass"),
                                "1 record: lean body mass is not muscle mass, and td has no metric for it"),
                        new Collected.Skip(quantity("ActiveEnergyBurned"), "1 record of a type td does not import"),
                        new Collected.Skip("ClinicalRecord", "1 element of a type td does not import"));
    }

    @Test
    void aReadingTdCannotTakeIsCountedWithWhatIsWrong() {
        CollectingSink sink = read(
                record(quantity("BodyMass"), "oz", "2600", "2020-01-06 07:30:00 -0800"),
                record(quantity("BodyMass"), "kg", "heavy", "2020-01-07 07:30:00 -0800"),
                record(quantity("BodyMass"), "kg", "70", "2020-01-08T07:30:00Z"));

        assertThat(sink.drafts).isEmpty();
        assertThat(sink.skips)
                .extracting(Collected.Skip::reason)
                .containsExactly(
                        "1 record with the unit oz, which td does not take for body_weight",
                        "1 record with a value that is not a number",
                        "1 record with a startDate that is not yyyy-MM-dd HH:mm:ss ±hhmm");
    }

    // The DTD's own note: "Any Records that appear as children of a correlation also appear as top-level records".
    @Test
    void recordsInsideACorrelationAreNotCountedTwice() {
        String weight = record(quantity("BodyMass"), "kg", "70", "2020-01-06 07:30:00 -0800");
        CollectingSink sink = read(
                weight,
                " <Correlation type=\"HKCorrelationTypeIdentifierFood\" sourceName=\"MyFitnessPal\""
                        + " startDate=\"2020-01-06 07:30:00 -0800\" endDate=\"2020-01-06 07:30:00 -0800\">\n" + weight
                        + "\n </Correlation>");

        assertThat(sink.metric("body_weight")).hasSize(1);
    }

    // Mean of 60, 70, 95 = 75; the day is 2016-03-13 in Los Angeles, when clocks moved from -0800 to -0700: it starts
    // at 00:00 -0800, the offset of its first reading.
    @Test
    void heartRateIsOneMeanPerLocalDayWithCountMinAndMax() {
        CollectingSink sink = read(
                record(quantity("HeartRate"), "count/min", "60", "2016-03-13 01:30:00 -0800"),
                record(quantity("HeartRate"), "count/min", "70", "2016-03-13 03:30:00 -0700"),
                record(quantity("HeartRate"), "count/min", "95", "2016-03-13 23:59:59 -0700"),
                record(quantity("HeartRate"), "count/min", "80", "2016-03-14 00:00:00 -0700"));

        Draft day = sink.metric("heart_rate", "2016-03-13").orElseThrow();
        assertThat(value(day)).isEqualTo(75.0);
        assertThat(day.data().get("notes").asText()).isEqualTo("mean of 3 readings, min 60, max 95 bpm");
        assertThat(day.occurredAt()).isEqualTo(Instant.parse("2016-03-13T08:00:00Z"));
        assertThat(day.timeZone()).isEmpty();
        assertThat(value(sink.metric("heart_rate", "2016-03-14").orElseThrow())).isEqualTo(80.0);
    }

    @Test
    void respiratoryRateIsOneMeanPerLocalDay() {
        CollectingSink sink = read(
                record(quantity("RespiratoryRate"), "count/min", "14", "2020-01-06 02:00:00 -0800"),
                record(quantity("RespiratoryRate"), "count/min", "15", "2020-01-06 03:00:00 -0800"));

        Draft day = sink.metric("respiration_rate", "2020-01-06").orElseThrow();
        assertThat(value(day)).isEqualTo(14.5);
        assertThat(unit(day)).isEqualTo("brpm");
    }

    // Phone 4000 + 1000 = 5000, watch 4500: the day is the phone's 5000, not the sum 9500.
    @Test
    void stepsAreTheLargestSourcesDayTotalNotTheSumOfSources() {
        String phone = "Simon\u2019s iPhone";
        CollectingSink sink = read(
                record(
                        quantity("StepCount"),
                        "count",
                        "4000",
                        "2020-01-06 08:00:00 -0800",
                        "2020-01-06 09:00:00 -0800",
                        phone),
                record(
                        quantity("StepCount"),
                        "count",
                        "1000",
                        "2020-01-06 17:00:00 -0800",
                        "2020-01-06 18:00:00 -0800",
                        phone),
                record(
                        quantity("StepCount"),
                        "count",
                        "4500",
                        "2020-01-06 08:00:00 -0800",
                        "2020-01-06 09:00:00 -0800",
                        "Apple\u00a0Watch"));

        Draft day = sink.metric("steps", "2020-01-06").orElseThrow();
        assertThat(value(day)).isEqualTo(5000.0);
        assertThat(unit(day)).isEqualTo("steps");
        assertThat(day.data().get("notes").asText())
                .isEqualTo("sum of 2 samples from Simon\u2019s iPhone, the largest of 2 sources' totals, not their sum"
                        + " (they count the same steps)");
    }

    // Watch: Core 23:00-01:00 (120), Deep 01:00-02:00 (60), REM 02:00-06:00 (240), Awake 04:00-04:15 (not counted),
    // a second Core 05:30-06:00 overlapping REM (counted once) = 420 min. A second app saw 23:30-06:00 = 390 min.
    // The night ends on 2020-01-07, its day.
    @Test
    void sleepIsTheLongestSourcesAsleepTimeOnTheDayItEnds() {
        String watch = "Apple\u00a0Watch";
        CollectingSink sink = read(
                sleep("InBed", "2020-01-06 22:30:00 -0800", "2020-01-07 06:30:00 -0800", "Simon\u2019s iPhone"),
                sleep("AsleepCore", "2020-01-06 23:00:00 -0800", "2020-01-07 01:00:00 -0800", watch),
                sleep("AsleepDeep", "2020-01-07 01:00:00 -0800", "2020-01-07 02:00:00 -0800", watch),
                sleep("AsleepREM", "2020-01-07 02:00:00 -0800", "2020-01-07 06:00:00 -0800", watch),
                sleep("Awake", "2020-01-07 04:00:00 -0800", "2020-01-07 04:15:00 -0800", watch),
                sleep("AsleepCore", "2020-01-07 05:30:00 -0800", "2020-01-07 06:00:00 -0800", watch),
                sleep("Asleep", "2020-01-06 23:30:00 -0800", "2020-01-07 06:00:00 -0800", "AutoSleep"));

        assertThat(sink.metric("sleep_duration")).hasSize(1);
        Draft night = sink.metric("sleep_duration", "2020-01-07").orElseThrow();
        assertThat(value(night)).isEqualTo(420.0);
        assertThat(unit(night)).isEqualTo("min");
        assertThat(night.data().get("notes").asText())
                .isEqualTo("time asleep, from Apple Watch, the largest of 2 sources");
        assertThat(night.occurredAt()).isEqualTo(Instant.parse("2020-01-07T08:00:00Z"));
    }

    // Older iPhones recorded only time in bed (Bedtime): 23:15-07:00 = 465 min.
    @Test
    void aNightWithOnlyTimeInBedUsesTimeInBed() {
        CollectingSink sink =
                read(sleep("InBed", "2017-05-01 23:15:00 -0700", "2017-05-02 07:00:00 -0700", "Simon\u2019s iPhone"));

        Draft night = sink.metric("sleep_duration", "2017-05-02").orElseThrow();
        assertThat(value(night)).isEqualTo(465.0);
        assertThat(night.data().get("notes").asText())
                .isEqualTo("time in bed (no asleep segments that night), from Simon\u2019s iPhone");
    }

    // ExportDate 2030-01-01 09:00 +0000: that day is not over when the export is made.
    @Test
    void theExportsOwnDayIsLeftOutOfTheDayReadings() {
        CollectingSink sink = read(
                record(quantity("HeartRate"), "count/min", "60", "2029-12-31 12:00:00 +0000"),
                record(quantity("HeartRate"), "count/min", "70", "2030-01-01 08:00:00 +0000"));

        assertThat(sink.metric("heart_rate"))
                .extracting(Draft::recordId)
                .containsExactly("apple_health:heart_rate:2029-12-31");
        assertThat(sink.skips)
                .containsExactly(new Collected.Skip(
                        "heart_rate 2030-01-01",
                        "the export was made that day, so the day is not over; a later export brings it whole"));
    }

    // 2092 kJ / 4.184 kJ per kcal (thermochemical calorie). Days with every ring at 0 are days without a watch.
    @Test
    void activitySummariesInKilojoulesAreConvertedAndEmptyOnesLeftOut() {
        CollectingSink sink = read(
                " <ActivitySummary dateComponents=\"2024-03-15\" activeEnergyBurned=\"2092\""
                        + " activeEnergyBurnedGoal=\"2500\" activeEnergyBurnedUnit=\"kJ\" appleExerciseTime=\"30\""
                        + " appleExerciseTimeGoal=\"30\" appleStandHours=\"10\" appleStandHoursGoal=\"12\"/>",
                " <ActivitySummary dateComponents=\"2024-03-16\" activeEnergyBurned=\"0\""
                        + " activeEnergyBurnedGoal=\"630\" activeEnergyBurnedUnit=\"kcal\" appleExerciseTime=\"0\""
                        + " appleExerciseTimeGoal=\"30\" appleStandHours=\"0\" appleStandHoursGoal=\"12\"/>");

        assertThat(value(sink.metric("active_energy", "2024-03-15").orElseThrow()))
                .isEqualTo(2092 / 4.184);
        assertThat(value(sink.metric("exercise_minutes", "2024-03-15").orElseThrow()))
                .isEqualTo(30.0);
        assertThat(sink.metric("active_energy", "2024-03-16")).isEmpty();
        assertThat(sink.skips)
                .containsExactly(
                        new Collected.Skip("ActivitySummary", "1 day with every ring at 0 (no watch worn) left out"));
    }

    /**
     * Since iOS 16 a watch workout has no totalDistance/totalEnergyBurned attributes: its totals are WorkoutStatistics
     * children (HealthKit Export Version 14 writes distance in mi, energy in "Cal", heart rate average and maximum).
     */
    @Test
    void aModernWorkoutTakesItsTotalsFromItsStatistics() {
        CollectingSink sink = read(
                " <Workout workoutActivityType=\"HKWorkoutActivityTypeWalking\" duration=\"14.86666666666667\""
                        + " durationUnit=\"min\" sourceName=\"Apple\u00a0Watch\" sourceVersion=\"10.6.1\""
                        + " creationDate=\"2026-01-10 11:27:20 -0500\" startDate=\"2026-01-10 11:12:26 -0500\""
                        + " endDate=\"2026-01-10 11:27:18 -0500\">",
                "  <MetadataEntry key=\"HKIndoorWorkout\" value=\"0\"/>",
                "  <MetadataEntry key=\"HKElevationAscended\" value=\"418 cm\"/>",
                "  <MetadataEntry key=\"HKTimeZone\" value=\"America/New_York\"/>",
                "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\""
                        + " startDate=\"2026-01-10 11:12:26 -0500\" endDate=\"2026-01-10 11:27:18 -0500\""
                        + " sum=\"0.536602\" unit=\"mi\"/>",
                "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierActiveEnergyBurned\""
                        + " startDate=\"2026-01-10 11:12:26 -0500\" endDate=\"2026-01-10 11:27:18 -0500\""
                        + " sum=\"56.1244\" unit=\"Cal\"/>",
                "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierHeartRate\""
                        + " startDate=\"2026-01-10 11:12:26 -0500\" endDate=\"2026-01-10 11:27:18 -0500\""
                        + " average=\"109.484\" minimum=\"100\" maximum=\"117\" unit=\"count/min\"/>",
                " </Workout>");

        JsonNode walk = sink.onlyWorkout().data();
        assertThat(walk.get("sport").asText()).isEqualTo("walk");
        assertThat(walk.get("elapsed_s").asDouble()).isEqualTo(14.86666666666667 * 60);
        assertThat(walk.get("distance").get("value").asDouble()).isEqualTo(0.536602);
        assertThat(walk.get("distance").get("unit").asText()).isEqualTo("mi");
        assertThat(walk.get("calories").asDouble()).isEqualTo(56.1244);
        assertThat(walk.get("avg_hr").asDouble()).isEqualTo(109.484);
        assertThat(walk.get("max_hr").asDouble()).isEqualTo(117.0);
        // 418 cm = 4.18 m
        assertThat(walk.get("elevation_gain").get("value").asDouble()).isEqualTo(418 / 100.0);
        assertThat(walk.get("elevation_gain").get("unit").asText()).isEqualTo("m");
        assertThat(sink.onlyWorkout().timeZone().orElseThrow().getId()).isEqualTo("America/New_York");
        assertThat(Samples.schemaProblems(sink)).isEmpty();
    }

    // 10:00:00 to 10:40:00 is 2400 s; the 30 min duration is the active time, the rest a pause.
    @Test
    void aPausedWorkoutIsElapsedStartToEndAndMovingForItsDuration() {
        CollectingSink sink = read(
                " <Workout workoutActivityType=\"HKWorkoutActivityTypeCycling\" duration=\"30\" durationUnit=\"min\""
                        + " totalEnergyBurned=\"418.4\" totalEnergyBurnedUnit=\"kJ\" sourceName=\"Apple\u00a0Watch\""
                        + " startDate=\"2020-06-01 10:00:00 +0200\" endDate=\"2020-06-01 10:40:00 +0200\">",
                "  <WorkoutEvent type=\"HKWorkoutEventTypePause\" date=\"2020-06-01 10:10:00 +0200\"/>",
                "  <WorkoutEvent type=\"HKWorkoutEventTypeResume\" date=\"2020-06-01 10:20:00 +0200\"/>",
                " </Workout>");

        JsonNode ride = sink.onlyWorkout().data();
        assertThat(ride.get("sport").asText()).isEqualTo("ride");
        assertThat(ride.get("elapsed_s").asDouble()).isEqualTo(2400.0);
        assertThat(ride.get("moving_s").asDouble()).isEqualTo(1800.0);
        // 418.4 kJ / 4.184 kJ per kcal
        assertThat(ride.get("calories").asDouble()).isEqualTo(418.4 / 4.184);
        assertThat(sink.onlyWorkout().timeZone()).isEmpty();
    }

    // The start is 07:00:00; a point 5 s before it would have a negative time.
    @Test
    void routePointsBeforeTheStartAreLeftOutAndReported() {
        CollectingSink sink = read(
                " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"2\" durationUnit=\"min\""
                        + " sourceName=\"Apple\u00a0Watch\" startDate=\"2018-04-01 07:00:00 -0700\""
                        + " endDate=\"2018-04-01 07:02:00 -0700\">",
                "  <WorkoutRoute sourceName=\"Apple\u00a0Watch\" startDate=\"2018-04-01 06:59:55 -0700\""
                        + " endDate=\"2018-04-01 07:02:00 -0700\">",
                "   <Location date=\"2018-04-01 06:59:55 -0700\" latitude=\"37.7777\" longitude=\"-122.426\""
                        + " altitude=\"21\"/>",
                "   <Location date=\"2018-04-01 07:00:10 -0700\" latitude=\"37.7777\" longitude=\"-122.426\""
                        + " altitude=\"22\"/>",
                "   <Location date=\"2018-04-01 07:01:10 -0700\" latitude=\"37.7786\" longitude=\"-122.426\""
                        + " altitude=\"23\"/>",
                "  </WorkoutRoute>",
                " </Workout>");

        JsonNode samples = sink.onlyWorkout().data().get("samples");
        assertThat(samples.get("time_s")).extracting(JsonNode::asDouble).containsExactly(10.0, 70.0);
        assertThat(samples.get("altitude_m")).extracting(JsonNode::asDouble).containsExactly(22.0, 23.0);
        // 0.0009° of latitude on a sphere of 6,371,008.8 m: 6,371,008.8 × 0.0009 × π / 180 = 100.0756 m
        assertThat(samples.get("distance_m").get(1).asDouble()).isCloseTo(100.0756, within(0.0001));
        assertThat(sink.skips)
                .extracting(Collected.Skip::reason)
                .containsExactly("1 of 3 route points lie outside the workout's start and end and are left out");
    }

    @Test
    void sportsAreNamedLikeTdsAndOtherTypesInSnakeCase() {
        assertThat(List.of(
                                "HKWorkoutActivityTypeRunning",
                                "HKWorkoutActivityTypeHiking",
                                "HKWorkoutActivityTypeSwimming",
                                "HKWorkoutActivityTypeRowing",
                                "HKWorkoutActivityTypeTraditionalStrengthTraining",
                                "HKWorkoutActivityTypeFunctionalStrengthTraining",
                                "HKWorkoutActivityTypeYoga",
                                "HKWorkoutActivityTypeHighIntensityIntervalTraining",
                                "HKWorkoutActivityTypeCrossCountrySkiing",
                                "HKWorkoutActivityTypeDownhillSkiing",
                                "HKWorkoutActivityTypeSnowboarding",
                                "HKWorkoutActivityTypeMixedCardio",
                                "HKWorkoutActivityTypeSwimBikeRun",
                                "HKWorkoutActivityTypeOther")
                        .stream()
                        .map(Sports::of))
                .containsExactly(
                        "run",
                        "hike",
                        "swim",
                        "row",
                        "strength",
                        "strength",
                        "yoga",
                        "hiit",
                        "ski",
                        "ski",
                        "ski",
                        "mixed_cardio",
                        "swim_bike_run",
                        "other");
    }
}
