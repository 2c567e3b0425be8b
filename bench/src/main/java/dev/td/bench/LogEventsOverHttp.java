package dev.td.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * One client calling {@code POST /v1/events} with a single event per call, over one kept-alive
 * HTTP/1.1 connection, the way an agent logs as things happen.
 */
final class LogEventsOverHttp {

    /** Call latencies in milliseconds, sorted. */
    static final class Latencies {
        private final double[] sortedMs;

        private Latencies(double[] sortedMs) {
            this.sortedMs = sortedMs;
        }

        static Latencies of(double[] ms) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return new Latencies(sorted);
        }

        /** All latencies, ascending (a copy). */
        double[] sortedMs() {
            return sortedMs.clone();
        }

        double percentile(double p) {
            int index = (int) Math.ceil(p / 100 * sortedMs.length) - 1;
            return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, index))];
        }

        double max() {
            return sortedMs[sortedMs.length - 1];
        }

        int count() {
            return sortedMs.length;
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final String apiKey;
    private final List<MetricReadings.Reading> readings;
    private int next;

    LogEventsOverHttp(String baseUrl, String apiKey, List<MetricReadings.Reading> readings) {
        this.endpoint = URI.create(baseUrl + "/v1/events");
        this.apiKey = apiKey;
        this.readings = readings;
    }

    /** Sends the next reading; returns the call's latency in nanoseconds. */
    long callOnce() throws IOException, InterruptedException {
        if (next == readings.size()) {
            throw new IllegalStateException("ran out of readings after " + next + " calls; generate more");
        }
        String body = "{\"events\":[" + readings.get(next++).toArgument() + "]}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("User-Agent", "td-bench")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200 || !response.body().contains("\"stored\":1")) {
            throw new IllegalStateException("log_events answered " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    /** {@code calls} sequential calls, timed one by one. */
    Latencies run(int calls) throws IOException, InterruptedException {
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            ms[i] = callOnce() / 1e6;
        }
        return Latencies.of(ms);
    }

    /** Calls until {@code deadlineNanos} (System.nanoTime); returns the latencies of the calls made. */
    Latencies runUntil(long deadlineNanos) throws IOException, InterruptedException {
        double[] ms = new double[1024];
        int n = 0;
        while (System.nanoTime() < deadlineNanos) {
            if (n == ms.length) {
                ms = Arrays.copyOf(ms, n * 2);
            }
            ms[n++] = callOnce() / 1e6;
        }
        return Latencies.of(Arrays.copyOf(ms, n));
    }
}
