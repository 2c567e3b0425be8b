package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.CanonicalJson;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.StoredEvent;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * log_metrics: many readings in one call, stored all or none, one metric.recorded event per reading.
 *
 * <p>One idempotency_key covers the call; reading i is stored under {@code key/i}. Every event carries the
 * SHA-256 of the call ({@link #FINGERPRINT} in its metadata: the tool and its arguments in canonical JSON,
 * confirm_unusual aside, being consent rather than content). A call whose key is stored is answered from the
 * stored events when its fingerprint matches (a retry: the same answer, even when its "now" has moved on) and
 * refused as a conflict when it differs, before anything is written, and again under the person's append lock.
 */
final class MetricTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String FINGERPRINT = "request_sha256";

    private final EventStore store;
    private final MetricViews views;
    private final MetricReadings readings;

    MetricTools(EventStore store, MetricViews views, MetricReadings readings) {
        this.store = store;
        this.views = views;
        this.readings = readings;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("log_metrics", this::logMetrics);
    }

    private Envelope logMetrics(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String key = a.get("idempotency_key").asText();
        String fingerprint = fingerprint(a);
        int count = a.get("readings").size();
        if (storedCall(store.findByKey(user, anchor(key)), fingerprint)) {
            return replay(call, user, key, count);
        }
        MetricReadings.Person person = new MetricReadings.Person(
                views.profiles().timeZoneOf(user),
                views.profiles().profile(user).weightUnit(),
                views.index(user),
                Instant.now());
        ObjectNode metadata = EventMetadata.of(call, Optional.empty()).put(FINGERPRINT, fingerprint);
        MetricReadings.Logged logged = readings.events(a, person, key, metadata);
        for (int i = 0; i < logged.events().size(); i++) {
            String write = views.readScope(
                            logged.events().get(i).data().path("metric").asText())
                    .replace(":read", ":write");
            if (!call.principal().may(write)) {
                // a key for body metrics (a scale's) writes no sleep or heart readings, and the other way round
                throw ToolRegistry.forbidden("log_metrics", write, call.principal(), "$.readings[" + i + "].metric");
            }
        }
        List<StoredEvent> stored;
        try {
            stored = store.append(user, logged.events(), log -> {
                if (storedCall(log.findByKey(anchor(key)), fingerprint)) {
                    throw new AlreadyStored();
                }
            });
        } catch (AlreadyStored e) {
            return replay(call, user, key, count);
        } catch (ToolException e) {
            throw e.code() == ErrorCode.CONFLICT ? differentRequest() : e;
        }
        boolean replayed = stored.stream().allMatch(StoredEvent::replayed);
        ObjectNode context = JSON.objectNode();
        if (!replayed) {
            ArrayNode notes = JSON.arrayNode();
            logged.newMetrics()
                    .forEach((metric, unit) -> notes.add(metric + " is a new metric of the person's own, "
                            + (unit.isEmpty() ? "without a unit" : "kept in " + unit)
                            + " from now on; later readings must "
                            + (unit.isEmpty()
                                    ? "have no unit either"
                                    : "be in " + unit + " or a unit td converts to it")));
            if (!notes.isEmpty()) {
                context.set("notes", notes);
            }
            ArrayNode anomalies = anomalies(user, stored);
            if (!anomalies.isEmpty()) {
                context.set("anomalies", anomalies);
            }
        }
        views.profiles().zoneInUse(user).hint().ifPresent(h -> context.put("time_zone", h));
        return new Envelope(
                answer(user, stored, replayed), context, Meta.now(call.origin().requestId()));
    }

    /** A stored call's answer: its events as they are stored, nothing written. */
    private Envelope replay(ToolCall call, UUID user, String key, int count) {
        List<StoredEvent> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            store.findByKey(user, key + "/" + i).ifPresent(stored::add);
        }
        return Envelope.of(answer(user, stored, true), Meta.now(call.origin().requestId()));
    }

    private ObjectNode answer(UUID user, List<StoredEvent> stored, boolean replayed) {
        ArrayNode list = JSON.arrayNode();
        for (StoredEvent e : stored) {
            list.add(reading(user, e));
        }
        ObjectNode data = JSON.objectNode();
        data.set("readings", list);
        data.put(
                "stored",
                replayed ? 0 : stored.stream().filter(e -> !e.replayed()).count());
        data.put("replayed", replayed);
        return data;
    }

    /** One stored reading as the person sees it: the metric's unit, the day it counts for, and what was said. */
    private ObjectNode reading(UUID user, StoredEvent e) {
        JsonNode d = e.data();
        String metric = d.path("metric").asText();
        ObjectNode n = JSON.objectNode().put("metric", metric);
        if (d.has("label")) {
            n.put("label", d.get("label").asText());
            n.putNull("unit");
        } else {
            MetricViews.Shown shown = views.shown(user, metric, true);
            Optional<String> said = JsonFields.text(d, "unit");
            Optional<MetricRegistry.Stored> kept =
                    views.registry().stored(metric, d.get("value").decimalValue(), said);
            if (kept.isPresent() && kept.get().unit().equals(shown.storedUnit())) {
                double value =
                        shown.fromStored().applyAsDouble(kept.get().value().doubleValue());
                n.set("value", MetricAnswers.value(OptionalDouble.of(value)));
                n.set("unit", MetricAnswers.unit(shown.unit()));
                if (!said.orElse(shown.unit()).equals(shown.unit())) {
                    n.putObject("as_logged").set("value", d.get("value"));
                    ((ObjectNode) n.get("as_logged")).put("unit", said.orElse(""));
                }
            } else {
                n.set("value", d.get("value"));
                n.set("unit", MetricAnswers.unit(said.orElse("")));
            }
        }
        n.put("date", e.occurredAt().toLocalDate().toString());
        n.put("event_id", e.eventId().toString());
        if (views.registry().find(metric).isEmpty()) {
            n.put("custom", true);
        }
        return n;
    }

    /** The days the call logged whose value lies far from the person's baseline (|robust z| > 3.5). */
    private ArrayNode anomalies(UUID user, List<StoredEvent> stored) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayNode out = JSON.arrayNode();
        for (StoredEvent e : stored) {
            String metric = e.data().path("metric").asText();
            LocalDate day = e.occurredAt().toLocalDate();
            if (e.replayed() || e.data().has("label") || !seen.add(metric + "/" + day)) {
                continue;
            }
            Optional<MetricViews.Against> today = views.againstBaseline(user, metric, day);
            if (today.isEmpty()) {
                continue;
            }
            Baseline baseline = today.get().baseline();
            OptionalDouble z = baseline.robustZ(today.get().day().value());
            if (z.isPresent() && Math.abs(z.getAsDouble()) > Baseline.UNUSUAL_Z) {
                String unit = today.get().shown().unit();
                out.add(metric + " "
                        + MetricAnswers.round(today.get().day().value().getAsDouble(), MetricAnswers.DECIMALS)
                        + (unit.isEmpty() ? "" : " " + unit) + " on " + day + " is far "
                        + (z.getAsDouble() > 0 ? "above" : "below") + " the person's 28-day baseline (median "
                        + MetricAnswers.round(baseline.level().median().getAsDouble(), MetricAnswers.DECIMALS)
                        + ", robust z " + MetricAnswers.round(z.getAsDouble(), 1) + ")");
            }
        }
        return out;
    }

    /**
     * Whether the call that stored this anchor is this one (a retry); a conflict when another call stored it;
     * false when the key is new.
     */
    private static boolean storedCall(Optional<StoredEvent> anchor, String fingerprint) {
        if (anchor.isEmpty()) {
            return false;
        }
        if (!anchor.get().metadata().path(FINGERPRINT).asText().equals(fingerprint)) {
            throw differentRequest();
        }
        return true;
    }

    private static ToolException differentRequest() {
        return ToolException.conflict(
                "$.idempotency_key",
                "this idempotency_key was already used, and the earlier request differed from this one (a retry must"
                        + " send the same arguments). Nothing was stored. Use a new idempotency_key for new readings;"
                        + " to change what is stored, use correct_event or void_event");
    }

    private static String anchor(String key) {
        return key + "/0";
    }

    /** SHA-256 of the tool and its arguments in canonical JSON, confirm_unusual aside. */
    static String fingerprint(ObjectNode args) {
        ObjectNode request = JSON.objectNode().put("tool", "log_metrics");
        ObjectNode content = args.deepCopy();
        content.remove("confirm_unusual");
        request.set("arguments", content);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(CanonicalJson.of(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Thrown under the append lock when the call is already stored: rolls the append back, answered as a replay. */
    private static final class AlreadyStored extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyStored() {
            super(null, null, false, false);
        }
    }
}
