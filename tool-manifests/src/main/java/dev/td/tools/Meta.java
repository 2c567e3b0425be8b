package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How an answer was made.
 *
 * @param computedAt         when the answer (or the stored result it reads) was computed
 * @param requestId          the id of this call, also in logs and the access log
 * @param projectionVersion  the code version of the projection read, where one was read
 * @param cacheHit           whether a stored result was served rather than computed now
 * @param statisticalQuality sample size, confidence level and assumptions, where statistics are involved
 * @param period             the days answered for, as resolved from from/to or a period in words, and the time
 *                           zone they are counted in; only for tools that take a time range
 * @param person             whose data the answer is about (id, self, and on a call through a grant the
 *                           person's handle, the role and the grant); only for tools that take {@code person}
 * @param background         for an answer read from analyses kept ready in the background: when they were
 *                           computed, the event sequence they reflect, the log's head and whether they are stale
 * @param asOf               for an answer about the record as it stood at a past moment ({@code as_of}, {@code
 *                           as_known_at}): the moments asked for, as resolved, and the log's last event it reflects
 */
public record Meta(
        Instant computedAt,
        String requestId,
        OptionalInt projectionVersion,
        boolean cacheHit,
        Optional<JsonNode> statisticalQuality,
        Optional<JsonNode> period,
        Optional<JsonNode> person,
        Optional<JsonNode> background,
        Optional<JsonNode> asOf) {

    public Meta {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(projectionVersion, "projectionVersion");
        Objects.requireNonNull(statisticalQuality, "statisticalQuality");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(background, "background");
    }

    public Meta(
            Instant computedAt,
            String requestId,
            OptionalInt projectionVersion,
            boolean cacheHit,
            Optional<JsonNode> statisticalQuality,
            Optional<JsonNode> period,
            Optional<JsonNode> person,
            Optional<JsonNode> background) {
        this(
                computedAt,
                requestId,
                projectionVersion,
                cacheHit,
                statisticalQuality,
                period,
                person,
                background,
                Optional.empty());
    }

    public Meta(
            Instant computedAt,
            String requestId,
            OptionalInt projectionVersion,
            boolean cacheHit,
            Optional<JsonNode> statisticalQuality,
            Optional<JsonNode> period,
            Optional<JsonNode> person) {
        this(computedAt, requestId, projectionVersion, cacheHit, statisticalQuality, period, person, Optional.empty());
    }

    public Meta(
            Instant computedAt,
            String requestId,
            OptionalInt projectionVersion,
            boolean cacheHit,
            Optional<JsonNode> statisticalQuality,
            Optional<JsonNode> period) {
        this(computedAt, requestId, projectionVersion, cacheHit, statisticalQuality, period, Optional.empty());
    }

    /** Meta for an answer computed now, reading no projection and no statistics. */
    public static Meta now(String requestId) {
        return new Meta(Instant.now(), requestId, OptionalInt.empty(), false, Optional.empty(), Optional.empty());
    }

    public Meta withProjectionVersion(int version) {
        return new Meta(
                computedAt,
                requestId,
                OptionalInt.of(version),
                cacheHit,
                statisticalQuality,
                period,
                person,
                background,
                asOf);
    }

    public Meta withStatisticalQuality(JsonNode quality) {
        return new Meta(
                computedAt,
                requestId,
                projectionVersion,
                cacheHit,
                Optional.of(quality),
                period,
                person,
                background,
                asOf);
    }

    /** The resolved time range of the answer ({@code meta.period}). */
    public Meta withPeriod(JsonNode resolved) {
        return new Meta(
                computedAt,
                requestId,
                projectionVersion,
                cacheHit,
                statisticalQuality,
                Optional.of(resolved),
                person,
                background,
                asOf);
    }

    /** Whose data the answer is about ({@code meta.person}). */
    public Meta withPerson(JsonNode whose) {
        return new Meta(
                computedAt,
                requestId,
                projectionVersion,
                cacheHit,
                statisticalQuality,
                period,
                Optional.of(whose),
                background,
                asOf);
    }

    /**
     * An answer read from a stored analysis: computed then ({@code computed_at}), served from store
     * ({@code cache_hit}), and {@code meta.background} saying which events it reflects and whether newer ones wait.
     */
    public Meta fromBackground(Instant computed, JsonNode freshness) {
        return new Meta(
                computed,
                requestId,
                projectionVersion,
                true,
                statisticalQuality,
                period,
                person,
                Optional.of(freshness),
                asOf);
    }

    /**
     * A live answer with context read from analyses kept ready ({@code meta.background}: which events they reflect,
     * whether newer ones wait); unlike {@link #fromBackground} the answer itself stays computed now.
     */
    public Meta withBackground(JsonNode freshness) {
        return new Meta(
                computedAt,
                requestId,
                projectionVersion,
                cacheHit,
                statisticalQuality,
                period,
                person,
                Optional.of(freshness),
                asOf);
    }

    /** The record as it stood at a past moment ({@code meta.as_of}): what was asked, as resolved. */
    public Meta withAsOf(JsonNode resolved) {
        return new Meta(
                computedAt,
                requestId,
                projectionVersion,
                cacheHit,
                statisticalQuality,
                period,
                person,
                background,
                Optional.of(resolved));
    }

    public ObjectNode toJson() {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("computed_at", computedAt.toString());
        meta.put("request_id", requestId);
        if (projectionVersion.isPresent()) {
            meta.put("projection_version", projectionVersion.getAsInt());
        } else {
            meta.putNull("projection_version");
        }
        meta.put("cache_hit", cacheHit);
        meta.set("statistical_quality", statisticalQuality.orElse(JsonNodeFactory.instance.nullNode()));
        period.ifPresent(p -> meta.set("period", p));
        person.ifPresent(p -> meta.set("person", p));
        background.ifPresent(b -> meta.set("background", b));
        asOf.ifPresent(a -> meta.set("as_of", a));
        return meta;
    }
}
