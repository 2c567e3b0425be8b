package dev.td.importers.track;

import static dev.td.importers.track.Imported.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.importers.ImportException;
import dev.td.importers.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged, empty, hostile and wrong-format files are refused as bad files, with where and what to do. */
class BrokenFilesTest {

    @TempDir
    Path dir;

    private static Importer importerOf(String sample) {
        return sample.endsWith(".gpx") ? new GpxImporter() : new TcxImporter();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gpx/togeojson/run.gpx",
                "gpx/togeojson/run_gpxtpx.gpx",
                "gpx/togeojson/missing_hr.gpx",
                "tcx/python-tcxparser/test.tcx",
                "tcx/python-tcxparser/sup_activity_1.tcx",
                "tcx/python-tcxparser/no_hr.tcx"
            })
    void aFileCutInHalfIsABadFileNamingTheLineAndColumnWhereItEnds(String sample) throws IOException {
        byte[] whole = Files.readAllBytes(sample(sample));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        Path file = Files.write(dir.resolve(Path.of(sample).getFileName()), half);
        long lines = new String(half, StandardCharsets.UTF_8).lines().count();

        assertThatThrownBy(() -> Imported.read(importerOf(sample), file))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isFalse())
                .hasMessageStartingWith(file.getFileName() + " is not well-formed XML at line " + lines + ", column ")
                .hasMessageEndingWith("the file is damaged or cut short; export it again from the app or device");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpx/togeojson/missing_hr.gpx", "tcx/python-tcxparser/sup_activity_1.tcx"})
    void garbageAfterTheDocumentIsABadFile(String sample) throws IOException {
        Path file = dir.resolve(Path.of(sample).getFileName());
        Files.write(file, Files.readAllBytes(sample(sample)));
        Files.writeString(file, "\nPK\u0003\u0004 garbage <<", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Imported.read(importerOf(sample), file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is not well-formed XML at line ")
                .hasMessageContaining("export it again");
    }

    @Test
    void anEmptyFileIsABadFile() throws IOException {
        for (String name : new String[] {"empty.gpx", "empty.tcx"}) {
            Path file = Files.write(dir.resolve(name), new byte[0]);

            assertThatThrownBy(() -> Imported.read(importerOf(name), file))
                    .isInstanceOf(ImportException.class)
                    .hasMessage(name + " is empty (0 bytes): export it again");
        }
    }

    @Test
    void anExternalEntityIsNeverReadAndTheFileIsRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret-content", StandardCharsets.UTF_8);
        Path file = Files.writeString(
                dir.resolve("xxe.gpx"),
                "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<gpx><trk><name>&xxe;</name><trkseg>" + GpxImporterTest.point(0, "10:00:00Z", "")
                        + "</trkseg></trk></gpx>",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Imported.read(new GpxImporter(), file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is not well-formed XML")
                .hasMessageContaining("\"xxe\" was referenced, but not declared")
                .hasMessageNotContaining("top-secret-content");
    }

    @Test
    void entityExpansionIsNotPerformed() throws IOException {
        StringBuilder laughs = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"");
            laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        Path file = Files.writeString(
                dir.resolve("laughs.tcx"),
                "<!DOCTYPE TrainingCenterDatabase [" + laughs + "]><TrainingCenterDatabase><Activities><Activity>"
                        + "<Id>&l9;</Id></Activity></Activities></TrainingCenterDatabase>",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Imported.read(new TcxImporter(), file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("\"l9\" was referenced, but not declared");
    }

    @Test
    void eachImporterRefusesTheOthersFileSayingWhatItIs() {
        assertThatThrownBy(() -> Imported.read(new GpxImporter(), sample("tcx/python-tcxparser/test.tcx")))
                .isInstanceOf(ImportException.class)
                .hasMessage("test.tcx is not a GPX file: its root element is <TrainingCenterDatabase>, not <gpx>."
                        + " Import it as the format it is");
        assertThatThrownBy(() -> Imported.read(new TcxImporter(), sample("gpx/togeojson/run.gpx")))
                .isInstanceOf(ImportException.class)
                .hasMessage("run.gpx is not a TCX file: its root element is <gpx>, not <TrainingCenterDatabase>."
                        + " Import it as the format it is");
    }

    @Test
    void aTcxWithoutAnActivityIsABadFile() throws IOException {
        Path file = Files.writeString(
                dir.resolve("course.tcx"),
                "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
                        + "<Courses><Course><Name>Loop</Name></Course></Courses></TrainingCenterDatabase>",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Imported.read(new TcxImporter(), file))
                .isInstanceOf(ImportException.class)
                .hasMessage("course.tcx has no <Activity>: it holds no recorded activity (courses and workouts are"
                        + " plans). Export the activity itself as TCX");
    }

    @Test
    void aTrackpointWithoutATimeOrWithTextForANumberIsABadFileNamingItsLine() throws IOException {
        String head = "<TrainingCenterDatabase><Activities><Activity Sport=\"Biking\"><Id>2020-01-01T10:00:00Z</Id>"
                + "<Lap StartTime=\"2020-01-01T10:00:00Z\"><Track>\n";
        String tail = "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
        Path noTime = Files.writeString(
                dir.resolve("notime.tcx"), head + "<Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>" + tail);
        Path badHr = Files.writeString(
                dir.resolve("badhr.tcx"),
                head + "<Trackpoint><Time>2020-01-01T10:00:00Z</Time><HeartRateBpm><Value>x</Value></HeartRateBpm>"
                        + "</Trackpoint>" + tail);

        assertThatThrownBy(() -> Imported.read(new TcxImporter(), noTime))
                .isInstanceOf(ImportException.class)
                .hasMessage("notime.tcx line 2: a <Trackpoint> has no <Time>. Export the file again from the app or"
                        + " device");
        assertThatThrownBy(() -> Imported.read(new TcxImporter(), badHr))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("badhr.tcx line 2: <Value> is 'x', not a number");
    }
}
