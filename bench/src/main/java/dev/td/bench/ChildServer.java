package dev.td.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code td-server serve} as a child JVM of the bench, on the bench's classpath, with a heap cap of its own, its own
 * embedded PostgreSQL and uploads folder under a directory, a port it picks, and a GC log that tells how much of
 * the heap it used: what a person running td on a small machine has, measured from outside.
 */
final class ChildServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    /** A pause line of {@code -Xlog:gc}: "… Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 3.456ms". */
    private static final Pattern PAUSE =
            Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([\\d.]+)ms");

    private final Process process;
    private final String baseUrl;
    private final List<String> stdout;
    private final Path dir;
    private final Path gcLog;
    private final Path stderr;

    private ChildServer(Process process, String baseUrl, List<String> stdout, Path dir) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.stdout = stdout;
        this.dir = dir;
        this.gcLog = dir.resolve("gc.log");
        this.stderr = dir.resolve("server.err");
    }

    /**
     * Starts td with {@code -Xmx<heap>} and waits until it listens.
     *
     * @param dir      holds the data directory, the uploads, the GC log and the server's stderr
     * @param heap     the heap cap, e.g. "256m"
     * @param ownerKey the owner's API key (TD_BOOTSTRAP_API_KEY)
     */
    static ChildServer start(Path dir, String heap, String ownerKey) throws IOException, InterruptedException {
        Path gcLog = dir.resolve("gc.log");
        Path stderr = dir.resolve("server.err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                // an OutOfMemoryError ends the server at once, so a heap too small cannot pass as a slow import
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog,
                "-Dtd.uploads.dir=" + dir.resolve("uploads"),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.td.server.Main",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("TD_BOOTSTRAP_API_KEY", ownerKey);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                throw new IllegalStateException("td-server ended before it listened");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String base = listening.get(5, TimeUnit.MINUTES);
            // the rest of stdout is kept (the JVM's last words go there), so the child never blocks on a full pipe
            List<String> rest = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> drain(out, rest));
            return new ChildServer(process, base, rest, dir);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "td-server did not start (" + e.getMessage() + "); its stderr:\n" + tail(stderr), e);
        }
    }

    private static void drain(BufferedReader out, List<String> lines) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** The CPU its JVM and its PostgreSQL have used so far. */
    CpuTime cpu() {
        return CpuTime.of(process.pid(), dir.resolve("data"));
    }

    /**
     * Why td ended, once it has (waiting up to {@code seconds} for it to): the JVM's own line when it ran out of heap
     * ("Terminating due to java.lang.OutOfMemoryError: Java heap space"), else its exit code; empty while it runs.
     */
    Optional<String> ended(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return Optional.empty();
        }
        return stdout.stream()
                .filter(l -> l.contains("OutOfMemoryError"))
                .findFirst()
                .or(() -> Optional.of("exit code " + process.exitValue()));
    }

    /** The last lines the server wrote to stderr, for a message when it failed. */
    String stderrTail() {
        return tail(stderr);
    }

    /**
     * What the GC log says about the heap so far.
     *
     * @param pauses       GC pauses logged
     * @param pauseSeconds their total
     * @param peakUsedMb   the most heap in use when a collection started (live data and garbage): the peak
     * @param maxLiveMb    the most heap still in use after a collection: what the server held on to, and garbage a
     *                     young collection left in the old generation (an upper bound of its live data)
     * @param maxCommittedMb the most heap the JVM had reserved from the OS
     */
    record Heap(int pauses, double pauseSeconds, double peakUsedMb, double maxLiveMb, double maxCommittedMb) {}

    Heap heap() throws IOException {
        int pauses = 0;
        double seconds = 0;
        double peak = 0;
        double live = 0;
        double committed = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses++;
                peak = Math.max(peak, mb(m.group(1), m.group(2)));
                live = Math.max(live, mb(m.group(3), m.group(4)));
                committed = Math.max(committed, mb(m.group(5), m.group(6)));
                seconds += Double.parseDouble(m.group(7)) / 1000;
            }
        }
        return new Heap(pauses, seconds, peak, live, committed);
    }

    /** The collector the JVM chose, from the GC log's first line ("Using G1"). */
    Optional<String> collector() throws IOException {
        return Files.readAllLines(gcLog, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Using "))
                .map(l -> l.substring(l.indexOf("Using ") + "Using ".length()).strip())
                .findFirst();
    }

    private static double mb(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops td as a service manager would (SIGTERM: it closes its HTTP server and its PostgreSQL), then waits. A td
     * that ended without its shutdown hooks (killed, or out of memory) leaves its PostgreSQL running: that one is
     * stopped by the pid in its {@code postmaster.pid}.
     */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Path pidFile = dir.resolve("data").resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                Optional<ProcessHandle> postgres = ProcessHandle.of(pid);
                postgres.ifPresent(ProcessHandle::destroy);
                if (postgres.isPresent()) {
                    postgres.get().onExit().get(1, TimeUnit.MINUTES);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException | TimeoutException e) {
            System.err.println("bench: could not stop the child's PostgreSQL (" + e + "); see " + pidFile);
        }
    }
}
