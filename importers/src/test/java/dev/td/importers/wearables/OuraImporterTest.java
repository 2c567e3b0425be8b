package dev.td.importers.wearables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Draft;
import dev.td.importers.ImportOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oura's exports read from the hand-written fixtures (samples/wearables/oura). Every expected line is written from
 * the fixture's text: a day's drafts are dated at 00:00 of the day in the offset of that night's {@code bedtime_end}
 * (2024-03-11 at +01:00 is 2024-03-10T23:00:00Z).
 */
class OuraImporterTest {

    /** The two days the App Data CSVs and oura_data.json both hold. */
    private static final List<String> MARCH_2024 = List.of(
            "oura:sleep_duration:2024-03-11 @2024-03-10T23:00:00Z +01:00 sleep_duration=26130.0 s",
            "oura:sleep_score:2024-03-11 @2024-03-10T23:00:00Z +01:00 sleep_score=82.0",
            "oura:resting_hr:2024-03-11 @2024-03-10T23:00:00Z +01:00 resting_hr=48.0 bpm",
            "oura:avg_sleeping_hr:2024-03-11 @2024-03-10T23:00:00Z +01:00 avg_sleeping_hr=54.375 bpm",
            "oura:hrv_rmssd:2024-03-11 @2024-03-10T23:00:00Z +01:00 hrv_rmssd=61.0 ms",
            "oura:respiration_rate:2024-03-11 @2024-03-10T23:00:00Z +01:00 respiration_rate=14.625 brpm",
            "oura:temperature_deviation:2024-03-11 @2024-03-10T23:00:00Z +01:00 temperature_deviation=-0.12 °C",
            "oura:readiness:2024-03-11 @2024-03-10T23:00:00Z +01:00 readiness=79.0",
            "oura:spo2:2024-03-11 @2024-03-10T23:00:00Z +01:00 spo2=96.812 %",
            "oura:steps:2024-03-11 @2024-03-10T23:00:00Z +01:00 steps=9412.0 steps",
            "oura:sleep_duration:2024-03-12 @2024-03-11T23:00:00Z +01:00 sleep_duration=26730.0 s",
            "oura:sleep_score:2024-03-12 @2024-03-11T23:00:00Z +01:00 sleep_score=88.0",
            "oura:resting_hr:2024-03-12 @2024-03-11T23:00:00Z +01:00 resting_hr=46.0 bpm",
            "oura:avg_sleeping_hr:2024-03-12 @2024-03-11T23:00:00Z +01:00 avg_sleeping_hr=52.5 bpm",
            "oura:hrv_rmssd:2024-03-12 @2024-03-11T23:00:00Z +01:00 hrv_rmssd=72.0 ms",
            "oura:respiration_rate:2024-03-12 @2024-03-11T23:00:00Z +01:00 respiration_rate=13.875 brpm",
            "oura:temperature_deviation:2024-03-12 @2024-03-11T23:00:00Z +01:00 temperature_deviation=0.08 °C",
            "oura:readiness:2024-03-12 @2024-03-11T23:00:00Z +01:00 readiness=86.0",
            "oura:spo2:2024-03-12 @2024-03-11T23:00:00Z +01:00 spo2=97.25 %",
            "oura:steps:2024-03-12 @2024-03-11T23:00:00Z +01:00 steps=6034.0 steps");

    private static final String NAP = ": 1 sleep periods that are not the night's main sleep (naps, rests: Oura's types"
            + " other than long_sleep) are not imported: td's sleep metrics are the night's";

    private final OuraImporter oura = new OuraImporter();

    @TempDir
    Path tmp;

    @Test
    void theAppDataZipGivesEveryDaysValues() {
        Collected read = Collected.read(oura, Fixtures.ouraZip(tmp));

        assertThat(read.metricLines()).containsExactlyElementsOf(MARCH_2024);
        assertThat(read.drafts)
                .allSatisfy(d -> assertThat(d.data().get("source").asText()).isEqualTo("oura"));
        assertThat(read.skipped()).containsExactly("oura_export.zip" + NAP);
    }

    @Test
    void theJsonExportGivesTheSameDraftsAsTheAppDataCsvs() {
        Collected json = Collected.read(oura, Fixtures.OURA_JSON);

        assertThat(json.metricLines()).containsExactlyElementsOf(MARCH_2024);
        assertThat(json.skipped()).containsExactly("oura_data.json" + NAP);
        assertThat(json.drafts)
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(Collected.read(oura, Fixtures.ouraZip(tmp)).drafts);
    }

