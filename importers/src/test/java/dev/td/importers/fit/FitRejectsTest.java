package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.Importers;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the FIT importer refuses, and which files it claims. */
class FitRejectsTest {

    private final FitImporter importer = new FitImporter();

    @TempDir
    Path dir;

    @Test
    void aFileWithABadCrcIsCorruptAtItsLastByte() {
        // test.py l.321-326: activity-filecrc.fit raises FitCRCError; the SDK reports byte 770 (survey §2)
        ImportException e = refusal("activity-filecrc.fit");

        assertThat(e.getMessage())
                .startsWith("activity-filecrc.fit is corrupt: its CRC check failed at byte 770;")
                .contains("export it again from the device or app");
        assertThat(e.callerMustChoose()).isFalse();
    }

    @Test
    void aCutOffFileIsTruncatedNotCorrupt() {
        // test.py l.328-333: activity-unexpected-eof.fit raises FitEOFError; it ends at byte 768 (survey §2)
        ImportException e = refusal("activity-unexpected-eof.fit");

        assertThat(e.getMessage())
                .startsWith("activity-unexpected-eof.fit is truncated (ends at byte 768")
                .contains("copy or export it again");
        assertThat(e.callerMustChoose()).isFalse();
    }

    @Test
    void aCorruptFileHandsNothingToTheSinkThoughTheSdkDecodedItsActivity() {
        // the SDK delivers all 22 messages of activity-filecrc.fit before it throws (survey §2); Activity.fit is the
        // same 771-byte activity with a good CRC and gives one
        CollectingSink sink = new CollectingSink();
        SourceFile corrupt = SourceFile.of(FitSamples.path("activity-filecrc.fit"));

        assertThatThrownBy(() -> importer.read(corrupt, FitSamples.utc(), sink)).isInstanceOf(ImportException.class);
        assertThat(sink.drafts()).isEmpty();
        assertThat(sink.skipped()).isEmpty();
        assertThat(FitSamples.read("Activity.fit").drafts()).hasSize(1);
    }

