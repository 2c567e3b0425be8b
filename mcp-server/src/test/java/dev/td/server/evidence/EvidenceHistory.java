package dev.td.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * A person of their own with a known bench history, logged over REST as raw set.logged events (so every time and
 * value is the test's), then one set voided and one corrected. Everything is recorded when the test runs (late
 * November 2026 or after), so every set of February is backfilled. The person's zone is Europe/Berlin (UTC+1 in
 * February and March).
 *
 * <pre>
 * label  occurred_at (Berlin)        set                       what happens to it
 * A      2026-02-10 18:00            bench 120 kg × 3          —
 * B      2026-02-20 18:00            bench 125 kg × 1          voided ("was a squat")
 * C      2026-02-25 18:00            bench 100 kg × 5          corrected to 122.5 kg
 * D      2026-03-05 18:00            bench 130 kg × 1          — (after March 1)
 * E      2026-02-27 18:00            bench 125 kg × 2 warm-up  — (warm-ups never count)
 * F      2026-02-28 23:30            bench 121 kg × 1          — (last evening of February)
 * G      2026-03-01 00:30            bench 150 kg × 1          — (still February 28 in UTC, March in Berlin)
 * H      2026-02-12 18:00            back squat 200 kg × 1     — (another exercise)
 * </pre>
 *
 * Sequences: 1 the profile, 2-9 the sets A-H, 10 the void of B, 11 the correction of C.
 */
record EvidenceHistory(
        TestServer server, UUID person, String key, Map<String, JsonNode> sets, JsonNode voiding, JsonNode correction) {

    static final String AGENT = "coach-app";

    /** label, occurred_at, exercise id, kg, reps, set type */
    private static final List<List<String>> SETS = List.of(
            List.of("A", "2026-02-10T18:00:00+01:00", "barbell-bench-press", "120", "3", "working"),
            List.of("B", "2026-02-20T18:00:00+01:00", "barbell-bench-press", "125", "1", "working"),
            List.of("C", "2026-02-25T18:00:00+01:00", "barbell-bench-press", "100", "5", "working"),
            List.of("D", "2026-03-05T18:00:00+01:00", "barbell-bench-press", "130", "1", "working"),
            List.of("E", "2026-02-27T18:00:00+01:00", "barbell-bench-press", "125", "2", "warmup"),
            List.of("F", "2026-02-28T23:30:00+01:00", "barbell-bench-press", "121", "1", "working"),
            List.of("G", "2026-03-01T00:30:00+01:00", "barbell-bench-press", "150", "1", "working"),
            List.of("H", "2026-02-12T18:00:00+01:00", "barbell-back-squat", "200", "1", "working"));

    static EvidenceHistory log(TestServer server, String name) {
        UUID person = server.core().accounts().createUser(name);
        String key = server.core()
                .accounts()
                .createKey(person, AGENT, Set.of("events:read", "events:write", "training:read", "training:write"));
        ok(Http.send(
                "PATCH",
                server.baseUrl() + "/v1/profile",
                key,
                "{\"idempotency_key\":\"tz\",\"time_zone\":\"Europe/Berlin\",\"weight_unit\":\"kg\"}"));
        StringJoiner events = new StringJoiner(",", "{\"events\":[", "]}");
        for (List<String> s : SETS) {
            events.add("{\"type\":\"set.logged\",\"occurred_at\":\"" + s.get(1) + "\",\"time_zone\":\"Europe/Berlin\","
                    + "\"data\":{\"session_id\":\"s-" + s.get(0) + "\",\"exercise\":\"" + s.get(2) + "\","
                    + "\"exercise_id\":\"" + s.get(2) + "\",\"weight\":{\"value\":" + s.get(3)
                    + ",\"unit\":\"kg\"},\"reps\":" + s.get(4) + ",\"set_type\":\"" + s.get(5) + "\"},"
                    + "\"idempotency_key\":\"set-" + s.get(0) + "\"}");
        }
        JsonNode logged = ok(Http.send("POST", server.baseUrl() + "/v1/events", key, events.toString()));
        Map<String, JsonNode> sets = new LinkedHashMap<>();
        for (int i = 0; i < SETS.size(); i++) {
            sets.put(SETS.get(i).get(0), logged.at("/data/events/" + i));
        }
        JsonNode voiding = ok(Http.send(
                        "POST",
                        server.baseUrl() + "/v1/events/"
                                + java.util.Objects.requireNonNull(sets.get("B"))
                                        .path("event_id")
                                        .asText() + "/void",
                        key,
                        "{\"reason\":\"was a squat\",\"idempotency_key\":\"void-B\"}"))
                .at("/data/voiding");
        JsonNode correction = ok(Http.send(
                        "POST",
                        server.baseUrl() + "/v1/events/"
                                + java.util.Objects.requireNonNull(sets.get("C"))
                                        .path("event_id")
                                        .asText() + "/corrections",
                        key,
                        "{\"data\":{\"weight\":{\"value\":122.5,\"unit\":\"kg\"}},\"idempotency_key\":\"fix-C\"}"))
                .at("/data/correction");
        assertThat(voiding.path("sequence").asLong()).isEqualTo(10);
        assertThat(correction.path("sequence").asLong()).isEqualTo(11);
        return new EvidenceHistory(server, person, key, sets, voiding, correction);
    }

    static JsonNode ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** get_evidence over REST with these query arguments, as the raw answer. */
    Http.Answer ask(Map<String, Object> arguments) {
        StringJoiner query = new StringJoiner("&", "?", "");
        arguments.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return Http.send("GET", server.baseUrl() + "/v1/evidence" + query, key, null);
    }

    /** get_evidence's data for a claim that must be answered. */
    JsonNode evidence(Map<String, Object> arguments) {
        return ok(ask(arguments)).path("data");
    }

    /** The set logged under a label of the table, as log_events returned it. */
    JsonNode set(String label) {
        return java.util.Objects.requireNonNull(sets.get(label), label);
    }

    String id(String label) {
        return set(label).path("event_id").asText();
    }
}
