package dev.td.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A file to import: where it is on disk, the name it came with (an upload's name, not the temporary file's), and its
 * first bytes for recognising the format.
 */
public final class SourceFile {

    /** How many leading bytes {@link #head()} holds (fewer for a shorter file). */
    public static final int HEAD_BYTES = 4096;

    private final Path path;
    private final String name;
    private final byte[] head;

    private SourceFile(Path path, String name, byte[] head) {
        this.path = Objects.requireNonNull(path, "path");
        this.name = Objects.requireNonNull(name, "name");
        this.head = head;
    }

    /** The file at {@code path}, known to its owner as {@code name}. */
    public static SourceFile of(Path path, String name) {
        try (InputStream in = Files.newInputStream(path)) {
            return new SourceFile(path, name, in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file at {@code path} under its own name. */
    public static SourceFile of(Path path) {
        return of(path, path.getFileName().toString());
    }

    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    /** The first {@link #HEAD_BYTES} bytes (a copy). */
    public byte[] head() {
        return head.clone();
    }

    /** The name in lower case, for extension checks. */
    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Whether the file starts with a zip signature. */
    public boolean isZip() {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Whether the file starts with a gzip signature (Strava's {@code .fit.gz}). */
    public boolean isGzip() {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** The first bytes as text (ISO-8859-1, so any byte reads), for sniffing XML roots and CSV headers. */
    public String headText() {
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "SourceFile[" + name + " at " + path + "]";
    }
}
