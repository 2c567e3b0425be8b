package dev.td.importers.apple;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic {@code export.xml} of about a given size in the real format: the internal DTD of HealthKit
 * Export Version 11 (as exports from iOS 13-15 open), {@code ExportDate}, {@code Me}, then, as Apple orders them,
 * records grouped by type (each in date order), workouts, and activity summaries, for as many days from
 * {@link #FIRST_DAY} as the size takes (a year is about 70 MB). Attributes in Apple's order, dates with the offset in
 * force (America/Los_Angeles, so it changes with daylight saving), source names with Apple's no-break space and
 * curly apostrophe. The mix per day: 288 heart-rate readings (about 60% of the records), 120 step, active-energy and
 * walking-distance samples (25%), 72 of types td does not import (basal energy, stand hours), nightly sleep segments,
 * a weekly body mass, a run with an inline route (300-600 points) every third day, and an activity summary.
 * Deterministic for a seed.
 *
 * <p>One day is planted with values the tests know by construction: {@link #PLANTED_DAY}. The server's import
 * benchmark uses this class too: keep {@link #write} as it is.
 */
public final class AppleExportGenerator {

    /** The first day written. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);

    /**
     * The planted day (the third day, present in any export of 1 MB or more): its heart rate readings are exactly
     * {@link #PLANTED_HEART_RATES}, its steps come from two sources (an iPhone counting {@link #PLANTED_PHONE_STEPS},
     * a watch {@link #PLANTED_WATCH_STEPS}), and the night ending that morning is {@link #PLANTED_SLEEP_MINUTES}
     * minutes asleep (Core 23:00-02:00, Deep 02:00-03:00, REM 03:00-06:30, an Awake 03:00-03:10 not counted) inside
     * 22:45-06:45 in bed.
     */
    public static final LocalDate PLANTED_DAY = FIRST_DAY.plusDays(2);

    public static final List<Integer> PLANTED_HEART_RATES = List.of(50, 62, 71, 88, 120, 95, 60, 58);
    public static final int PLANTED_PHONE_STEPS = 6000;
    public static final int PLANTED_WATCH_STEPS = 7200;
    public static final int PLANTED_SLEEP_MINUTES = 450;

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final String WATCH = "Apple\u00a0Watch";
    static final String PHONE = "Simon\u2019s iPhone";
    private static final String WATCH_DEVICE =
            "&lt;&lt;HKDevice: 0x282a45810&gt;, name:Apple Watch, manufacturer:Apple,"
                    + " model:Watch, hardware:Watch2,4, software:4.3.1&gt;";

    /** The prolog and internal DTD of a real export (HealthKit Export Version 11), then the root and its header. */
    static final String DTD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE HealthData [
            <!-- HealthKit Export Version: 11 -->
            <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
            <!ATTLIST HealthData
              locale CDATA #REQUIRED
            >
            <!ELEMENT ExportDate EMPTY>
            <!ATTLIST ExportDate
              value CDATA #REQUIRED
            >
            <!ELEMENT Me EMPTY>
            <!ATTLIST Me
              HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
              HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
              HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
              HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
            >
            <!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
            <!ATTLIST Record
              type          CDATA #REQUIRED
              unit          CDATA #IMPLIED
              value         CDATA #IMPLIED
              sourceName    CDATA #REQUIRED
              sourceVersion CDATA #IMPLIED
              device        CDATA #IMPLIED
              creationDate  CDATA #IMPLIED
              startDate     CDATA #REQUIRED
              endDate       CDATA #REQUIRED
            >
            <!-- Note: Any Records that appear as children of a correlation also appear as top-level records in this document. -->
            <!ELEMENT Correlation ((MetadataEntry|Record)*)>
            <!ATTLIST Correlation
              type          CDATA #REQUIRED
              sourceName    CDATA #REQUIRED
              sourceVersion CDATA #IMPLIED
              device        CDATA #IMPLIED
              creationDate  CDATA #IMPLIED
              startDate     CDATA #REQUIRED
              endDate       CDATA #REQUIRED
            >
            <!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute)*)>
            <!ATTLIST Workout
              workoutActivityType   CDATA #REQUIRED
              duration              CDATA #IMPLIED
              durationUnit          CDATA #IMPLIED
              totalDistance         CDATA #IMPLIED
              totalDistanceUnit     CDATA #IMPLIED
              totalEnergyBurned     CDATA #IMPLIED
              totalEnergyBurnedUnit CDATA #IMPLIED
              sourceName            CDATA #REQUIRED
              sourceVersion         CDATA #IMPLIED
              device                CDATA #IMPLIED
              creationDate          CDATA #IMPLIED
              startDate             CDATA #REQUIRED
              endDate               CDATA #REQUIRED
            >
            <!ELEMENT WorkoutEvent EMPTY>
            <!ATTLIST WorkoutEvent
              type         CDATA #REQUIRED
              date         CDATA #REQUIRED
              duration     CDATA #IMPLIED
              durationUnit CDATA #IMPLIED
            >
            <!ELEMENT WorkoutRoute ((MetadataEntry|Location|FileReference)*)>
            <!ATTLIST WorkoutRoute
              sourceName    CDATA #REQUIRED
              sourceVersion CDATA #IMPLIED
              device        CDATA #IMPLIED
              creationDate  CDATA #IMPLIED
              startDate     CDATA #REQUIRED
              endDate       CDATA #REQUIRED
            >
            <!ELEMENT Location EMPTY>
            <!ATTLIST Location
              date               CDATA #REQUIRED
              latitude           CDATA #REQUIRED
              longitude          CDATA #REQUIRED
              altitude           CDATA #REQUIRED
              horizontalAccuracy CDATA #REQUIRED
              verticalAccuracy   CDATA #REQUIRED
              course             CDATA #REQUIRED
              speed              CDATA #REQUIRED
            >
            <!ELEMENT FileReference EMPTY>
            <!ATTLIST FileReference
              path CDATA #REQUIRED
            >
            <!ELEMENT ActivitySummary EMPTY>
            <!ATTLIST ActivitySummary
              dateComponents           CDATA #IMPLIED
              activeEnergyBurned       CDATA #IMPLIED
              activeEnergyBurnedGoal   CDATA #IMPLIED
              activeEnergyBurnedUnit   CDATA #IMPLIED
              appleMoveTime            CDATA #IMPLIED
              appleMoveTimeGoal        CDATA #IMPLIED
              appleExerciseTime        CDATA #IMPLIED
              appleExerciseTimeGoal    CDATA #IMPLIED
              appleStandHours          CDATA #IMPLIED
              appleStandHoursGoal      CDATA #IMPLIED
            >
            <!ELEMENT MetadataEntry EMPTY>
            <!ATTLIST MetadataEntry
              key   CDATA #REQUIRED
              value CDATA #REQUIRED
            >
            <!-- HeartRateVariabilityMetadataList contains a list of instantaneous heart rate readings (beats per minute) -->
            <!ELEMENT HeartRateVariabilityMetadataList (InstantaneousBeatsPerMinute*)>
            <!ELEMENT InstantaneousBeatsPerMinute EMPTY>
            <!ATTLIST InstantaneousBeatsPerMinute
              bpm  CDATA #REQUIRED
              time CDATA #REQUIRED
            >
            <!ELEMENT ClinicalRecord EMPTY>
            <!ATTLIST ClinicalRecord
              type              CDATA #REQUIRED
              identifier        CDATA #REQUIRED
              sourceName        CDATA #REQUIRED
              sourceURL         CDATA #REQUIRED
              fhirVersion       CDATA #REQUIRED
              receivedDate      CDATA #REQUIRED
              resourceFilePath  CDATA #REQUIRED
            >
            ]>
            """;

    private final Writer out;
    private final long seed;
    private long recordCount;

    private AppleExportGenerator(Writer out, long seed) {
        this.out = out;
        this.seed = seed;
    }

    /**
     * Writes an export of about {@code approxBytes} to {@code file}.
     *
     * @param seed the same seed writes the same file
     */
    public static void write(Path file, long approxBytes, long seed) throws IOException {
        writeCounted(file, approxBytes, seed);
    }

    /** {@link #write}, returning how many records (Record, Workout, ActivitySummary elements) it wrote. */
    static long writeCounted(Path file, long approxBytes, long seed) throws IOException {
        long days = days(approxBytes, seed);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AppleExportGenerator generator = new AppleExportGenerator(writer, seed);
            generator.export(days);
            return generator.recordCount;
        }
    }

    /** How many days make about {@code approxBytes}: the size of the first four weeks, measured. */
    private static long days(long approxBytes, long seed) throws IOException {
        CountingWriter counter = new CountingWriter(Writer.nullWriter());
        AppleExportGenerator probe = new AppleExportGenerator(counter, seed);
        long header = DTD.length() + 600L;
        probe.export(28);
        double perDay = (counter.written - header) / 28.0;
        return Math.max(3, Math.round((approxBytes - header) / perDay));
    }

    private void export(long days) throws IOException {
        out.write(DTD);
        line("<HealthData locale=\"en_US\">");
        line(" <ExportDate value=\""
                + date(FIRST_DAY.plusDays(days + 1).atTime(9, 0).atZone(ZONE)) + "\"/>");
        line(" <Me HKCharacteristicTypeIdentifierDateOfBirth=\"1990-02-02\""
                + " HKCharacteristicTypeIdentifierBiologicalSex=\"HKBiologicalSexMale\""
                + " HKCharacteristicTypeIdentifierBloodType=\"HKBloodTypeNotSet\""
                + " HKCharacteristicTypeIdentifierFitzpatrickSkinType=\"HKFitzpatrickSkinTypeNotSet\"/>");
        section(days, 1, this::heartRates);
        section(days, 2, this::steps);
        section(days, 3, this::activeEnergy);
        section(days, 4, this::distance);
        section(days, 5, this::basalEnergy);
        section(days, 6, this::standHours);
        section(days, 7, this::bodyMass);
        section(days, 8, this::sleep);
        section(days, 9, this::workout);
        section(days, 10, this::activitySummary);
        line("</HealthData>");
    }

    /** What one type writes for one day. */
    private interface DayWriter {
        void write(LocalDate day, SplittableRandom random) throws IOException;
    }

    /** One type's records for every day, from a random stream of its own (so sections do not shift each other). */
    private void section(long days, int salt, DayWriter writer) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 31 + salt);
        for (long i = 0; i < days; i++) {
            writer.write(FIRST_DAY.plusDays(i), random);
        }
    }

    private void heartRates(LocalDate day, SplittableRandom random) throws IOException {
        if (day.equals(PLANTED_DAY)) {
            for (int i = 0; i < PLANTED_HEART_RATES.size(); i++) {
                heartRate(at(day, 2 * i + 1, 15, 0), PLANTED_HEART_RATES.get(i));
            }
            return;
        }
        for (int minute = 0; minute < 24 * 60; minute += 5) {
            heartRate(at(day, minute / 60, minute % 60, random.nextInt(0, 60)), 55 + random.nextInt(0, 60));
        }
    }

    /** 48 half-hourly samples from the watch, 24 hourly ones from the phone. */
    private void steps(LocalDate day, SplittableRandom random) throws IOException {
        String type = "HKQuantityTypeIdentifierStepCount";
        if (day.equals(PLANTED_DAY)) {
            for (int i = 0; i < 6; i++) {
                record(type, PHONE, "", "count", at(day, 8 + i, 0, 0), 600, Integer.toString(PLANTED_PHONE_STEPS / 6));
                record(
                        type,
                        WATCH,
                        WATCH_DEVICE,
                        "count",
                        at(day, 8 + i, 5, 0),
                        600,
                        Integer.toString(PLANTED_WATCH_STEPS / 6));
            }
            return;
        }
        for (int half = 0; half < 48; half++) {
            ZonedDateTime at = at(day, half / 2, (half % 2) * 30, 0);
            record(type, WATCH, WATCH_DEVICE, "count", at, 600, Integer.toString(random.nextInt(0, 400)));
            if (half % 2 == 0) {
                record(type, PHONE, "", "count", at, 900, Integer.toString(random.nextInt(0, 700)));
            }
        }
    }

    private void activeEnergy(LocalDate day, SplittableRandom random) throws IOException {
        for (int hour = 0; hour < 24; hour++) {
            record(
                    "HKQuantityTypeIdentifierActiveEnergyBurned",
                    WATCH,
                    WATCH_DEVICE,
                    "kcal",
                    at(day, hour, 10, 0),
                    60,
                    plain(random.nextInt(0, 2000) / 100.0));
        }
    }

    private void distance(LocalDate day, SplittableRandom random) throws IOException {
        for (int hour = 0; hour < 24; hour++) {
            record(
                    "HKQuantityTypeIdentifierDistanceWalkingRunning",
                    PHONE,
                    "",
                    "km",
                    at(day, hour, 20, 0),
                    600,
                    plain(random.nextInt(0, 500) / 1000.0));
        }
    }

    private void basalEnergy(LocalDate day, SplittableRandom random) throws IOException {
        for (int half = 0; half < 48; half++) {
            record(
                    "HKQuantityTypeIdentifierBasalEnergyBurned",
                    WATCH,
                    WATCH_DEVICE,
                    "kcal",
                    at(day, half / 2, (half % 2) * 30, 0),
                    1800,
                    plain(random.nextInt(3000, 4000) / 100.0));
        }
    }

    private void standHours(LocalDate day, SplittableRandom random) throws IOException {
        for (int hour = 0; hour < 24; hour++) {
            recordCount++;
            line(" <Record type=\"HKCategoryTypeIdentifierAppleStandHour\" sourceName=\"" + WATCH + "\""
                    + " sourceVersion=\"4.3.1\" device=\"" + WATCH_DEVICE + "\" creationDate=\""
                    + date(at(day, hour, 59, 0)) + "\" startDate=\"" + date(at(day, hour, 0, 0)) + "\" endDate=\""
                    + date(at(day, hour, 59, 59)) + "\" value=\"HKCategoryValueAppleStandHour"
                    + (random.nextBoolean() ? "Stood" : "Idle") + "\"/>");
        }
    }

    private void bodyMass(LocalDate day, SplittableRandom random) throws IOException {
        if (day.getDayOfWeek().getValue() == 1) {
            record(
                    "HKQuantityTypeIdentifierBodyMass",
                    "Health Mate",
                    "",
                    "kg",
                    at(day, 7, 30, 0),
                    0,
                    plain(70 + random.nextInt(0, 100) / 10.0));
        }
    }

    /**
     * The night ending on {@code day}: in bed 22:55-06:55, asleep (Core) 23:10-06:40; the planted night as its
     * constants say.
     */
    private void sleep(LocalDate day, SplittableRandom random) throws IOException {
        LocalDate night = day.minusDays(1);
        if (day.equals(PLANTED_DAY)) {
            sleep(night.atTime(22, 45), day.atTime(6, 45), "InBed");
            sleep(night.atTime(23, 0), day.atTime(2, 0), "AsleepCore");
            sleep(day.atTime(2, 0), day.atTime(3, 0), "AsleepDeep");
            sleep(day.atTime(3, 0), day.atTime(3, 10), "Awake");
            sleep(day.atTime(3, 0), day.atTime(6, 30), "AsleepREM");
            return;
        }
        int late = random.nextInt(0, 30);
        sleep(night.atTime(22, 55).plusMinutes(late), day.atTime(6, 55), "InBed");
        sleep(night.atTime(23, 10).plusMinutes(late), day.atTime(6, 40), "AsleepCore");
    }

    private void heartRate(ZonedDateTime at, int bpm) throws IOException {
        recordCount++;
        String date = date(at);
        line(" <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"" + WATCH + "\" sourceVersion=\"4.3.1\""
                + " device=\"" + WATCH_DEVICE + "\" unit=\"count/min\" creationDate=\"" + date(at.plusMinutes(3))
                + "\" startDate=\"" + date + "\" endDate=\"" + date + "\" value=\"" + bpm + "\">");
        line("  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"0\"/>");
        line(" </Record>");
    }

    private void sleep(LocalDateTime from, LocalDateTime to, String value) throws IOException {
        recordCount++;
        line(" <Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"" + WATCH
                + "\" sourceVersion=\"9.0\""
                + " device=\"" + WATCH_DEVICE + "\" creationDate=\"" + date(to.atZone(ZONE)) + "\" startDate=\""
                + date(from.atZone(ZONE)) + "\" endDate=\"" + date(to.atZone(ZONE))
                + "\" value=\"HKCategoryValueSleepAnalysis" + value + "\"/>");
    }

    private void record(
            String type, String source, String device, String unit, ZonedDateTime start, int seconds, String value)
            throws IOException {
        recordCount++;
        line(" <Record type=\"" + type + "\" sourceName=\"" + source + "\" sourceVersion=\"13.3\""
                + (device.isEmpty() ? "" : " device=\"" + device + "\"") + " unit=\"" + unit + "\" creationDate=\""
                + date(start.plusSeconds(seconds + 60L)) + "\" startDate=\"" + date(start) + "\" endDate=\""
                + date(start.plusSeconds(seconds)) + "\" value=\"" + value + "\"/>");
    }

    /** A run with an inline route every third day, at 18:00, one point a second at 2.8 m/s. */
    private void workout(LocalDate day, SplittableRandom random) throws IOException {
        if (day.getDayOfMonth() % 3 != 0) {
            return;
        }
        recordCount++;
        ZonedDateTime start = at(day, 18, 0, random.nextInt(0, 60));
        int points = 300 + random.nextInt(0, 300);
        String end = date(start.plusSeconds(points));
        String created = date(start.plusSeconds(points + 60L));
        line(" <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"" + points / 60.0
                + "\" durationUnit=\"min\" totalDistance=\"" + points * 2.8 / 1609.344 + "\" totalDistanceUnit=\"mi\""
                + " totalEnergyBurned=\"" + points * 0.16 + "\" totalEnergyBurnedUnit=\"kcal\" sourceName=\"" + WATCH
                + "\" sourceVersion=\"4.3.1\" creationDate=\"" + created + "\" startDate=\"" + date(start)
                + "\" endDate=\"" + end + "\">");
        line("  <MetadataEntry key=\"HKTimeZone\" value=\"America/Los_Angeles\"/>");
        line("  <MetadataEntry key=\"HKWeatherTemperature\" value=\"56 degF\"/>");
        line("  <WorkoutRoute sourceName=\"" + PHONE + "\" sourceVersion=\"10.1.1\" creationDate=\"" + created
                + "\" startDate=\"" + date(start) + "\" endDate=\"" + end + "\">");
        for (int i = 0; i < points; i++) {
            line(String.format(
                    Locale.ROOT,
                    "   <Location date=\"%s\" latitude=\"%.6f\" longitude=\"%.6f\" altitude=\"%.4f\""
                            + " horizontalAccuracy=\"2.40948\" verticalAccuracy=\"1.67859\" course=\"-1\""
                            + " speed=\"2.8\"/>",
                    date(start.plusSeconds(i)),
                    37.7777 + i * 0.00002,
                    -122.426 + i * 0.00001,
                    20 + i * 0.01));
        }
        line("  </WorkoutRoute>");
        line(" </Workout>");
    }

    private void activitySummary(LocalDate day, SplittableRandom random) throws IOException {
        recordCount++;
        line(" <ActivitySummary dateComponents=\"" + day + "\" activeEnergyBurned=\"" + random.nextInt(300, 700) + "."
                + random.nextInt(100, 1000) + "\" activeEnergyBurnedGoal=\"630\" activeEnergyBurnedUnit=\"kcal\""
                + " appleExerciseTime=\"" + random.nextInt(0, 90) + "\" appleExerciseTimeGoal=\"30\""
                + " appleStandHours=\"" + random.nextInt(6, 16) + "\" appleStandHoursGoal=\"12\"/>");
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute, int second) {
        return day.atTime(hour, minute, second).atZone(ZONE);
    }

    /** "2016-11-14 07:25:41 -0700": the local time and the offset there. */
    static String date(ZonedDateTime at) {
        int total = at.getOffset().getTotalSeconds();
        int minutes = Math.abs(total) / 60;
        return String.format(
                Locale.ROOT,
                "%04d-%02d-%02d %02d:%02d:%02d %s%02d%02d",
                at.getYear(),
                at.getMonthValue(),
                at.getDayOfMonth(),
                at.getHour(),
                at.getMinute(),
                at.getSecond(),
                total < 0 ? "-" : "+",
                minutes / 60,
                minutes % 60);
    }

    private static String plain(double value) {
        return MetricDrafts.plain(value);
    }

    private void line(String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    /** Counts the characters written (all but a few are ASCII, so about the bytes). */
    private static final class CountingWriter extends Writer {
        private final Writer out;
        long written;

        CountingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            written += length;
        }

        @Override
        public void write(String text) throws IOException {
            out.write(text);
            written += text.length();
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c);
            written++;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