    @Test
    void aByteFlippedInTheMiddleIsCaughtByTheCrc() throws IOException {
        // survey §2: garmin-fenix-5-run.fit with byte 2798 XOR 0xFF decodes 81 garbage messages, then "File CRC
        // failed. Error at byte: 5596"
        byte[] bytes = Files.readAllBytes(FitSamples.path("garmin-fenix-5-run.fit"));
        bytes[2798] ^= (byte) 0xFF;
        Path damaged = Files.write(dir.resolve("run.fit"), bytes);
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> importer.read(SourceFile.of(damaged), FitSamples.utc(), sink))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("run.fit is corrupt: its CRC check failed at byte 5596;");
        assertThat(sink.drafts()).isEmpty();
    }

    @Test
    void randomDamageIsAlwaysRefusedAsABadFileAndNeverHandsOverADraft() throws IOException {
        byte[] original = Files.readAllBytes(FitSamples.path("garmin-fenix-5-run.fit"));
        Random random = new Random(1); // with this seed the SDK also throws ArrayIndexOutOfBoundsException
        Path file = dir.resolve("damaged.fit");
        for (int n = 0; n < 2000; n++) {
            byte[] bytes = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[12 + random.nextInt(bytes.length - 14)] ^= (byte) (1 << random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                bytes = Arrays.copyOf(bytes, 14 + random.nextInt(bytes.length - 14));
            }
            Files.write(file, bytes);
            CollectingSink sink = new CollectingSink();
            try {
                importer.read(SourceFile.of(file), FitSamples.utc(), sink);
            } catch (ImportException e) {
                assertThat(e.callerMustChoose()).isFalse();
                assertThat(sink.drafts()).as("damage %d: %s", n, e.getMessage()).isEmpty();
            }
        }
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("ride.fit"));

        assertThat(refusal(empty).getMessage())
                .isEqualTo("ride.fit is empty (0 bytes): it has no activity or weight-scale data; export it again"
                        + " from the device or app");
    }

    @Test
    void aGpxNamedFitIsNotAFitFile() throws IOException {
        Path gpx = Files.writeString(
                dir.resolve("track.fit"), "<?xml version=\"1.0\"?><gpx version=\"1.1\"></gpx>", StandardCharsets.UTF_8);

        assertThat(importer.recognizes(SourceFile.of(gpx))).isFalse();
        assertThat(refusal(gpx).getMessage())
                .startsWith("track.fit is not a FIT file: it lacks the \".FIT\" signature")
                .contains("choose the .fit file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Settings.fit | (it is a FIT settings file)",
                "MonitoringFile.fit | (it is a FIT monitoring_b file)",
                "WorkoutIndividualSteps.fit | (it is a FIT workout file)",
                "DeveloperData.fit | (an activity file without sessions or timed records)"
            })
    void aFileWithoutActivityOrWeighInsIsRefused(String file, String kind) {
        // survey §1: settings, monitoring_b, workout; DeveloperData.fit has 3 records and no timestamps or session
        assertThat(refusal(file).getMessage())
                .isEqualTo(file + " has no activity or weight-scale data " + kind
                        + "; td imports activities and weigh-ins from FIT");
    }

    @Test
    void everyFitSampleIsRecognizedAndNothingElseInItsFolder() throws IOException {
        try (Stream<Path> files = Files.list(FitSamples.folder())) {
            for (Path file : files.toList()) {
                boolean fit = file.getFileName().toString().endsWith(".fit");
                assertThat(importer.recognizes(SourceFile.of(file)))
                        .as(file.getFileName().toString())
                        .isEqualTo(fit);
            }
        }
    }

    @Test
    void aGzippedOrZippedFitIsNotClaimed() throws IOException {
        byte[] fit = Files.readAllBytes(FitSamples.path("Activity.fit"));
        Path gz = dir.resolve("Activity.fit.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(fit);
        }
        Path zip = dir.resolve("export.fit");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Activity.fit"));
            out.write(fit);
        }

        assertThat(importer.recognizes(SourceFile.of(gz))).isFalse();
        assertThat(importer.recognizes(SourceFile.of(zip))).isFalse();
    }

    @Test
    void textFilesOfTheOtherFormatsAreNotClaimed() throws IOException {
        List<String> texts = List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase></TrainingCenterDatabase>",
                "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\"></gpx>",
                "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n",
                "Activity ID,Activity Date,Activity Name,Activity Type\n");
        for (int i = 0; i < texts.size(); i++) {
            Path file = Files.writeString(dir.resolve("file" + i + ".txt"), texts.get(i), StandardCharsets.UTF_8);
            assertThat(importer.recognizes(SourceFile.of(file)))
                    .as(texts.get(i))
                    .isFalse();
        }
    }

    @Test
    void theOtherFormatsSamplesAreNotClaimed() throws IOException {
        // every sample of the other importers that the test resources hold (none until they are merged)
        Path samples = FitSamples.folder().resolve("../..").normalize();
        try (Stream<Path> files = Files.walk(samples)) {
            List<Path> others = files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(samples.resolve("fit")))
                    .toList();
            for (Path file : others) {
                assertThat(importer.recognizes(SourceFile.of(file)))
                        .as(file.toString())
                        .isFalse();
            }
        }
    }

    @Test
    void tdFindsTheFitImporterByFormatAndByFile() {
        SourceFile run = SourceFile.of(FitSamples.path("garmin-fenix-5-run.fit"));

        assertThat(Importers.of(Format.FIT)).containsInstanceOf(FitImporter.class);
        assertThat(Importers.detect(run)).containsInstanceOf(FitImporter.class);
        assertThat(importer.format()).isEqualTo(Format.FIT);
    }

    private ImportException refusal(String sample) {
        return refusal(FitSamples.path(sample));
    }

    private ImportException refusal(Path file) {
        return catchThrowableOfType(
                ImportException.class,
                () -> importer.read(SourceFile.of(file), FitSamples.utc(), new CollectingSink()));
    }
}
