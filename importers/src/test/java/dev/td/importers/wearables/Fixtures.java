package dev.td.importers.wearables;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The hand-written WHOOP and Oura exports (see their README.md) and zips made from them. */
final class Fixtures {

    static final Path SAMPLES = Path.of("src/test/resources/samples");
    static final Path DIR = SAMPLES.resolve("wearables");

    static final Path WHOOP = DIR.resolve("whoop/my_whoop_data");
    static final Path WHOOP_CYCLES = WHOOP.resolve("physiological_cycles.csv");
    static final Path WHOOP_SLEEPS = WHOOP.resolve("sleeps.csv");
    static final Path WHOOP_WORKOUTS = WHOOP.resolve("workouts.csv");
    static final Path WHOOP_JOURNAL = WHOOP.resolve("journal_entries.csv");

    static final Path OURA = DIR.resolve("oura");
    static final Path OURA_APP_DATA = OURA.resolve("App Data");
    static final Path OURA_JSON = OURA.resolve("oura_data.json");
    static final Path OURA_V1_JSON = OURA.resolve("oura_cloud_v1.json");
    static final Path OURA_TRENDS = OURA.resolve("oura_trends.csv");

    private Fixtures() {}

    /** WHOOP's zip: the four CSVs at its root, journal first and cycles last (the importer orders them itself). */
    static Path whoopZip(Path dir) {
        return zip(
                dir.resolve("my_whoop_data.zip"),
                Map.of(),
                List.of(WHOOP_JOURNAL, WHOOP_WORKOUTS, WHOOP_SLEEPS, WHOOP_CYCLES),
                "");
    }

    /** Oura's export zip: the App Data CSVs under {@code App Data/}. */
    static Path ouraZip(Path dir) {
        try (Stream<Path> files = Files.list(OURA_APP_DATA)) {
            return zip(dir.resolve("oura_export.zip"), Map.of(), files.sorted().toList(), "App Data/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of {@code files} under {@code folder}, plus entries written from text. */
    static Path zip(Path zip, Map<String, String> texts, List<Path> files, String folder) {
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path file : files) {
                z.putNextEntry(new ZipEntry(folder + file.getFileName()));
                z.write(Files.readAllBytes(file));
                z.closeEntry();
            }
            for (Map.Entry<String, String> text : texts.entrySet()) {
                z.putNextEntry(new ZipEntry(text.getKey()));
                z.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
