package dev.td.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.importers.Collected;
import dev.td.importers.Draft;
import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Strava bulk export zip: activities.csv (the strava-insights sample) with two recordings put where its Filename
 * column says — activities/4689591795.gpx holds togeojson's run.gpx (206 points in its .geojson fixture) and
 * activities/8190448975.fit.gz the gzipped garmin-fenix-5-walk.fit (17 records, python-fitparse tests/test.py); the
 * other 91 named recordings are missing from this zip.
 */
class StravaArchiveTest {

    private static final Path SAMPLES = Path.of("src/test/resources/samples");

    @TempDir
    Path dir;

    private Path export(boolean withCsv) throws IOException {
        Path zip = dir.resolve("export_123.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            if (withCsv) {
                out.putNextEntry(new ZipEntry("activities.csv"));
                Files.copy(StravaImporterTest.SAMPLE, out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("activities/4689591795.gpx"));
            Files.copy(SAMPLES.resolve("gpx/togeojson/run.gpx"), out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("activities/8190448975.fit.gz"));
            GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out));
            Files.copy(SAMPLES.resolve("fit/python-fitparse/garmin-fenix-5-walk.fit"), gz);
            gz.finish();
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void theRowsKeepTheirSummaryAndGainTheirRecordingsSamples() throws IOException {
        Path zip = export(true);
        StravaImporter strava = new StravaImporter();
        assertThat(strava.recognizes(SourceFile.of(zip))).isTrue();

        Collected read = Collected.read(strava, zip, StravaImporterTest.OPTIONS);

        assertThat(read.drafts).hasSize(112);
        Draft ride = read.drafts.stream()
                .filter(d -> d.recordId().equals("strava:4689591795"))
                .findFirst()
                .orElseThrow();
        assertThat(ride.data().path("sport").asText()).isEqualTo("ride");
        assertThat(ride.data().at("/samples/time_s")).hasSize(206);
        assertThat(ride.data().at("/samples/hr")).hasSize(206);
        Draft walk = read.drafts.stream()
                .filter(d -> d.recordId().equals("strava:7674754906"))
                .findFirst()
                .orElseThrow();
        assertThat(walk.data().at("/samples/time_s")).hasSize(17);
        assertThat(walk.data().path("activity_id").asText()).isEqualTo("strava-7674754906");
        assertThat(read.skipped())
                .filteredOn(s -> s.contains("the export has no"))
                .hasSize(91);
    }

    @Test
    void aZipWithoutActivitiesCsvIsNotStravasAndIsRefusedIfAskedToReadIt() throws IOException {
        Path zip = export(false);
        StravaImporter strava = new StravaImporter();
        assertThat(strava.recognizes(SourceFile.of(zip))).isFalse();
        assertThatThrownBy(() -> Collected.read(strava, zip, StravaImporterTest.OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("has no activities.csv");
    }

    /** Lets a GZIPOutputStream finish without closing the zip entry under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {}
    }
}
