package dev.td.importers.apple;

import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Apple Health's export: the {@code export.zip} the Health app writes (profile → Export All Health Data), or the
 * {@code export.xml} inside it (without routes then: their GPX files stay in the zip).
 *
 * <p>Mapping: {@code Workout} → {@code activity.logged} (with its route as samples); body mass, body fat, resting heart
 * rate, HRV (SDNN), VO2max, SpO2 and BMI records → one {@code metric.recorded} each; heart rate, respiratory rate,
 * steps and sleep → one {@code metric.recorded} per local day; activity summaries → {@code active_energy} and
 * {@code exercise_minutes} per day. Every other record type is counted and reported once through
 * {@link DraftSink#skipped}; the {@code Me} profile is not imported.
 */
public final class AppleHealthImporter implements Importer {

    static final String HOW_TO_EXPORT = "export from the Health app: profile → Export All Health Data";

    @Override
    public Format format() {
        return Format.APPLE_HEALTH;
    }

    /** A zip holding an XML with a {@code <HealthData>} root, or an XML whose first bytes show that root. */
    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip()) {
            try (ExportArchive archive = ExportArchive.open(file.path()).orElse(null)) {
                return archive != null;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        String head = file.headText();
        return head.contains("<HealthData") || head.contains("<!DOCTYPE HealthData");
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        if (file.isZip()) {
            readZip(file, options, sink);
            return;
        }
        String head = file.headText().stripLeading();
        if (head.startsWith("\ufeff") || head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(head.charAt(0) == '\ufeff' ? 1 : 3).stripLeading();
        }
        if (head.isEmpty()) {
            throw ImportException.badFile(file.name() + " is empty: " + HOW_TO_EXPORT);
        }
        if (!head.startsWith("<")) {
            throw ImportException.badFile(file.name() + " has no Apple Health export.xml (it is neither the export.zip"
                    + " nor an XML file); " + HOW_TO_EXPORT);
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            new ExportReader(file.name(), options, sink, RouteFiles.NONE).read(in);
        } catch (IOException e) {
            throw ImportException.badFile(file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void readZip(SourceFile file, ImportOptions options, DraftSink sink) {
        Optional<ExportArchive> opened;
        try {
            opened = ExportArchive.open(file.path());
        } catch (ZipException e) {
            throw ImportException.badFile(
                    file.name() + " is not a readable zip (" + e.getMessage()
                            + "): it is damaged or was cut short; export it again from the Health app"
                            + " (profile → Export All Health Data)",
                    e);
        } catch (IOException e) {
            throw ImportException.badFile(file.name() + " cannot be read: " + e.getMessage(), e);
        }
        if (opened.isEmpty()) {
            throw ImportException.badFile(file.name() + " has no Apple Health export.xml; " + HOW_TO_EXPORT);
        }
        try (ExportArchive archive = opened.get();
                InputStream xml = archive.openXml()) {
            new ExportReader(file.name() + ": " + archive.xmlName(), options, sink, new RouteFiles() {
                        @Override
                        public Optional<InputStream> open(String path) throws IOException {
                            return archive.openRoute(path);
                        }

                        @Override
                        public String missing(String path) {
                            return "its route " + path + " is not in the zip; the route is left out";
                        }
                    })
                    .read(xml);
        } catch (IOException e) {
            throw ImportException.badFile(file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
