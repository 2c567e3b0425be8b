package dev.td.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ErrorCode;

/**
 * The parts every answer shares: the envelope's {@code meta} and {@code context}, and the
 * problem+json body of every error, one named response per {@link ErrorCode}.
 */
final class EnvelopeSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String PROBLEM_JSON = "application/problem+json";

    private EnvelopeSchemas() {}

    /** Defines Meta, Context and Problem (with the shared definitions they use) in {@code components}. */
    static void define(SchemaComponents components, ObjectNode schemas) {
        components.shared("context");
        schemas.set("Period", period());
        schemas.set("MetaPerson", person());
        schemas.set("MetaBackground", background());
        schemas.set("MetaAsOf", asOf());
        schemas.set("MetaFold", fold());
        schemas.set("Meta", meta(components.shared("statistical_quality")));
        schemas.set("Problem", problem());
        schemas.set(
                "ProblemDetails",
                problemDetails(components.shared("exercise"), components.shared("exercise_candidate")));
    }

    /** The envelope of one tool's answer: {@code data} as given, the shared context and meta. */
    static ObjectNode envelope(ObjectNode data) {
        ObjectNode env = JSON.objectNode();
        env.put("type", "object");
        env.putArray("required").add("data").add("context").add("meta");
        ObjectNode props = env.putObject("properties");
        props.set("data", data);
        props.set("context", SchemaComponents.ref("Context"));
        props.set("meta", SchemaComponents.ref("Meta"));
        return env;
    }

    /** A meta as an example answer shows it. */
    static ObjectNode metaExample() {
        ObjectNode m = JSON.objectNode();
        m.put("computed_at", "2026-11-24T17:02:11.204Z");
        m.put("request_id", "6f1c2a9e-0d4b-4a57-9a3e-2b8c1d7f4e10");
        m.putNull("projection_version");
        m.put("cache_hit", false);
        m.putNull("statistical_quality");
        return m;
    }

    /** The response for an error code: problem+json with an example as td answers it. */
    static ObjectNode errorResponse(ErrorCode code) {
        ObjectNode r = JSON.objectNode();
        r.put("description", code.wireName() + ": " + code.meaning());
        if (code == ErrorCode.UNAUTHENTICATED) {
            r.putObject("headers")
                    .putObject("WWW-Authenticate")
                    .put("description", "Bearer realm=\"td\"")
                    .putObject("schema")
                    .put("type", "string");
        }
        ObjectNode media = r.putObject("content").putObject(PROBLEM_JSON);
        media.set("schema", SchemaComponents.ref("Problem"));
        ObjectNode example = media.putObject("example");
        example.put("type", "https://td.dev/problems/" + code.wireName());
        example.put("title", code.meaning());
        example.put("status", code.httpStatus());
        example.put("detail", exampleDetail(code));
        example.put("code", code.wireName());
        example.put("path", code == ErrorCode.INVALID_ARGUMENT ? "$.exercises[0].sets[1].reps" : "$");
        example.put("request_id", "6f1c2a9e-0d4b-4a57-9a3e-2b8c1d7f4e10");
        return r;
    }

    /** What td says in such a case (the texts the server writes, shortened). */
    private static String exampleDetail(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> "reps must be an integer between 0 and 1000; got 5.5";
            case UNAUTHENTICATED ->
                "send your td API key as 'Authorization: Bearer td_…' (the server printed the owner's key on first start)";
            case FORBIDDEN ->
                "this API key lacks the scope 'training:write' that log_workout needs; ask the data owner for a key or grant with that scope";
            case NOT_FOUND -> "no session 's-3f2a'; list_sessions shows the sessions and their ids";
            case CONFLICT ->
                "this idempotency_key was already used for a different workout; a retry must send the same content."
                        + " Use a new key for a new workout";
            case PAYLOAD_TOO_LARGE ->
                "the request body is larger than 1048576 bytes; split the call (log_events takes at most 1000 events per call)";
            case INTERNAL ->
                "internal error in log_workout; nothing was stored. Retry with the same idempotency key; if it persists,"
                        + " report request id 6f1c2a9e-0d4b-4a57-9a3e-2b8c1d7f4e10";
            default -> code.meaning();
        };
    }

    private static ObjectNode meta(ObjectNode statisticalQuality) {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put("description", "How the answer was made");
        s.putArray("required")
                .add("computed_at")
                .add("request_id")
                .add("projection_version")
                .add("cache_hit")
                .add("statistical_quality");
        ObjectNode p = s.putObject("properties");
        p.putObject("computed_at").put("type", "string").put("format", "date-time");
        p.putObject("request_id").put("type", "string");
        p.putObject("projection_version")
                .put("description", "Code version of the projection read; null when none was read")
                .putArray("type")
                .add("integer")
                .add("null");
        p.putObject("cache_hit").put("type", "boolean");
        ObjectNode quality = p.putObject("statistical_quality");
        quality.put("description", "Where statistics are involved; null elsewhere");
        quality.putArray("anyOf").add(statisticalQuality).addObject().put("type", "null");
        p.set("period", SchemaComponents.ref("Period"));
        p.set("person", SchemaComponents.ref("MetaPerson"));
        p.set("background", SchemaComponents.ref("MetaBackground"));
        p.set("as_of", SchemaComponents.ref("MetaAsOf"));
        return s;
    }

    /** {@code meta.as_of}, on answers about the record as it stood at a past moment ({@code as_of}, {@code as_known_at}). */
    private static ObjectNode asOf() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put(
                "description",
                "Answers as of a past moment: the moments resolved, the day taken as today, and how each projection"
                        + " read was folded (the snapshot it started from, the events folded on top)");
        s.putArray("required").add("today").add("time_zone").add("folded");
        ObjectNode p = s.putObject("properties");
        p.putObject("occurred_before").put("type", "string").put("format", "date-time");
        p.putObject("recorded_before").put("type", "string").put("format", "date-time");
        p.putObject("known_up_to_sequence").put("type", "integer").put("minimum", 0);
        p.putObject("today").put("type", "string").put("format", "date");
        p.putObject("time_zone").put("type", "string");
        p.putObject("folded").put("type", "array").set("items", SchemaComponents.ref("MetaFold"));
        return s;
    }

    /** One projection folded for {@code meta.as_of}. */
    private static ObjectNode fold() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put("description", "A projection as it stood: from the snapshot at a sequence (0: the start), events on top");
        s.putArray("required").add("projection").add("from_snapshot_at").add("events_folded");
        ObjectNode p = s.putObject("properties");
        p.putObject("projection").put("type", "string");
        p.putObject("from_snapshot_at").put("type", "integer").put("minimum", 0);
        p.putObject("events_folded").put("type", "integer").put("minimum", 0);
        return s;
    }

    /** {@code meta.background}, on answers read from analyses kept ready in the background. */
    private static ObjectNode background() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put(
                "description",
                "Answers from analyses kept ready: when computed, the event sequence they reflect, the log's head, and"
                        + " whether newer events wait (stale)");
        s.putArray("required")
                .add("computed_at")
                .add("reflects_sequence")
                .add("head_sequence")
                .add("stale");
        ObjectNode p = s.putObject("properties");
        p.putObject("computed_at").put("type", "string").put("format", "date-time");
        p.putObject("reflects_sequence").put("type", "integer").put("minimum", 0);
        p.putObject("head_sequence").put("type", "integer").put("minimum", 0);
        p.putObject("stale").put("type", "boolean");
        p.putObject("compute_ms").put("type", "number").put("minimum", 0);
        return s;
    }

    /** {@code meta.person}, on the answers of tools that take {@code person}: whose data the answer is about. */
    private static ObjectNode person() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put("description", "Whose data the answer is about; handle, role and grant_id when read through a grant");
        s.putArray("required").add("id").add("self");
        ObjectNode p = s.putObject("properties");
        p.putObject("id").put("type", "string").put("format", "uuid");
        p.putObject("self")
                .put("type", "boolean")
                .put("description", "true: the key's own person; false: a person who granted access");
        p.putObject("handle").put("type", "string");
        p.putObject("role").put("type", "string");
        p.putObject("grant_id").put("type", "string").put("format", "uuid");
        return s;
    }

    /** {@code meta.period}, on the answers of tools that take from/to or a period in words. */
    private static ObjectNode period() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put(
                "description",
                "Tools with from/to or period: the days answered for (null: open), the words asked, the time zone");
        s.putArray("required")
                .add("from")
                .add("to")
                .add("asked")
                .add("time_zone")
                .add("time_zone_source");
        ObjectNode p = s.putObject("properties");
        for (String day : new String[] {"from", "to"}) {
            p.putObject(day)
                    .put("format", "date")
                    .putArray("type")
                    .add("string")
                    .add("null");
        }
        p.putObject("asked").putArray("type").add("string").add("null");
        p.putObject("time_zone").put("type", "string");
        p.putObject("time_zone_source")
                .put("description", "profile (set with update_profile), inferred (from the events), default (UTC)")
                .putArray("enum")
                .add("profile")
                .add("inferred")
                .add("default");
        return s;
    }

    private static ObjectNode problem() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put(
                "description",
                "RFC 9457 problem details, with td's error code and the JSON path of the offending argument");
        s.putArray("required")
                .add("type")
                .add("title")
                .add("status")
                .add("detail")
                .add("code")
                .add("path")
                .add("request_id");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string").put("description", "What went wrong and what to do");
        ArrayNode codes = p.putObject("code").put("type", "string").putArray("enum");
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.wireName());
        }
        p.putObject("path")
                .put("type", "string")
                .put("description", "JSON path of the offending argument, $ for the whole call");
        p.putObject("request_id").put("type", "string");
        p.set("details", SchemaComponents.ref("ProblemDetails"));
        return s;
    }

    private static ObjectNode problemDetails(ObjectNode exercise, ObjectNode candidate) {
        ObjectNode details = JSON.objectNode();
        details.put("type", "object");
        details.put("description", "Structured help, where there is some");
        ObjectNode p = details.putObject("properties");
        p.putObject("candidates")
                .put("type", "array")
                .put("description", "An unclear exercise name: what it may mean, best first")
                .set("items", candidate);
        p.set("existing", exercise.put("description", "A name already taken: the exercise that has it"));
        p.putObject("metric_candidates")
                .put("type", "array")
                .put("description", "An unclear or misspelt metric name: the metrics it may mean, nearest first")
                .putObject("items")
                .put("type", "string");
        return details;
    }
}
