package dev.td.server.imports;

import dev.td.server.capability.ExpiringFolder;
import dev.td.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Files on their way into an import: uploads ({@code PUT /v1/uploads}, kept per person under the uploads folder until
 * imported or a day old) and the server folders an operator lets callers import from by path ({@code
 * -Dtd.import.paths}); nothing else on the server's disk is readable through td.
 */
public final class Uploads {

    /** The largest upload td takes (an Apple Health export of several years is a few GB). */
    public static final long MAX_BYTES = 8L << 30;

    private static final Duration KEPT = Duration.ofDays(1);

    private final Path dir;
    private final List<Path> readable;

    /**
     * @param dir      where uploads are kept
     * @param readable folders whose files callers may import by path (none: importing by path is off)
     */
    public Uploads(Path dir, List<Path> readable) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.readable =
                readable.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Uploads in a folder of the temporary directory; import by path off (tests, a bare start). */
    public static Uploads temporary() {
        try {
            return new Uploads(Files.createTempDirectory("td-uploads"), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads in {@code -Dtd.uploads.dir} (default: a new folder in the temporary directory), importing by path from
     * the folders in {@code -Dtd.import.paths} (separated by the platform's path separator; default: none).
     */
    public static Uploads fromSystemProperties() {
        String paths = System.getProperty("td.import.paths", "");
        List<Path> readable = java.util.Arrays.stream(paths.split(java.io.File.pathSeparator))
                .filter(p -> !p.isBlank())
                .map(Path::of)
                .toList();
        String dir = System.getProperty("td.uploads.dir", "");
        try {
            return new Uploads(dir.isBlank() ? Files.createTempDirectory("td-uploads") : Path.of(dir), readable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upload as stored: its id, size and the name it came with. */
    public record Upload(UUID uploadId, long bytes, String name) {}

    /**
     * Stores the body of an upload for the person, refusing more than {@link #MAX_BYTES}.
     *
     * @throws ToolException a 413-like refusal when the body is larger
     */
    public Upload store(UUID user, String name, InputStream body) {
        dropExpired();
        UUID id = UUID.randomUUID();
        Path file = fileOf(user, id);
        try {
            Files.createDirectories(file.getParent());
            long n = 0;
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[1 << 16];
                for (int r; (r = body.read(buffer)) > 0; ) {
                    n += r;
                    if (n > MAX_BYTES) {
                        throw ToolException.invalid(
                                "$",
                                "the upload is larger than " + (MAX_BYTES >> 30)
                                        + " GiB; split the export (Apple Health: export a shorter period)");
                    }
                    out.write(buffer, 0, r);
                }
            }
            Files.writeString(nameOf(file), name, StandardCharsets.UTF_8);
            return new Upload(id, n, name);
        } catch (IOException e) {
            ExpiringFolder.deleteQuietly(file);
            ExpiringFolder.deleteQuietly(nameOf(file));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            ExpiringFolder.deleteQuietly(file);
            ExpiringFolder.deleteQuietly(nameOf(file));
            throw e;
        }
    }

    /** The person's upload with this id and the name it came with. */
    Optional<Upload> find(UUID user, UUID uploadId) {
        Path file = fileOf(user, uploadId);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(new Upload(
                            uploadId, Files.size(file), Files.readString(nameOf(file), StandardCharsets.UTF_8)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path pathOf(UUID user, UUID uploadId) {
        return fileOf(user, uploadId);
    }

    /** Drops an upload once imported. */
    void discard(UUID user, UUID uploadId) {
        Path file = fileOf(user, uploadId);
        ExpiringFolder.deleteQuietly(file);
        ExpiringFolder.deleteQuietly(nameOf(file));
    }

    /**
     * A server file the caller may import: under one of the folders the operator opened, after resolving links.
     *
     * @throws ToolException at {@code $.path} when importing by path is off, the file is outside those folders, or
     *                       missing
     */
    Path readable(String path) {
        if (readable.isEmpty()) {
            throw ToolException.invalid(
                    "$.path",
                    "this server imports no files by path; send the file (content_base64, or upload_id from PUT "
                            + "/v1/uploads; the CLI: td import FILE), or start the server with "
                            + "-Dtd.import.paths=<folder>");
        }
        Path asked = Path.of(path).toAbsolutePath().normalize();
        Path real;
        try {
            real = asked.toRealPath();
        } catch (IOException e) {
            throw ToolException.notFound("$.path", "no file " + path + " on the server; check the path");
        }
        for (Path root : readable) {
            try {
                if (real.startsWith(root.toRealPath()) && Files.isRegularFile(real)) {
                    return real;
                }
            } catch (IOException e) {
                // a folder that went away opens nothing
            }
        }
        throw ToolException.invalid(
                "$.path",
                path + " is not under a folder this server imports from (" + readable
                        + "); move it there or upload it");
    }

    private Path fileOf(UUID user, UUID uploadId) {
        return dir.resolve(user.toString()).resolve(uploadId.toString());
    }

    private static Path nameOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".name");
    }

    private void dropExpired() {
        ExpiringFolder.dropExpired(dir, KEPT);
    }
}
