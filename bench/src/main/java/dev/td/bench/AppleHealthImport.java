package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.td.importers.apple.AppleExportGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The Apple Health part of {@link ImportBench}: a generated {@code export.xml} ({@code AppleExportGenerator} of the
 * importers' test kit, with its internal DTD as real exports have), a bare StAX pass over it in the bench's JVM, then
 * the upload and import through a td started as a child JVM with a capped heap ({@link ChildServer}). When the capped
 * td runs out of heap, the same import runs again in a td with a larger one, so the run still tells the import's time
 * and how much heap it took.
 */
final class AppleHealthImport {

    static final double MB = 1 << 20;

    /** A bare StAX pass: wall and CPU time, the elements met, and the records td reads among them. */
    record StaxPass(double seconds, double cpuSeconds, long elements, long records) {}

    /**
     * One import into one td: its heap cap, the upload's and import's seconds, what the GC log says of the heap, and
     * why it did not finish, when it did not.
     */
    record Run(String heap, double uploadSeconds, double importSeconds, ChildServer.Heap gc, Optional<String> failure) {
        double seconds() {
            return uploadSeconds + importSeconds;
        }
    }

    /** The run under the capped heap and, when that one failed, the run under the larger heap. */
    record Result(Run capped, Optional<Run> larger) {}

    private final long approxBytes;
    private final long seed;
    private final String heap;
    private final String largerHeap;

    /**
     * @param largerHeap the heap of the second td, when the first runs out ("" for none)
     */
    AppleHealthImport(long approxBytes, long seed, String heap, String largerHeap) {
        this.approxBytes = approxBytes;
        this.seed = seed;
        this.heap = heap;
        this.largerHeap = largerHeap;
    }

    /** Generates the file, reads it bare, imports it; empty when the disk has no room for it. */
    Optional<Result> run() throws Exception {
        Path dir = Files.createTempDirectory("td-import-bench-apple");
        try {
            // the file, its copy in the server's uploads, the database and its WAL
            long need = 3 * approxBytes + (1L << 30);
            long free = Files.getFileStore(dir).getUsableSpace();
            System.out.printf(
                    "%nApple Health: %.1f GB free in %s, %.1f GB needed%n", free / 1e9, dir.getParent(), need / 1e9);
            if (free < need) {
                System.out.printf(
                        "  skipped: not enough free disk space; free some, or set -Dbench.appleBytes lower%n");
                return Optional.empty();
            }
            Path xml = dir.resolve("export.xml");
            long t0 = System.nanoTime();
            AppleExportGenerator.write(xml, approxBytes, seed);
            double bytes = Files.size(xml);
            System.out.printf(
                    "export.xml generated (AppleExportGenerator, seed %d, with its internal DTD) in %.0f s: %.0f MB%n",
                    seed, (System.nanoTime() - t0) / 1e9, bytes / MB);
            StaxPass stax = stax(xml);
            System.out.printf(
                    "  %d elements, %d records (Record, Workout, ActivitySummary)%n", stax.elements(), stax.records());
            Run capped = serve(dir.resolve("server-" + heap), heap, xml, bytes, stax);
            Optional<Run> larger = Optional.empty();
            if (capped.failure().isPresent() && !largerHeap.isEmpty()) {
                ImportBench.delete(dir.resolve("server-" + heap));
                System.out.printf(
                        "%n-Xmx%s was not enough; the same import in a td with -Xmx%s, for its time and the heap it"
                                + " takes:%n",
                        heap, largerHeap);
                larger = Optional.of(serve(dir.resolve("server-" + largerHeap), largerHeap, xml, bytes, stax));
            }
            return Optional.of(new Result(capped, larger));
        } finally {
            ImportBench.delete(dir);
        }
    }

    /** A td of its own with this heap, the file uploaded and imported into it. */
    private static Run serve(Path dir, String heap, Path xml, double bytes, StaxPass stax) throws Exception {
        Files.createDirectories(dir);
        String key = "td_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        try (ChildServer server = ChildServer.start(dir, heap, key)) {
            System.out.printf(
                    "td server: child JVM pid %d, -Xmx%s, %s, embedded PostgreSQL, at %s%n%n",
                    server.pid(), heap, server.collector().orElse("?"), server.baseUrl());
            return importInto(server, heap, new ImportCalls(server.baseUrl(), key), xml, bytes, stax);
        }
    }

    private static Run importInto(
            ChildServer server, String heap, ImportCalls calls, Path xml, double bytes, StaxPass stax)
            throws Exception {
        System.out.printf(
                "%-32s %8s %7s %10s %7s %9s %9s%n",
                "pass", "seconds", "MB/s", "records/s", "x StAX", "JVM cpu s", "PG cpu s");
        System.out.printf(
                "%-32s %8.2f %7.1f %10.0f %7s %9.2f %9s%n",
                "bare StAX pass (bench JVM)",
                stax.seconds(),
                bytes / MB / stax.seconds(),
                stax.records() / stax.seconds(),
                "1.0",
                stax.cpuSeconds(),
                "");
        CpuTime c0 = server.cpu();
        long t0 = System.nanoTime();
        double uploadSeconds = 0;
        JsonNode report;
        CpuTime c1 = c0;
        try {
            String id = calls.upload("export.xml", HttpRequest.BodyPublishers.ofFile(xml));
            uploadSeconds = (System.nanoTime() - t0) / 1e9;
            c1 = server.cpu();
            row("upload (PUT /v1/uploads)", uploadSeconds, bytes, 0, stax, c1.minus(c0));
            report = calls.importFile(JsonNodeFactory.instance.objectNode().put("upload_id", id));
        } catch (IOException | IllegalStateException e) {
            double seconds = (System.nanoTime() - t0) / 1e9 - uploadSeconds;
            String why = server.ended(15)
                    .map(r -> "td ended " + (int) seconds + " s into import_file: " + r)
                    .orElseGet(() -> "import_file failed after " + (int) seconds + " s: " + e.getMessage());
            ChildServer.Heap gc = server.heap();
            System.out.printf("FAILED: %s%n", why);
            heapLine(heap, gc);
            if (!why.contains("OutOfMemoryError")) {
                System.out.printf("server stderr:%n%s%n", server.stderrTail());
            }
            return new Run(heap, uploadSeconds, seconds, gc, Optional.of(why));
        }
        double total = (System.nanoTime() - t0) / 1e9;
        CpuTime c2 = server.cpu();
        row("import_file {upload_id}", total - uploadSeconds, bytes, stax.records(), stax, c2.minus(c1));
        row("upload + import", total, bytes, stax.records(), stax, c2.minus(c0));
        System.out.printf(
                "%nimport report: read %d, stored %d events, skipped %d, problems %d; by type %s%n",
                report.path("read").asLong(),
                report.path("stored").asLong(),
                report.path("skipped").asLong(),
                report.path("problems").size(),
                report.path("by_type"));
        ChildServer.Heap gc = server.heap();
        heapLine(heap, gc);
        return new Run(heap, uploadSeconds, total - uploadSeconds, gc, Optional.empty());
    }

    /** A row of the table; records/s left out when {@code records} is 0 (the upload reads none). */
    private static void row(String name, double seconds, double bytes, long records, StaxPass stax, CpuTime cpu) {
        System.out.printf(
                "%-32s %8.2f %7.1f %10s %6.1fx %9.2f %9.2f%n",
                name,
                seconds,
                bytes / MB / seconds,
                records > 0 ? String.format(Locale.ROOT, "%.0f", records / seconds) : "",
                seconds / stax.seconds(),
                cpu.jvmSeconds(),
                cpu.postgresSeconds());
    }

    private static void heapLine(String heap, ChildServer.Heap gc) {
        System.out.printf(
                "server heap (GC log, -Xmx%s): peak used %.0f MB (at a GC's start), most in use after a GC %.0f MB,"
                        + " most committed %.0f MB; %d pauses, %.1f s in all%n",
                heap, gc.peakUsedMb(), gc.maxLiveMb(), gc.maxCommittedMb(), gc.pauses(), gc.pauseSeconds());
    }

    /**
     * The bare StAX pass: {@code next()} to the end, counting elements. The reader is configured as the importer's
     * ({@code XmlInput}): no DTD support, no external entities, and the JDK's entity size limits off (JDK 24+ counts
     * the predefined entities of every escaped {@code <<HKDevice…>} in a {@code device} attribute toward them and
     * would stop after 100,000 characters). With DTD support off the JDK's parser skips the internal subset, so it
     * reads the file as written, DOCTYPE and all; the importer cuts the DOCTYPE out of the bytes and blanks control
     * characters as it reads, which is part of what it is measured for.
     */
    static StaxPass stax(Path xml) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "0");
        factory.setProperty("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "0");
        long elements = 0;
        long records = 0;
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                while (reader.next() != XMLStreamConstants.END_DOCUMENT) {
                    if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                        elements++;
                        String name = reader.getLocalName();
                        if (name.equals("Record") || name.equals("Workout") || name.equals("ActivitySummary")) {
                            records++;
                        }
                    }
                }
            } finally {
                reader.close();
            }
        }
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new StaxPass((System.nanoTime() - t0) / 1e9, cpu, elements, records);
    }
}
