package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.projections.AsOf;
import dev.td.tools.Meta;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A kept-ready analysis as an answer reads it: the stored result, or (never computed: a new person, or before the
 * first background run) one computed now and not stored by the read; and how fresh it is, for
 * {@code meta.background}.
 *
 * @param stored the stored result; empty when {@code result} was computed for this answer
 * @param head   the person's last event sequence when the answer was made
 */
record ReadyResult(JsonNode result, Optional<Analyses.Stored> stored, long head, Instant computedAt) {

    ReadyResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(computedAt, "computedAt");
    }

    /**
     * The stored result of {@code kind}, or {@code compute}'s when none is stored, or when the answer is for a past
     * moment ({@code as_of}, {@code as_known_at}: the stored result is of today).
     */
    static ReadyResult read(Analyses analyses, UUID user, String kind, long head, Supplier<JsonNode> compute) {
        Optional<Analyses.Stored> stored = AsOf.active() ? Optional.empty() : analyses.get(user, kind);
        return stored.map(s -> new ReadyResult(s.result(), stored, head, s.computedAt()))
                .orElseGet(() -> new ReadyResult(compute.get(), Optional.empty(), head, Instant.now()));
    }

    /** The last event sequence the result reflects (the head, when computed now). */
    long reflects() {
        return stored.map(Analyses.Stored::reflectsSequence).orElse(head);
    }

    /**
     * The meta of an answer made of {@code results}: {@code meta.background} of the least fresh (its computed_at and
     * reflects_sequence; stale when any lags the head), compute_ms the sum of their worker times when all were
     * stored, and a cache hit only then.
     */
    static Meta meta(String requestId, List<ReadyResult> results) {
        ReadyResult oldest = results.stream()
                .min(Comparator.comparingLong(ReadyResult::reflects).thenComparing(ReadyResult::computedAt))
                .orElseThrow(() -> new IllegalArgumentException("an answer reads at least one analysis"));
        boolean allStored = results.stream().allMatch(r -> r.stored().isPresent());
        ObjectNode background = JsonNodeFactory.instance
                .objectNode()
                .put("computed_at", oldest.computedAt().toString())
                .put("reflects_sequence", oldest.reflects())
                .put("head_sequence", oldest.head())
                .put("stale", oldest.reflects() < oldest.head());
        if (allStored) {
            double ms = results.stream()
                    .mapToDouble(r -> r.stored().map(Analyses.Stored::computeMs).orElse(0.0))
                    .sum();
            background.put("compute_ms", Math.round(ms * 10) / 10.0);
        }
        Meta meta = Meta.now(requestId).fromBackground(oldest.computedAt(), background);
        return allStored
                ? meta
                : new Meta(
                        meta.computedAt(),
                        meta.requestId(),
                        meta.projectionVersion(),
                        false,
                        meta.statisticalQuality(),
                        meta.period(),
                        meta.person(),
                        meta.background());
    }

    /** The note an answer carries when the least fresh of {@code results} lags the log; empty when none does. */
    static Optional<String> lagNote(List<ReadyResult> results, Duration maxDelay) {
        long reflects = results.stream().mapToLong(ReadyResult::reflects).min().orElse(Long.MAX_VALUE);
        long head = results.stream().mapToLong(ReadyResult::head).max().orElse(0);
        return reflects < head
                ? Optional.of((head - reflects) + " newer events are not reflected yet; the background run follows"
                        + " within " + maxDelay.toSeconds() + " s of the last write")
                : Optional.empty();
    }
}
