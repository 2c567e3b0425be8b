package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records, session summaries and volume for a small history whose answers are worked out by hand
 * (in the comments), through the real REST face. The heaviest set of each session is its last, so a
 * fold that drops a session's last set fails here by name.
 *
 * <p>History (bench press, kg, no RPE, so e1RM is Epley 1985: w · (1 + r/30)):
 * <ul>
 *   <li>2026-10-05: warm-up 60×8; 100×5; 105×5; 112.5×4
 *   <li>2026-10-12: 107.5×5; 110×5
 * </ul>
 */
class StrengthKnownValuesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonNode firstSession;

    @BeforeAll
    static void logTheHistory() {
        firstSession = post("{\"idempotency_key\":\"kv-1\",\"started_at\":\"2026-10-05T18:00:00+02:00\","
                        + "\"ended_at\":\"2026-10-05T19:00:00+02:00\",\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":["
                        + "{\"weight\":60,\"reps\":8,\"type\":\"warmup\"},{\"weight\":100,\"reps\":5},{\"weight\":105,\"reps\":5},"
                        + "{\"weight\":112.5,\"reps\":4}]}]}")
                .at("/data/session");
        post("{\"idempotency_key\":\"kv-2\",\"started_at\":\"2026-10-12T18:00:00+02:00\","
                + "\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":["
                + "{\"weight\":107.5,\"reps\":5},{\"weight\":110,\"reps\":5}]}]}");
    }

    private static JsonNode post(String body) {
        Http.Answer a = Http.send("POST", server.baseUrl() + "/v1/workouts", TestServer.OWNER_KEY, body);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    private static JsonNode benchRecords() {
        Http.Answer a = Http.send("GET", server.baseUrl() + "/v1/records?exercise=bench", TestServer.OWNER_KEY, null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().at("/data/exercises/0");
    }

    private static JsonNode byReps(JsonNode records, String record) {
        for (JsonNode r : records.path("by_reps")) {
            if (r.path("record").asText().equals(record)) {
                return r;
            }
        }
        throw new AssertionError("no " + record + " in " + records);
    }

    @Test
    void theFourRepRecordIsTheLastSetOfTheFirstSession() {
        // only one set of 4 reps was ever done: 112.5 kg, the last set on 2026-10-05
        JsonNode fourRm = byReps(benchRecords(), "4rm");
        assertThat(fourRm.at("/weight/kg").asDouble()).isEqualTo(112.5);
        assertThat(fourRm.path("date").asText()).isEqualTo("2026-10-05");
    }

    @Test
    void theFiveRepRecordIsTheHeaviestFiveAcrossSessionsAndTheLastSetOfTheSecond() {
        // fives: 100, 105 (session 1), 107.5, 110 (session 2): the record is 110, the second session's last set
        JsonNode fiveRm = byReps(benchRecords(), "5rm");
        assertThat(fiveRm.at("/weight/kg").asDouble()).isEqualTo(110.0);
        assertThat(fiveRm.path("date").asText()).isEqualTo("2026-10-12");
    }

    @Test
    void theBestEstimatedOneRepMaxIsEpleyOfTheSecondSessionsLastSet() {
        // Epley: 100×5 → 116.667; 105×5 → 122.5; 112.5×4 → 112.5 · 34/30 = 127.5;
        //        107.5×5 → 125.417; 110×5 → 128.333  → the best is 110×5 = 128.33 (2 decimals)
        JsonNode e1rm = benchRecords().path("e1rm");
        assertThat(e1rm.at("/e1rm/kg").asDouble()).isCloseTo(128.33, within(0.005));
        assertThat(e1rm.at("/weight/kg").asDouble()).isEqualTo(110.0);
        assertThat(e1rm.path("reps").asInt()).isEqualTo(5);
    }

    @Test
    void aWarmUpSetsNoRecord() {
        // the only 8-rep set was a warm-up
        assertThat(benchRecords().path("by_reps").findValuesAsText("record")).containsExactlyInAnyOrder("4rm", "5rm");
    }

    @Test
    void theFirstSessionSummaryCountsWorkingSetsVolumeAndTopSetByHand() {
        // 4 sets, 3 working (the warm-up does not count), all hard (no RPE given counts as hard);
        // volume 100·5 + 105·5 + 112.5·4 = 500 + 525 + 450 = 1475 kg; top set 112.5×4, the last one
        assertThat(firstSession.path("sets").asInt()).isEqualTo(4);
        assertThat(firstSession.path("working_sets").asInt()).isEqualTo(3);
        assertThat(firstSession.path("hard_sets").asInt()).isEqualTo(3);
        assertThat(firstSession.at("/volume/kg").asDouble()).isEqualTo(1475.0);
        assertThat(firstSession.at("/exercises/0/top_set/weight/kg").asDouble()).isEqualTo(112.5);
        assertThat(firstSession.at("/exercises/0/top_set/reps").asInt()).isEqualTo(4);
    }
}
