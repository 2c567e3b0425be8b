package dev.td.importers.apple;

import dev.td.importers.EventSchemas;
import dev.td.importers.ImportOptions;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The healthkit-to-sqlite samples (dogsheep/healthkit-to-sqlite @9fe3cb1, Apache-2.0) and the zips the upstream test
 * builds from them ({@code tests/test_healthkit_to_sqlite.py} lines 29-45, fixture {@code zip_file_with_gpx}).
 */
final class Samples {

    static final Path DIR = Path.of("src/test/resources/samples/apple_health/healthkit-to-sqlite");
    static final Path EXPORT_XML = DIR.resolve("export.xml");
    static final Path ZIP_CONTENTS = DIR.resolve("zip_contents");
    static final Path ZIP_XML = ZIP_CONTENTS.resolve("apple_health_export/export.xml");
    static final Path ROUTE_GPX =
            ZIP_CONTENTS.resolve("apple_health_export/workout-routes/route_2019-06-11_3.00pm.gpx");

    /** The person's zone the tests import with: where the sample's workout says it was. */
    static final ImportOptions OPTIONS = new ImportOptions(ZoneId.of("America/Los_Angeles"), Optional.empty());

    private Samples() {}

    /**
     * {@code zip_contents/} zipped as the upstream fixture does, the XML entry renamed to {@code xmlName}
     * ({@code export.xml} or the Spanish {@code exportar.xml}).
     */
    static Path exportZip(Path dir, String xmlName) {
        return exportZip(dir, xmlName, Map.of());
    }

    /** The same, with the XML's text edited by literal replacements (to move the workout's dates, say). */
    static Path exportZip(Path dir, String xmlName, Map<String, String> xmlEdits) {
        Path zip = dir.resolve("export.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> walk = Files.walk(ZIP_CONTENTS)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = ZIP_CONTENTS.relativize(path).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(path);
                if (path.getFileName().toString().equals("export.xml")) {
                    name = name.substring(0, name.lastIndexOf('/') + 1) + xmlName;
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> edit : xmlEdits.entrySet()) {
                        text = text.replace(edit.getKey(), edit.getValue());
                    }
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** A zip of the given entries (name → text), for archives the samples do not cover. */
    static Path zip(Path file, Map<String, String> entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static CollectingSink read(Path file) {
        CollectingSink sink = new CollectingSink();
        new AppleHealthImporter().read(SourceFile.of(file), OPTIONS, sink);
        return sink;
    }

    /** Every draft's data is valid for its event type's schema. */
    static List<String> schemaProblems(CollectingSink sink) {
        return sink.drafts.stream()
                .flatMap(d -> EventSchemas.problems(d).stream())
                .toList();
    }
}