    @Test
    void aSingleAppDataCsvIsReadAndDatedInThePersonsZone() {
        Collected read = Collected.read(oura, Fixtures.OURA_APP_DATA.resolve("dailyreadiness.csv"));

        // 2024-03-11 00:00 in Europe/Berlin (UTC+1 in March): no bedtime in this file gives the day an offset
        assertThat(read.metricLines())
                .containsExactly(
                        "oura:temperature_deviation:2024-03-11 @2024-03-10T23:00:00Z - temperature_deviation=-0.12 °C",
                        "oura:readiness:2024-03-11 @2024-03-10T23:00:00Z - readiness=79.0",
                        "oura:temperature_deviation:2024-03-12 @2024-03-11T23:00:00Z - temperature_deviation=0.08 °C",
                        "oura:readiness:2024-03-12 @2024-03-11T23:00:00Z - readiness=86.0");
    }

    @Test
    void theNightIsTheLongSleepNotTheNap() {
        Collected read = Collected.read(oura, Fixtures.OURA_APP_DATA.resolve("sleepmodel.csv"));

        assertThat(read.metricLines())
                .contains("oura:resting_hr:2024-03-11 @2024-03-10T23:00:00Z +01:00 resting_hr=48.0 bpm")
                .noneMatch(line -> line.contains("=57.0") || line.contains("=1920.0"));
        assertThat(read.skipped()).containsExactly("sleepmodel.csv" + NAP);
    }

    @Test
    void theV1CloudJsonDatesTheNightByItsBedtimeEndAndReadinessByItsNight() {
        Collected read = Collected.read(oura, Fixtures.OURA_V1_JSON);

        assertThat(read.metricLines())
                .containsExactly(
                        // activity of summary_date 2019-11-03: no night that day, so 00:00 Europe/Berlin (UTC+1)
                        "oura:steps:2019-11-03 @2019-11-02T23:00:00Z - steps=11840.0 steps",
                        // the longest sleep (period 1) ended 2019-11-04T07:09:45+01:00
                        "oura:sleep_duration:2019-11-04 @2019-11-03T23:00:00Z +01:00 sleep_duration=25380.0 s",
                        "oura:sleep_score:2019-11-04 @2019-11-03T23:00:00Z +01:00 sleep_score=77.0",
                        "oura:resting_hr:2019-11-04 @2019-11-03T23:00:00Z +01:00 resting_hr=51.0 bpm",
                        "oura:avg_sleeping_hr:2019-11-04 @2019-11-03T23:00:00Z +01:00 avg_sleeping_hr=57.32 bpm",
                        "oura:hrv_rmssd:2019-11-04 @2019-11-03T23:00:00Z +01:00 hrv_rmssd=44.0 ms",
                        "oura:respiration_rate:2019-11-04 @2019-11-03T23:00:00Z +01:00 respiration_rate=15.375 brpm",
                        "oura:temperature_deviation:2019-11-04 @2019-11-03T23:00:00Z +01:00"
                                + " temperature_deviation=0.19 °C",
                        // readiness period 1, the longest sleep's period
                        "oura:readiness:2019-11-04 @2019-11-03T23:00:00Z +01:00 readiness=81.0");
        assertThat(read.skipped()).containsExactly("oura_cloud_v1.json" + NAP);
    }

