package dev.td.importers.wearables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Format;
import dev.td.importers.Importer;
import dev.td.importers.Importers;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WHOOP and Oura files are known by their content, and no other format's sample is taken for one. */
class WearablesRecognitionTest {

    private static final List<Importer> WEARABLES = List.of(new WhoopImporter(), new OuraImporter());

    @TempDir
    Path tmp;

    @Test
    void noSampleOfAnotherFormatIsTakenForWhoopOrOura() throws IOException {
        List<Path> others = otherSamples();

        assertThat(others).hasSizeGreaterThan(40);
        for (Path file : others) {
            SourceFile source = SourceFile.of(file);
            for (Importer importer : WEARABLES) {
                assertThat(importer.recognizes(source))
                        .as("%s recognizes %s", importer.format(), Fixtures.SAMPLES.relativize(file))
                        .isFalse();
            }
        }
    }

    @Test
    void noZipOfAnotherFormatIsTakenForWhoopOrOura() throws IOException {
        Path appleZip;
        try (Stream<Path> files = Files.walk(
                Fixtures.SAMPLES.resolve("apple_health/healthkit-to-sqlite/zip_contents/apple_health_export"))) {
            appleZip = Fixtures.zip(
                    tmp.resolve("export.zip"),
                    Map.of(),
                    files.filter(Files::isRegularFile).toList(),
                    "apple_health_export/");
        }
        Path csvZip = Fixtures.zip(
                tmp.resolve("csvs.zip"),
                Map.of(),
                otherSamples().stream()
                        .filter(p -> p.toString().endsWith(".csv"))
                        .toList(),
                "");

        for (Path zip : List.of(appleZip, csvZip)) {
            for (Importer importer : WEARABLES) {
                assertThat(importer.recognizes(SourceFile.of(zip)))
                        .as("%s recognizes %s", importer.format(), zip.getFileName())
                        .isFalse();
            }
        }
    }

    @Test
    void eachWearableFileIsRecognizedByItsOwnImporterOnly() {
        Map<Path, Format> files = Map.ofEntries(
                Map.entry(Fixtures.WHOOP_CYCLES, Format.WHOOP),
                Map.entry(Fixtures.WHOOP_SLEEPS, Format.WHOOP),
                Map.entry(Fixtures.WHOOP_WORKOUTS, Format.WHOOP),
                Map.entry(Fixtures.WHOOP_JOURNAL, Format.WHOOP),
                Map.entry(Fixtures.whoopZip(tmp), Format.WHOOP),
                Map.entry(Fixtures.OURA_APP_DATA.resolve("sleepmodel.csv"), Format.OURA),
                Map.entry(Fixtures.OURA_APP_DATA.resolve("dailysleep.csv"), Format.OURA),
                Map.entry(Fixtures.OURA_APP_DATA.resolve("dailyreadiness.csv"), Format.OURA),
                Map.entry(Fixtures.OURA_APP_DATA.resolve("dailyactivity.csv"), Format.OURA),
                Map.entry(Fixtures.OURA_APP_DATA.resolve("dailyspo2.csv"), Format.OURA),
                Map.entry(Fixtures.OURA_JSON, Format.OURA),
                Map.entry(Fixtures.OURA_V1_JSON, Format.OURA),
                Map.entry(Fixtures.OURA_TRENDS, Format.OURA),
                Map.entry(Fixtures.ouraZip(tmp), Format.OURA));

        files.forEach((path, format) -> {
            SourceFile file = SourceFile.of(path);
            for (Importer importer : WEARABLES) {
                assertThat(importer.recognizes(file))
                        .as("%s recognizes %s", importer.format(), path.getFileName())
                        .isEqualTo(importer.format() == format);
            }
            assertThat(Importers.detect(file).map(Importer::format))
                    .as("detect %s", path.getFileName())
                    .contains(format);
        });
    }

    @Test
    void filesOfTheExportsTdDoesNotReadAreNotClaimed() {
        for (Path path : List.of(
                Fixtures.OURA_APP_DATA.resolve("heartrate.csv"),
                Fixtures.DIR.resolve("README.md"),
                Fixtures.DIR.resolve("whoop/README.md"),
                Fixtures.DIR.resolve("oura/README.md"))) {
            assertThat(Importers.detect(SourceFile.of(path))).as("%s", path).isEmpty();
        }
    }

    @Test
    void theContentDecidesNotTheName() throws IOException {
        Path strongAsCycles = Files.copy(
                Fixtures.SAMPLES.resolve("strength_csv/strong-statistics/sample_strong_legacy.csv"),
                tmp.resolve("physiological_cycles.csv"));
        Path gpxAsOuraJson =
                Files.copy(Fixtures.SAMPLES.resolve("gpx/togeojson/run.gpx"), tmp.resolve("oura_data.json"));
        Path cyclesAsText = Files.copy(Fixtures.WHOOP_CYCLES, tmp.resolve("export.txt"));
        Path ouraJsonAsText = Files.copy(Fixtures.OURA_JSON, tmp.resolve("data.txt"));

        assertThat(new WhoopImporter().recognizes(SourceFile.of(strongAsCycles)))
                .isFalse();
        assertThat(new OuraImporter().recognizes(SourceFile.of(gpxAsOuraJson))).isFalse();
        assertThat(new WhoopImporter().recognizes(SourceFile.of(cyclesAsText))).isTrue();
        assertThat(new OuraImporter().recognizes(SourceFile.of(ouraJsonAsText))).isTrue();
    }

    @Test
    void bothFormatsAreListedWithTheirImporters() {
        assertThat(Format.byId("whoop")).contains(Format.WHOOP);
        assertThat(Format.byId("oura")).contains(Format.OURA);
        assertThat(Importers.of(Format.WHOOP)).containsInstanceOf(WhoopImporter.class);
        assertThat(Importers.of(Format.OURA)).containsInstanceOf(OuraImporter.class);
    }

    /** Every file under samples/ but the wearable fixtures: the other formats' test files. */
    private static List<Path> otherSamples() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.SAMPLES)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(Fixtures.DIR))
                    .sorted()
                    .toList();
        }
    }
}
