package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import dev.td.importers.fit.FitImporter;
import dev.td.importers.track.GpxImporter;
import dev.td.importers.track.TcxImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A Strava bulk export zip: {@code activities.csv} and, for activities recorded with a device, the recording in
 * {@code activities/} ({@code .gpx}, {@code .tcx}, {@code .fit}, each possibly gzipped), named in the row's
 * {@code Filename} column (never by activity id: the names differ). A row keeps its summary from the CSV and its
 * record id ({@code strava:<id>}); the recording adds its samples and laps, and the summary fields the CSV left
 * empty. A recording td cannot read is reported and the row imported without it: the export is not corrupt for it.
 */
final class StravaArchive implements AutoCloseable {

    private static final String ACTIVITIES = "activities.csv";

    private final ZipFile zip;
    private final String prefix;
    private final List<Path> extracted = new ArrayList<>();

    private StravaArchive(ZipFile zip, String prefix) {
        this.zip = zip;
        this.prefix = prefix;
    }

    /** Whether a zip holds a Strava {@code activities.csv} (at its root or in one folder). */
    static boolean holdsActivities(SourceFile file) {
        try (ZipFile zip = new ZipFile(file.path().toFile())) {
            return find(zip).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    static StravaArchive open(SourceFile file) {
        try {
            ZipFile zip = new ZipFile(file.path().toFile());
            Optional<ZipEntry> csv = find(zip);
            if (csv.isEmpty()) {
                zip.close();
                throw ImportException.badFile(
                        file.name() + " has no activities.csv; a Strava bulk export (Settings → My "
                                + "Account → Download or Delete Your Account) has one at its root");
            }
            String name = csv.get().getName();
            return new StravaArchive(zip, name.substring(0, name.length() - ACTIVITIES.length()));
        } catch (ZipException e) {
            throw ImportException.badFile(
                    file.name() + " is not a readable zip (" + e.getMessage() + "); download the export again", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ZipEntry> find(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String name = e.getName();
            if (!e.isDirectory()
                    && (name.equals(ACTIVITIES) || name.endsWith("/" + ACTIVITIES))
                    && name.chars().filter(c -> c == '/').count() <= 1) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The export's activities.csv, extracted. */
    SourceFile activities() {
        return SourceFile.of(extract(prefix + ACTIVITIES, false), ACTIVITIES);
    }

    /** The row's draft with what its recording adds; the row as it was when the recording is missing or unreadable. */
    Draft withRecording(Draft row, String filename, ImportOptions options, DraftSink sink) {
        String where = "activity " + row.recordId() + " (" + filename + ")";
        ZipEntry entry = zip.getEntry(prefix + filename);
        if (entry == null) {
            sink.skipped(
                    where, "the export has no " + filename + "; the activity is imported from activities.csv alone");
            return row;
        }
        boolean gzipped = filename.toLowerCase(Locale.ROOT).endsWith(".gz");
        String inner = gzipped ? filename.substring(0, filename.length() - 3) : filename;
        Optional<Importer> reader = readerFor(inner);
        if (reader.isEmpty()) {
            sink.skipped(
                    where, "td does not read recordings like " + filename + "; imported from activities.csv alone");
            return row;
        }
        List<Draft> read = new ArrayList<>();
        try {
            SourceFile recording = SourceFile.of(extract(prefix + filename, gzipped), inner);
            reader.get().read(recording, options, new DraftSink() {
                @Override
                public void accept(Draft draft) {
                    read.add(draft);
                }

                @Override
                public void skipped(String at, String reason) {
                    sink.skipped(where + ": " + at, reason);
                }
            });
        } catch (ImportException | UncheckedIOException e) {
            sink.skipped(
                    where,
                    "its recording could not be read (" + e.getMessage() + "); imported from activities.csv alone");
            return row;
        }
        Optional<Draft> activity =
                read.stream().filter(d -> d.type().equals("activity.logged")).findFirst();
        if (activity.isEmpty()) {
            sink.skipped(where, "its recording holds no activity; imported from activities.csv alone");
            return row;
        }
        ObjectNode data = row.data().deepCopy();
        activity.get().data().properties().forEach(f -> {
            if (!data.has(f.getKey())
                    && !f.getKey().equals("activity_id")
                    && !f.getKey().equals("source")) {
                data.set(f.getKey(), f.getValue());
            }
        });
        return new Draft(row.type(), row.occurredAt(), row.timeZone(), data, row.recordId());
    }

    private static Optional<Importer> readerFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gpx")) {
            return Optional.of(new GpxImporter());
        }
        if (lower.endsWith(".tcx")) {
            return Optional.of(new TcxImporter());
        }
        if (lower.endsWith(".fit")) {
            return Optional.of(new FitImporter());
        }
        return Optional.empty();
    }

    private Path extract(String name, boolean gunzip) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw ImportException.badFile("the export has no " + name + "; download it again");
        }
        try (InputStream raw = zip.getInputStream(entry);
                InputStream in = gunzip ? new GZIPInputStream(raw) : raw) {
            Path to = Files.createTempFile("td-strava", ".part");
            extracted.add(to);
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (ZipException e) {
            throw ImportException.badFile(
                    "the export's " + name + " is damaged (" + e.getMessage() + "); download it again", e);
        } catch (IOException e) {
            throw ImportException.badFile("the export's " + name + " could not be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
        for (Path p : extracted) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file the system cleans up
            }
        }
    }
}
