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
 */
public record Meta(
        Instant computedAt,
        String requestId,
        OptionalInt projectionVersion,
        boolean cacheHit,
        Optional<JsonNode> statisticalQuality,
        Optional<JsonNode> period,
        Optional<JsonNode> person) {

    public Meta {
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(projectionVersion, "projectionVersion");
        Objects.requireNonNull(statisticalQuality, "statisticalQuality");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(person, "person");
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
        return new Meta(computedAt, requestId, OptionalInt.of(version), cacheHit, statisticalQuality, period, person);
    }

    public Meta withStatisticalQuality(JsonNode quality) {
        return new Meta(computedAt, requestId, projectionVersion, cacheHit, Optional.of(quality), period, person);
    }

    /** The resolved time range of the answer ({@code meta.period}). */
    public Meta withPeriod(JsonNode resolved) {
        return new Meta(
                computedAt, requestId, projectionVersion, cacheHit, statisticalQuality, Optional.of(resolved), person);
    }

    /** Whose data the answer is about ({@code meta.person}). */
    public Meta withPerson(JsonNode whose) {
        return new Meta(
                computedAt, requestId, projectionVersion, cacheHit, statisticalQuality, period, Optional.of(whose));
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
        return meta;
    }
}
