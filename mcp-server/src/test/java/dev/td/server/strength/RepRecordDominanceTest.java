package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rep record is never dominated: a set (w, r) is no r-rep record when a stored set has weight ≥ w
 * and reps ≥ r with one of them strictly greater; an exactly equal set is a tie, not a new record.
 * The bench history below is logged step by step, the answers worked out by hand (no RPE, so e1RM is
 * Epley 1985, w · (1 + r/30)).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepRecordDominanceTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonNode bench(String key, String date, String sets) {
        Http.Answer a = Http.send(
                "POST",
                server.baseUrl() + "/v1/workouts",
                TestServer.OWNER_KEY,
                "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + date
                        + "T18:00:00+02:00\",\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[" + sets
                        + "]}]}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().at("/context/new_personal_records");
    }

    private static JsonNode byReps() {
        Http.Answer a = Http.send("GET", server.baseUrl() + "/v1/records?exercise=bench", TestServer.OWNER_KEY, null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().at("/data/exercises/0/by_reps");
    }

    private static JsonNode record(JsonNode records, String kind) {
        for (JsonNode r : records) {
            if (r.path("record").asText().equals(kind)) {
                return r;
            }
        }
        throw new AssertionError("no " + kind + " in " + records);
    }

    @Test
    @Order(1)
    void theFirstSetIsEveryRecordItCanBe() {
        // 87.5×8: the 8-rep record and the e1RM 87.5 · 38/30 = 110.83
        JsonNode found = bench("rd-1", "2026-09-07", "{\"weight\":87.5,\"reps\":8}");
        assertThat(found.findValuesAsText("record")).containsExactlyInAnyOrder("8rm", "e1rm");
        assertThat(record(found, "e1rm").at("/e1rm/kg").asDouble()).isCloseTo(110.83, within(0.005));
    }

    @Test
    @Order(2)
    void aLighterSetWithFewerRepsIsNoRecord() {
        // 80×6 is dominated by 87.5×8 (heavier and more reps): no 6-rep record; e1RM 80 · 1.2 = 96 < 110.83
        JsonNode found = bench("rd-2", "2026-09-14", "{\"weight\":80,\"reps\":6}");
        assertThat(found).isEmpty();
        assertThat(byReps().findValuesAsText("record")).containsExactly("8rm");
    }

    @Test
    @Order(3)
    void anEqualSetIsATieAndAHeavierSetWithFewerRepsIsARecord() {
        // 87.5×8 again: a tie, not a new 8-rep record. 90×6: nothing stored has ≥ 90 kg for ≥ 6 reps,
        // so it is the 6-rep record; before it, the best for 6 or more reps was 87.5 (the 8-rep set).
        // e1RM 90 · 1.2 = 108 < 110.83: no new e1RM
        JsonNode found = bench("rd-3", "2026-09-21", "{\"weight\":87.5,\"reps\":8},{\"weight\":90,\"reps\":6}");
        assertThat(found.findValuesAsText("record")).containsExactly("6rm");
        assertThat(record(found, "6rm").at("/weight/kg").asDouble()).isEqualTo(90.0);
        assertThat(record(found, "6rm").at("/previous/kg").asDouble()).isEqualTo(87.5);
        assertThat(record(byReps(), "8rm").path("date").asText())
                .as("the tie leaves the record with the first set")
                .isEqualTo("2026-09-07");
    }

    @Test
    @Order(4)
    void aHeavierSetWithMoreRepsTakesOverTheRecordsItDominates() {
        // 92.5×8 beats 87.5×8 and dominates 90×6: the records are now 8rm 92.5 only;
        // e1RM 92.5 · 38/30 = 117.17 > 110.83
        JsonNode found = bench("rd-4", "2026-09-28", "{\"weight\":92.5,\"reps\":8}");
        assertThat(found.findValuesAsText("record")).containsExactlyInAnyOrder("8rm", "e1rm");
        assertThat(record(found, "8rm").at("/previous/kg").asDouble()).isEqualTo(87.5);
        JsonNode records = byReps();
        assertThat(records.findValuesAsText("record")).containsExactly("8rm");
        assertThat(record(records, "8rm").at("/weight/kg").asDouble()).isEqualTo(92.5);
    }
}
