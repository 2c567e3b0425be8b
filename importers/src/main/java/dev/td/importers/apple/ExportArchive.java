package dev.td.importers.apple;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * An {@code export.zip}: the health XML found by its role and the route files it references, read with random access
 * ({@link ZipFile}) so a route can be opened while the XML streams. No other entry is read.
 *
 * <p>The XML is named after the phone's language ({@code export.xml}, {@code exportar.xml}, {@code 导出.xml}), so it
 * is found by role: an {@code .xml} entry (not {@code export_cda.xml}, the clinical document, nor a macOS
 * {@code __MACOSX/} or {@code ._} copy) whose first bytes hold a {@code <HealthData} root; the largest if several do.
 */
final class ExportArchive implements Closeable {

    /** How many leading bytes of a candidate entry are searched for the root (past a DOCTYPE of about 10 KB). */
    private static final int ROOT_SEARCH_BYTES = 256 * 1024;

    private static final byte[] ROOT = "<HealthData".getBytes(StandardCharsets.US_ASCII);

    private final ZipFile zip;
    private final ZipEntry xml;

    private ExportArchive(ZipFile zip, ZipEntry xml) {
        this.zip = zip;
        this.xml = xml;
    }

    /**
     * The export in the zip at {@code path}, or empty when the zip holds no health XML.
     *
     * @throws IOException the file is not a readable zip
     */
    static Optional<ExportArchive> open(Path path) throws IOException {
        ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        try {
            Optional<ZipEntry> xml = findXml(zip);
            if (xml.isEmpty()) {
                zip.close();
                return Optional.empty();
            }
            return Optional.of(new ExportArchive(zip, xml.get()));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static Optional<ZipEntry> findXml(ZipFile zip) throws IOException {
        @Nullable ZipEntry best = null;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (isCandidate(entry)
                    && hasHealthDataRoot(zip, entry)
                    && (best == null || entry.getSize() > best.getSize())) {
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isCandidate(ZipEntry entry) {
        String name = entry.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        String fileName = lower.substring(lower.lastIndexOf('/') + 1);
        return !entry.isDirectory()
                && fileName.endsWith(".xml")
                && !fileName.startsWith("._")
                && !fileName.contains("_cda")
                && !lower.startsWith("__macosx/");
    }

    private static boolean hasHealthDataRoot(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return XmlInput.indexOf(in.readNBytes(ROOT_SEARCH_BYTES), ROOT, 0) >= 0;
        }
    }

    /** The XML entry's name, for messages. */
    String xmlName() {
        return xml.getName();
    }

    InputStream openXml() throws IOException {
        return zip.getInputStream(xml);
    }

    /**
     * A route file the XML references as {@code /workout-routes/route_….gpx}: relative to the XML's folder, or any
     * entry ending with that path.
     */
    Optional<InputStream> openRoute(String reference) throws IOException {
        String relative = reference.startsWith("/") ? reference.substring(1) : reference;
        String folder = xml.getName().substring(0, xml.getName().lastIndexOf('/') + 1);
        @Nullable ZipEntry entry = zip.getEntry(folder + relative);
        if (entry == null) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entry == null && entries.hasMoreElements()) {
                ZipEntry candidate = entries.nextElement();
                if (candidate.getName().endsWith("/" + relative)) {
                    entry = candidate;
                }
            }
        }
        return entry == null || entry.isDirectory() ? Optional.empty() : Optional.of(zip.getInputStream(entry));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
