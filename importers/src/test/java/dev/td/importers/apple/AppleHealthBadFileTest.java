package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not an Apple Health export, or a damaged one: refused with what is wrong and what to do. */
class AppleHealthBadFileTest {

    private final AppleHealthImporter importer = new AppleHealthImporter();

    @TempDir
    Path dir;

    @Test
    void aTruncatedExportIsRefusedWithTheLineWhereItEnds() throws IOException {
        byte[] bytes = Files.readAllBytes(Samples.EXPORT_XML);
        Path cut = Files.write(dir.resolve("export.xml"), Arrays.copyOf(bytes, 2000));

        assertThatThrownBy(() -> Samples.read(cut))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isFalse())
                .hasMessageStartingWith("export.xml is not well-formed XML at line ")
                .hasMessageContaining("cut short; export it again from the Health app");
    }

    @Test
    void aMalformedExportNamesTheLineAndColumn() {
        Path bad = Samples.write(dir.resolve("export.xml"), """
                <HealthData locale="en_US">
                 <ExportDate value="2019-07-19 10:36:11 -0700"/>
                 <Record type="HKQuantityTypeIdentifierHeartRate" value=72/>
                </HealthData>
                """);

        assertThatThrownBy(() -> Samples.read(bad))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.xml is not well-formed XML at line 3, column ")
                .hasMessageContaining("export it again");
    }

    @Test
    void anEmptyFileIsRefused() {
        Path empty = Samples.write(dir.resolve("export.xml"), "");

        assertThat(importer.recognizes(SourceFile.of(empty))).isFalse();
        assertThatThrownBy(() -> Samples.read(empty))
                .isInstanceOf(ImportException.class)
                .hasMessage("export.xml is empty: export from the Health app: profile → Export All Health Data");
    }

    @Test
    void aCsvIsNeitherTheZipNorItsXml() {
        Path csv = Samples.write(dir.resolve("strong.csv"), "Date,Workout Name,Duration\n2024-01-01,Push,35m\n");

        assertThat(importer.recognizes(SourceFile.of(csv))).isFalse();
        assertThatThrownBy(() -> Samples.read(csv))
                .isInstanceOf(ImportException.class)
                .hasMessage("strong.csv has no Apple Health export.xml (it is neither the export.zip nor an XML"
                        + " file); export from the Health app: profile → Export All Health Data");
    }

    // Apple's own route GPX (from the sample zip) is a GPX, not an export; so are TCX and other XML.
    @Test
    void anotherXmlIsRefusedNamingItsRoot() throws IOException {
        Path gpx = Files.copy(Samples.ROUTE_GPX, dir.resolve("route.gpx"));

        assertThat(importer.recognizes(SourceFile.of(gpx))).isFalse();
        assertThatThrownBy(() -> Samples.read(gpx))
                .isInstanceOf(ImportException.class)
                .hasMessage("route.gpx is XML but not an Apple Health export (its root element is <gpx>, not"
                        + " <HealthData>): export from the Health app: profile → Export All Health Data");
    }

    @Test
    void theClinicalDocumentBesideTheExportIsNotTheExport() {
        Path cda = Samples.write(
                dir.resolve("export_cda.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>\n");

        assertThat(importer.recognizes(SourceFile.of(cda))).isFalse();
        assertThatThrownBy(() -> Samples.read(cda))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("its root element is <ClinicalDocument>");
    }

    @Test
    void otherFormatsAreNotRecognised() throws IOException {
        Path tcx = Samples.write(
                dir.resolve("run.tcx"),
                "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase"
                        + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"/>\n");
        Path fit = Files.write(dir.resolve("run.fit"), new byte[] {14, 16, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0});
        Path stravaZip = Samples.zip(
                dir.resolve("strava.zip"), Map.of("activities.csv", "Activity ID,Activity Date\n1,\"Jan 1, 2021\"\n"));

        assertThat(importer.recognizes(SourceFile.of(tcx))).isFalse();
        assertThat(importer.recognizes(SourceFile.of(fit))).isFalse();
        assertThat(importer.recognizes(SourceFile.of(stravaZip))).isFalse();
        assertThat(importer.recognizes(SourceFile.of(Samples.EXPORT_XML))).isTrue();
        assertThat(importer.recognizes(SourceFile.of(Samples.ZIP_XML))).isTrue();
    }

    @Test
    void aZipThatIsNotAZipIsRefusedAsDamaged() throws IOException {
        Path fake = Files.write(
                dir.resolve("export.zip"), "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(importer.recognizes(SourceFile.of(fake))).isFalse();
        assertThatThrownBy(() -> Samples.read(fake))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.zip is not a readable zip (")
                .hasMessageContaining("export it again");
    }
}
