package dev.td.server.capability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A folder of per-person files kept for a while ({@code <folder>/<person>/<file>}: uploads waiting for import_file,
 * export_data's zips): files older than the time they are kept are dropped, as housekeeping that never fails the call
 * that triggers it.
 */
public final class ExpiringFolder {

    private ExpiringFolder() {}

    /** Deletes the files under {@code dir} (two levels deep) last modified more than {@code kept} ago. */
    public static void dropExpired(Path dir, Duration kept) {
        Instant cut = Instant.now().minus(kept);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant().isBefore(cut);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(ExpiringFolder::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // expiry is housekeeping: the next call tries again
        }
    }

    /** Deletes the file if it is there; one that cannot be deleted is left for expiry. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for expiry
        }
    }
}
