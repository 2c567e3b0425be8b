package dev.td.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Collected;
import dev.td.importers.Format;
import dev.td.importers.Importer;
import dev.td.importers.Importers;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each CSV importer knows its own files by their header row, and no other format's. */
class CsvRecognitionTest {

    static final Map<Path, Format> SAMPLES = Map.of(
            StrongImporterTest.SAMPLE, Format.STRONG,
            StrongImporterTest.LEGACY, Format.STRONG,
            HevyImporterTest.SAMPLE, Format.HEVY,
            StravaImporterTest.SAMPLE, Format.STRAVA);

    static final List<Importer> IMPORTERS = List.of(new StrongImporter(), new HevyImporter(), new StravaImporter());

    @TempDir
    Path tmp;

    @Test
    void eachSampleIsRecognizedByItsOwnImporterOnly() {
        SAMPLES.forEach((path, format) -> {
            SourceFile file = SourceFile.of(path);
            for (Importer importer : IMPORTERS) {
                assertThat(importer.recognizes(file))
                        .as("%s recognizes %s", importer.format(), path.getFileName())
                        .isEqualTo(importer.format() == format);
            }
        });
    }

    @Test
    void importersDetectsEachSampleAndFindsEachFormat() {
        SAMPLES.forEach((path, format) -> assertThat(
                        Importers.detect(SourceFile.of(path)).map(Importer::format))
                .contains(format));
        for (Format format : List.of(Format.STRONG, Format.HEVY, Format.STRAVA)) {
            assertThat(Importers.of(format).map(Importer::format)).contains(format);
        }
    }

    @Test
    void theHeaderDecidesNotTheFileName() throws IOException {
        Path strongNamedHevy = tmp.resolve("hevy_workouts.csv");
        Files.copy(StrongImporterTest.LEGACY, strongNamedHevy);
        Path gpxNamedCsv = tmp.resolve("activities.csv");
        Files.writeString(
                gpxNamedCsv,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"StravaGPX\">\n</gpx>\n",
                StandardCharsets.UTF_8);
        Path bom = tmp.resolve("export.csv");
        Files.writeString(
                bom,
                "\uFEFF" + Files.readString(StrongImporterTest.LEGACY, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);

        assertThat(new StrongImporter().recognizes(SourceFile.of(strongNamedHevy)))
                .isTrue();
        assertThat(new HevyImporter().recognizes(SourceFile.of(strongNamedHevy)))
                .isFalse();
        assertThat(IMPORTERS).noneMatch(i -> i.recognizes(SourceFile.of(gpxNamedCsv)));
        assertThat(new StrongImporter().recognizes(SourceFile.of(bom))).isTrue();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        Path bom = tmp.resolve("export.csv");
        Files.writeString(
                bom,
                "\uFEFF" + Files.readString(StrongImporterTest.LEGACY, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);

        assertThat(Collected.read(new StrongImporter(), bom, StrongImporterTest.KG)
                        .ofType("set.logged"))
                .hasSize(6);
    }
}
