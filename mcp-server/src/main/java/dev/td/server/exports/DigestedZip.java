package dev.td.server.exports;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A zip being written whose every file is counted and hashed (SHA-256 of its bytes, before compression) on its way in. */
final class DigestedZip implements Closeable {

    /** A file of the zip: its name, size and SHA-256 (hex). */
    record Entry(String name, long bytes, String sha256) {
        Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Writes one file's bytes; may close the stream it is given, which ends nothing but the file. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException, SQLException;
    }

    private static final int BUFFER = 1 << 16;

    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();

    DigestedZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** Adds a file, streamed by {@code body}. */
    Entry add(String name, Body body) throws IOException, SQLException {
        zip.putNextEntry(new ZipEntry(name));
        Tally tally = new Tally(zip);
        try (OutputStream out = new BufferedOutputStream(tally, BUFFER)) {
            body.writeTo(out);
        }
        zip.closeEntry();
        Entry entry = new Entry(name, tally.bytes, HexFormat.of().formatHex(tally.digest.digest()));
        entries.add(entry);
        return entry;
    }

    /** The files added so far, in order. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts and hashes what passes into the zip; closing it leaves the zip open. */
    private static final class Tally extends OutputStream {
        private final OutputStream target;
        private final MessageDigest digest = sha256();
        private long bytes;

        Tally(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // the zip's next file follows
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
