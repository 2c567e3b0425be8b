package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * NumPy/SciPy doing what a stats tool does, in a python3 subprocess running {@code statistics_reference.py} (next
 * to this class), one row at a time so td and the reference are timed close together on a busy machine. BLAS runs
 * on one thread ({@code OPENBLAS_NUM_THREADS=1} unless set), as td answers a request on one thread.
 */
final class ScipyReference implements AutoCloseable {

    /** What the reference computes: {@code describe}, or {@code correlate} with a method at a lag or lags 0..maxLag. */
    record Spec(String kind, String method, int lag, int maxLag) {}

    /**
     * The reference's figures for one request body.
     *
     * @param full       {@code json.loads} of the body, {@code numpy.asarray}, the computation, {@code json.dumps}
     * @param compute    the computation alone, on float64 arrays
     * @param headline   the mean (describe) or the headline coefficient (correlate)
     * @param effectiveN the effective n of that answer
     */
    record Timing(
            LogEventsOverHttp.Latencies full,
            LogEventsOverHttp.Latencies compute,
            double headline,
            double effectiveN) {}

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private final Path dir;
    private final String description;
    private int bodies;

    private ScipyReference(Process process, Path dir, String description) {
        this.process = process;
        this.in = process.getOutputStream();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.dir = dir;
        this.description = description;
    }

    /** The reference on {@code python}, or empty when it is blank or cannot import NumPy and SciPy. */
    static Optional<ScipyReference> start(String python, Path dir) throws IOException {
        Optional<String> versions = versions(python);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Path script = dir.resolve("statistics_reference.py");
        try (InputStream resource = ScipyReference.class.getResourceAsStream("statistics_reference.py")) {
            if (resource == null) {
                throw new IllegalStateException("statistics_reference.py is missing from the bench's classes");
            }
            Files.write(script, resource.readAllBytes());
        }
        ProcessBuilder builder =
                new ProcessBuilder(python, script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        // one BLAS thread, as td answers a request on one thread (and on a busy machine it is the faster setting)
        for (String threads : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            builder.environment().putIfAbsent(threads, "1");
        }
        Process process = builder.start();
        return Optional.of(new ScipyReference(process, dir, python + " (" + versions.get() + ")"));
    }

    String description() {
        return description;
    }

    /** Times {@code spec} on {@code body}: {@code warmup} untimed runs, then {@code runs} timed ones of each kind. */
    Timing run(String name, Spec spec, byte[] body, int runs, int warmup) throws IOException {
        Path file = dir.resolve("body-" + bodies++ + ".json");
        Files.write(file, body);
        ObjectNode row = Json.mapper()
                .createObjectNode()
                .put("name", name)
                .put("kind", spec.kind())
                .put("method", spec.method())
                .put("lag", spec.lag())
                .put("max_lag", spec.maxLag())
                .put("body", file.toString())
                .put("runs", runs)
                .put("warmup", warmup);
        in.write((row + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the reference script stopped (see its error output above)");
        }
        JsonNode r = Json.mapper().readTree(line);
        JsonNode answer = r.path("answer");
        JsonNode main = answer.has("correlation") ? answer.path("correlation") : answer;
        return new Timing(
                LogEventsOverHttp.Latencies.of(Json.mapper().treeToValue(r.path("full_ms"), double[].class)),
                LogEventsOverHttp.Latencies.of(Json.mapper().treeToValue(r.path("compute_ms"), double[].class)),
                main.path(main.has("coefficient") ? "coefficient" : "mean").asDouble(),
                main.path("effective_n").asDouble());
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    /** "Python 3.11.7, NumPy 2.4.6, SciPy 1.17.1", or empty when {@code python} cannot import them. */
    private static Optional<String> versions(String python) {
        if (python.isBlank()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(
                            python,
                            "-c",
                            "import sys, numpy, scipy; print(sys.version.split()[0], numpy.__version__,"
                                    + " scipy.__version__)")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String[] v = Pattern.compile(" ").split(text, -1);
            return v.length == 3
                    ? Optional.of("Python " + v[0] + ", NumPy " + v[1] + ", SciPy " + v[2])
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
