package dev.td.server.exports;

import dev.td.server.capability.ExpiringFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where finished exports wait to be downloaded: one zip per export under a folder per person, kept a day from when it
 * was written, then dropped (checked whenever an export is written or asked for). An export is found only under the
 * person it was made for.
 */
public final class Exports {

    /** How long an export can be downloaded. */
    public static final Duration KEPT = Duration.ofDays(1);

    private static final String ZIP = ".zip";
    private static final String PART = ".part";

    private final Path dir;

    public Exports(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    /** Exports in a new folder of the temporary directory (tests, a bare start). */
    public static Exports temporary() {
        try {
            return new Exports(Files.createTempDirectory("td-exports"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports in {@code -Dtd.exports.dir}; default: a new folder in the temporary directory. */
    public static Exports fromSystemProperties() {
        String dir = System.getProperty("td.exports.dir", "");
        return dir.isBlank() ? temporary() : new Exports(Path.of(dir));
    }

    /** A finished export: its file, size and when it is dropped. */
    public record Export(UUID exportId, Path file, long bytes, Instant expiresAt) {
        public Export {
            Objects.requireNonNull(exportId, "exportId");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /** The name a download gives the file. */
        public String fileName() {
            return "td-export-" + exportId + ZIP;
        }
    }

    /** The file a new export is written to before {@link #publish}; expired exports are dropped first. */
    Path reserve(UUID user, UUID exportId) {
        dropExpired();
        Path part = fileOf(user, exportId).resolveSibling(exportId + ZIP + PART);
        try {
            Files.createDirectories(part.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return part;
    }

    /** Makes a written export downloadable, under its final name. */
    Export publish(UUID user, UUID exportId, Path part) {
        Path file = fileOf(user, exportId);
        try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return new Export(
                    exportId,
                    file,
                    Files.size(file),
                    Files.getLastModifiedTime(file).toInstant().plus(KEPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops an export that could not be finished. */
    void discard(Path part) {
        ExpiringFolder.deleteQuietly(part);
    }

    /** The person's export with this id, while it is kept; another person's, an unknown id or a malformed one: none. */
    public Optional<Export> find(UUID user, String exportId) {
        UUID id;
        try {
            id = UUID.fromString(exportId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path file = fileOf(user, id);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Instant expires = Files.getLastModifiedTime(file).toInstant().plus(KEPT);
            if (!Instant.now().isBefore(expires)) {
                ExpiringFolder.deleteQuietly(file);
                return Optional.empty();
            }
            return Optional.of(new Export(id, file, Files.size(file), expires));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path fileOf(UUID user, UUID exportId) {
        return dir.resolve(user.toString()).resolve(exportId + ZIP);
    }

    private void dropExpired() {
        ExpiringFolder.dropExpired(dir, KEPT);
    }
}
