package dev.td.importers.wearables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.importers.ImportException;
import dev.td.importers.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files WHOOP's and Oura's importers cannot read fail as a whole with {@link ImportException#badFile}: the message
 * names the file, the row or line (and column or field) and what to do.
 */
class WearablesBadFileTest {

    private static final String CYCLES_HEADER =
            "Cycle start time,Cycle end time,Cycle timezone,Recovery score %,Resting heart rate (bpm),Wake onset\n";
    private static final String WHOOP_FIX = "export it again in the WHOOP app (Menu → Export WHOOP Data)";
    private static final String OURA_FIX = "export your data again from your Oura account";

    private final WhoopImporter whoop = new WhoopImporter();
    private final OuraImporter oura = new OuraImporter();

    @TempDir
    Path tmp;

    @Test
    void anEmptyFileIsNamedEmpty() {
        Path empty = Fixtures.write(tmp.resolve("physiological_cycles.csv"), "");

        fails(whoop, empty).hasMessage("physiological_cycles.csv is empty: " + WhoopImporter.HOW_TO_EXPORT);
        fails(oura, empty).hasMessage("physiological_cycles.csv is empty: " + OuraImporter.HOW_TO_EXPORT);
    }

    @Test
    void aHeaderWithoutRowsHasNothingToImport() {
        Path cycles = Fixtures.write(tmp.resolve("physiological_cycles.csv"), CYCLES_HEADER);
        Path readiness = Fixtures.write(
                tmp.resolve("dailyreadiness.csv"),
                "id;contributors;day;score;temperature_deviation;temperature_trend_deviation;timestamp\n");
        Path zip = Fixtures.zip(
                tmp.resolve("export.zip"), Map.of("physiological_cycles.csv", CYCLES_HEADER), List.of(), "");

        fails(whoop, cycles).hasMessageStartingWith("physiological_cycles.csv has no rows after its header");
        fails(whoop, zip).hasMessageStartingWith("export.zip has no rows after its header");
        fails(oura, readiness)
                .hasMessage("dailyreadiness.csv has no sleep, readiness or activity records, so there is nothing to"
                        + " import: export again once the ring has recorded a night");
    }

    @Test
    void aRowWithTooFewCellsIsNamedWithItsLine() {
        Path cycles = Fixtures.write(
                tmp.resolve("physiological_cycles.csv"),
                CYCLES_HEADER + "2024-06-23 22:41:05,,UTC-04:00,65,52,2024-06-24 06:12:40\n2024-06-22 23:05:10,,UTC\n");

        fails(whoop, cycles)
                .hasMessageStartingWith("physiological_cycles.csv row 3 (line 3) has 3 cells where the header has 6")
                .hasMessageContaining(WHOOP_FIX);
    }

    @Test
    void anUnclosedQuoteIsNotValidCsv() {
        Path journal = Fixtures.write(tmp.resolve("journal_entries.csv"), """
                Cycle start time,Cycle end time,Cycle timezone,Question text,Answered yes,Notes
                2024-06-23 22:41:05,,UTC-04:00,Have any caffeine?,true,"two espressos
                """);

        fails(whoop, journal)
                .hasMessageStartingWith("journal_entries.csv row 2")
                .hasMessageContaining("is not valid CSV")
                .hasMessageContaining("A quote opened in a cell must be closed");
    }

    @Test
    void aBadCellIsNamedByRowLineAndColumn() {
        fails(whoop, cycles("2024-06-23 22:41:05,,Mars+1,65,52,2024-06-24 06:12:40"))
                .hasMessage("physiological_cycles.csv row 2 (line 2), column \"Cycle timezone\": \"Mars+1\" is not a"
                        + " time zone like UTC-05:00; WHOOP's export writes the cycle's offset from UTC there; "
                        + WhoopImporter.HOW_TO_EXPORT + " (rows count the header as row 1)");
        fails(whoop, cycles("2024-06-23 22:41:05,,UTC-04:00,65,52,24/06/2024 06:12"))
                .hasMessageStartingWith("physiological_cycles.csv row 2 (line 2), column \"Wake onset\": \"24/06/2024"
                        + " 06:12\" is not a date and time like 2024-06-23 20:24:26");
        fails(whoop, cycles("2024-06-23 22:41:05,,UTC-04:00,65,sixty,2024-06-24 06:12:40"))
                .hasMessageStartingWith("physiological_cycles.csv row 2 (line 2), column \"Resting heart rate (bpm)\":"
                        + " \"sixty\" is not a number");
        fails(whoop, cycles(",,UTC-04:00,65,52,2024-06-24 06:12:40"))
                .hasMessageStartingWith(
                        "physiological_cycles.csv row 2 (line 2), column \"Cycle start time\": is" + " empty");
    }

    @Test
    void aNapThatIsNeitherTrueNorFalseIsNamed() {
        Path sleeps = Fixtures.write(tmp.resolve("sleeps.csv"), """
                Cycle start time,Cycle timezone,Sleep onset,Wake onset,Asleep duration (min),Nap
                2024-06-23 22:41:05,UTC-04:00,2024-06-23 22:41:05,2024-06-24 06:12:40,412,maybe
                """);

        fails(whoop, sleeps)
                .hasMessageStartingWith(
                        "sleeps.csv row 2 (line 2), column \"Nap\": \"maybe\" is neither true nor" + " false");
    }

    @Test
    void aFileOfAnotherFormatIsNotWhoopOrOura() {
        Path gpx = Fixtures.SAMPLES.resolve("gpx/togeojson/run.gpx");

        fails(whoop, gpx)
                .hasMessage("run.gpx is not a file of WHOOP's export: its first line is not the header of"
                        + " physiological_cycles.csv, sleeps.csv, workouts.csv or journal_entries.csv; "
                        + WhoopImporter.HOW_TO_EXPORT);
        fails(oura, gpx)
                .hasMessageStartingWith("run.gpx is not an Oura export")
                .hasMessageEndingWith(OURA_FIX + " and import the file unchanged");
    }

    @Test
    void aZipWithoutTheirFilesIsNamed() {
        Path zip = Fixtures.zip(
                tmp.resolve("other.zip"),
                Map.of(),
                List.of(Fixtures.SAMPLES.resolve("strength_csv/strong-statistics/sample_strong_legacy.csv")),
                "");

        fails(whoop, zip).hasMessageStartingWith("other.zip holds none of the CSV files of WHOOP's export");
        fails(oura, zip).hasMessageStartingWith("other.zip holds no Oura export file");
    }

    @Test
    void aZipCutShortIsNotReadable() throws IOException {
        for (Path zip : List.of(Fixtures.whoopZip(tmp), Fixtures.ouraZip(tmp))) {
            byte[] bytes = Files.readAllBytes(zip);
            Path cut = Files.write(tmp.resolve("cut-" + zip.getFileName()), Arrays.copyOf(bytes, bytes.length / 2));
            Importer importer = zip.getFileName().toString().startsWith("oura") ? oura : whoop;

            fails(importer, cut)
                    .hasMessageStartingWith("cut-" + zip.getFileName() + " is not a readable zip (")
                    .hasMessageContaining("it is damaged or was cut short");
        }
    }

    @Test
    void textThatIsNotUtf8IsNamed() throws IOException {
        Path cycles = tmp.resolve("physiological_cycles.csv");
        Files.write(
                cycles,
                (CYCLES_HEADER + "2024-06-23 22:41:05,,UTC-04:00,65,52,\u00ff").getBytes(StandardCharsets.ISO_8859_1));

        fails(whoop, cycles)
                .hasMessageStartingWith("physiological_cycles.csv row 2 (line 2), cell 6 is not UTF-8 text: "
                        + WhoopImporter.HOW_TO_EXPORT);
    }

    @Test
    void jsonCutShortNamesItsLine() {
        String json = Fixtures.text(Fixtures.OURA_JSON);
        Path cut =
                Fixtures.write(tmp.resolve("oura_data.json"), json.substring(0, json.indexOf("\"daily_sleep\"") + 40));

        fails(oura, cut)
                .hasMessageStartingWith("oura_data.json is not valid JSON at line ")
                .hasMessageContaining("the file is damaged or was cut short");
    }

    @Test
    void aBadFieldOfAJsonEntryIsNamedByArrayIndexAndField() {
        Path json = Fixtures.write(tmp.resolve("oura.json"), """
                {"daily_sleep": [
                  {"day": "2024-03-11", "score": 82, "contributors": {}},
                  {"day": "12.03.2024", "score": 88, "contributors": {}}
                ]}
                """);
        Path score = Fixtures.write(
                tmp.resolve("score.json"),
                "{\"readiness\": [{\"day\": \"2024-03-11\", \"score\": \"high\", \"temperature_deviation\": 0.1}]}");

        fails(oura, json)
                .hasMessage("oura.json daily_sleep[1], field \"day\": \"12.03.2024\" is not a day like 2024-01-02; "
                        + OuraImporter.HOW_TO_EXPORT);
        fails(oura, score)
                .hasMessage("score.json readiness[0], field \"score\": \"high\" is not a number; "
                        + OuraImporter.HOW_TO_EXPORT);
    }

    @Test
    void aBadCellOfAnAppDataCsvIsNamedByRowAndField() {
        Path spo2 = Fixtures.write(
                tmp.resolve("dailyspo2.csv"),
                "id;breathing_disturbance_index;day;spo2_percentage\nx;4;2024-03-11;{average: 96.8}\n");
        Path sleep = Fixtures.write(
                tmp.resolve("sleepmodel.csv"),
                "id;day;total_sleep_duration;bedtime_end;type\nx;2024-03-11;26130;11.03.2024 06:58;long_sleep\n");

        fails(oura, spo2).hasMessageStartingWith("dailyspo2.csv row 2, field \"spo2_percentage\": is not valid JSON (");
        fails(oura, sleep)
                .hasMessageStartingWith("sleepmodel.csv row 2, field \"bedtime_end\": \"11.03.2024 06:58\" is not a"
                        + " date and time with an offset");
    }

    @Test
    void aBadDateOfTheTrendsCsvIsNamed() {
        Path trends = Fixtures.write(tmp.resolve("trends.csv"), "date,Sleep Score,Bedtime End\n04/03/2020,71,\n");
        Path bedtime =
                Fixtures.write(tmp.resolve("bedtime.csv"), "date,Sleep Score,Bedtime End\n2020-03-04,71,05:55\n");

        fails(oura, trends)
                .hasMessage("trends.csv row 2 (line 2), column \"date\": \"04/03/2020\" is not a day like 2020-03-04; "
                        + OuraImporter.HOW_TO_EXPORT + " (rows count the header as row 1)");
        fails(oura, bedtime)
                .hasMessageStartingWith("bedtime.csv row 2 (line 2), column \"Bedtime End\": \"05:55\" is not a time"
                        + " with an offset");
    }

    private Path cycles(String row) {
        return Fixtures.write(tmp.resolve("physiological_cycles.csv"), CYCLES_HEADER + row + "\n");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Importer importer, Path file) {
        return assertThatThrownBy(() -> Collected.read(importer, file))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isFalse());
    }
}
