package dev.td.importers.track;

import static dev.td.importers.track.Imported.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Format;
import dev.td.importers.Importers;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which files each importer claims: by the XML root in the head, by the name only when the head cannot tell. */
class RecognitionTest {

    private final GpxImporter gpx = new GpxImporter();
    private final TcxImporter tcx = new TcxImporter();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "gpx/togeojson/run.gpx, GPX",
        "gpx/togeojson/run_gpxtpx.gpx, GPX",
        "gpx/togeojson/missing_hr.gpx, GPX",
        "gpx/gpxpy/gpx_with_garmin_extension.gpx, GPX",
        "tcx/python-tcxparser/test.tcx, TCX",
        "tcx/python-tcxparser/sup_activity_1.tcx, TCX",
        "tcx/python-tcxparser/no_hr.tcx, TCX"
    })
    void eachSampleIsRecognizedByItsOwnImporterOnly(String sample, Format format) {
        SourceFile file = SourceFile.of(sample(sample));

        assertThat(gpx.recognizes(file)).isEqualTo(format == Format.GPX);
        assertThat(tcx.recognizes(file)).isEqualTo(format == Format.TCX);
        assertThat(Importers.detect(file).map(i -> i.format())).contains(format);
    }

    @Test
    void theRootDecidesOverTheName() {
        assertThat(gpx.recognizes(SourceFile.of(sample("tcx/python-tcxparser/test.tcx"), "activity.gpx")))
                .isFalse();
        assertThat(tcx.recognizes(SourceFile.of(sample("tcx/python-tcxparser/test.tcx"), "activity.gpx")))
                .isTrue();
        assertThat(gpx.recognizes(SourceFile.of(sample("gpx/togeojson/run.gpx"), "download")))
                .isTrue();
    }

    @Test
    void otherFormatsAreNotClaimed() throws IOException {
        byte[] fitHeader = {14, 0x10, 0x6c, 0x08, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        byte[] gzip = {(byte) 0x1f, (byte) 0x8b, 8, 0};
        String[][] files = {
            {"activity.fit", new String(fitHeader, StandardCharsets.ISO_8859_1)},
            {"export.gpx", new String(zip, StandardCharsets.ISO_8859_1)},
            {"activity.tcx", new String(gzip, StandardCharsets.ISO_8859_1)},
            {"strong.csv", "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"},
            {
                "export.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate)>\n]>\n"
                        + "<HealthData locale=\"en_US\"><ExportDate value=\"2019-06-11\"/></HealthData>"
            },
            {"route.kml", "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"></kml>"},
            {"notes.gpx", "These are my notes about a run"}
        };
        for (String[] f : files) {
            SourceFile file = SourceFile.of(Files.write(dir.resolve(f[0]), f[1].getBytes(StandardCharsets.ISO_8859_1)));

            assertThat(gpx.recognizes(file)).as(f[0]).isFalse();
            assertThat(tcx.recognizes(file)).as(f[0]).isFalse();
        }
    }

    @Test
    void theRootIsFoundPastAByteOrderMarkCommentsADoctypeAndAPrefix() throws IOException {
        String head = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- exported <gpx> -->\n"
                + "<!DOCTYPE x [ <!ENTITY a \"b\"> ]>\n<?pi x?>";
        Path bom = Files.writeString(dir.resolve("a"), head + "<g:gpx xmlns:g=\"x\"/>", StandardCharsets.UTF_8);
        Path utf16 = Files.writeString(dir.resolve("b"), "<TrainingCenterDatabase/>", StandardCharsets.UTF_16);

        assertThat(gpx.recognizes(SourceFile.of(bom))).isTrue();
        assertThat(tcx.recognizes(SourceFile.of(utf16))).isTrue();
        assertThat(gpx.recognizes(SourceFile.of(utf16))).isFalse();
    }

    @Test
    void anEmptyFileIsClaimedByItsNameSoThatReadingItSaysWhatIsWrong() throws IOException {
        assertThat(gpx.recognizes(SourceFile.of(Files.write(dir.resolve("a.GPX"), new byte[0]))))
                .isTrue();
        assertThat(tcx.recognizes(SourceFile.of(Files.write(dir.resolve("a.tcx"), new byte[0]))))
                .isTrue();
        assertThat(gpx.recognizes(SourceFile.of(dir.resolve("a.tcx")))).isFalse();
    }
}