    @Test
    void theTrendsCsvGivesEachDatesValues() {
        Collected read = Collected.read(oura, Fixtures.OURA_TRENDS);

        // 2020-03-04 00:00 at -08:00 (Bedtime End 2020-03-04T05:55:40-08:00) is 08:00 UTC
        assertThat(read.metricLines())
                .containsExactly(
                        "oura:sleep_duration:2020-03-04 @2020-03-04T08:00:00Z -08:00 sleep_duration=23730.0 s",
                        "oura:sleep_score:2020-03-04 @2020-03-04T08:00:00Z -08:00 sleep_score=71.0",
                        "oura:resting_hr:2020-03-04 @2020-03-04T08:00:00Z -08:00 resting_hr=49.0 bpm",
                        "oura:avg_sleeping_hr:2020-03-04 @2020-03-04T08:00:00Z -08:00 avg_sleeping_hr=58.21 bpm",
                        "oura:hrv_rmssd:2020-03-04 @2020-03-04T08:00:00Z -08:00 hrv_rmssd=57.0 ms",
                        "oura:respiration_rate:2020-03-04 @2020-03-04T08:00:00Z -08:00 respiration_rate=14.25 brpm",
                        "oura:temperature_deviation:2020-03-04 @2020-03-04T08:00:00Z -08:00"
                                + " temperature_deviation=-0.21 °C",
                        "oura:readiness:2020-03-04 @2020-03-04T08:00:00Z -08:00 readiness=73.0",
                        "oura:steps:2020-03-04 @2020-03-04T08:00:00Z -08:00 steps=8211.0 steps",
                        "oura:sleep_duration:2020-03-05 @2020-03-05T08:00:00Z -08:00 sleep_duration=26580.0 s",
                        "oura:sleep_score:2020-03-05 @2020-03-05T08:00:00Z -08:00 sleep_score=80.0",
                        "oura:resting_hr:2020-03-05 @2020-03-05T08:00:00Z -08:00 resting_hr=47.0 bpm",
                        "oura:avg_sleeping_hr:2020-03-05 @2020-03-05T08:00:00Z -08:00 avg_sleeping_hr=55.9 bpm",
                        "oura:hrv_rmssd:2020-03-05 @2020-03-05T08:00:00Z -08:00 hrv_rmssd=66.0 ms",
                        "oura:respiration_rate:2020-03-05 @2020-03-05T08:00:00Z -08:00 respiration_rate=14.0 brpm",
                        "oura:temperature_deviation:2020-03-05 @2020-03-05T08:00:00Z -08:00"
                                + " temperature_deviation=0.14 °C",
                        "oura:readiness:2020-03-05 @2020-03-05T08:00:00Z -08:00 readiness=84.0",
                        "oura:steps:2020-03-05 @2020-03-05T08:00:00Z -08:00 steps=10342.0 steps");
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void aNewerTrendsHeaderWithTotalSleepDurationIsReadToo() {
        Path file = Fixtures.write(tmp.resolve("trends.csv"), """
                date,Total Sleep Duration,Lowest Resting Heart Rate,Average HRV,Temperature Deviation,Sleep Score
                2026-01-02,27000,51,64,-0.12,84
                """);

        assertThat(Collected.read(oura, file).metricLines())
                .containsExactly(
                        "oura:sleep_duration:2026-01-02 @2026-01-01T23:00:00Z - sleep_duration=27000.0 s",
                        "oura:sleep_score:2026-01-02 @2026-01-01T23:00:00Z - sleep_score=84.0",
                        "oura:resting_hr:2026-01-02 @2026-01-01T23:00:00Z - resting_hr=51.0 bpm",
                        "oura:hrv_rmssd:2026-01-02 @2026-01-01T23:00:00Z - hrv_rmssd=64.0 ms",
                        "oura:temperature_deviation:2026-01-02 @2026-01-01T23:00:00Z - temperature_deviation=-0.12 °C");
    }

    @Test
    void aValueADayAlreadyHasIsReportedNotDuplicated() {
        Path file = Fixtures.write(
                tmp.resolve("trends.csv"), "date,Sleep Score,Steps\n2026-01-02,84,9000\n2026-01-02,85,\n");

        Collected read = Collected.read(oura, file);

        assertThat(read.metricLines())
                .containsExactly(
                        "oura:sleep_score:2026-01-02 @2026-01-01T23:00:00Z - sleep_score=84.0",
                        "oura:steps:2026-01-02 @2026-01-01T23:00:00Z - steps=9000.0 steps");
        assertThat(read.skipped())
                .containsExactly("trends.csv row 3: sleep_score of 2026-01-02 was read before; this value is left out");
    }

    @Test
    void recordIdsAreStableAndDistinct() {
        for (Path file : List.of(Fixtures.ouraZip(tmp), Fixtures.OURA_V1_JSON, Fixtures.OURA_TRENDS)) {
            List<String> first = Collected.read(oura, file).recordIds();
            List<String> second = Collected.read(
                            oura, file, new ImportOptions(ZoneId.of("America/Chicago"), Optional.empty()))
                    .recordIds();

            assertThat(first).as("%s", file).doesNotHaveDuplicates().isEqualTo(second);
            assertThat(first).allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(Draft.MAX_RECORD_ID));
        }
    }
}
