package dev.td.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An endurance activity's load by each method, worked by hand: Foster's session-RPE (RPE x minutes), and
 * Banister's TRIMP (Banister 1991; Morton, Fitz-Clarke & Banister 1990): minutes x dHR x 0.64 e^(1.92 dHR) for a
 * man, dHR = (HR - rest) / (max - rest).
 */
class TrainingLoadFromActivitiesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Http.Answer send(String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    @Test
    void aRunCountsBySessionRpeAndByTrimpOnceTheProfileHasHeartRates() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1);
        assertThat(send("PATCH", "/v1/profile", "{\"idempotency_key\":\"p1\",\"time_zone\":\"Europe/Berlin\"}")
                        .status())
                .isEqualTo(200);
        Http.Answer run = send(
                "POST",
                "/v1/activities",
                "{\"idempotency_key\":\"run\",\"sport\":\"run\",\"started_at\":\"" + yesterday
                        + "T07:00:00\",\"elapsed\":\"52:00\",\"moving\":\"50:00\",\"distance\":10,\"avg_hr\":150,\"rpe\":6}");
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        // session-RPE: 6 x 50 moving minutes = 300 AU
        JsonNode srpe = send("GET", "/v1/load?from=" + yesterday + "&to=" + yesterday, null)
                .body();
        assertThat(srpe.at("/data/days/0/load").asDouble()).isEqualTo(300.0);
        // TRIMP needs resting and maximal heart rate: without them the run is named, not counted
        JsonNode none = send("GET", "/v1/load?method=trimp&from=" + yesterday + "&to=" + yesterday, null)
                .body();
        assertThat(none.at("/data/sessions/counted").asInt()).isZero();
        assertThat(none.at("/data/sessions/without_load").toString()).contains("update_profile");
        assertThat(send(
                                "PATCH",
                                "/v1/profile",
                                "{\"idempotency_key\":\"p2\",\"resting_hr\":50,\"max_hr\":190,\"sex\":\"male\"}")
                        .status())
                .isEqualTo(200);
        // dHR = 100/140 = 0.714286; 50 x 0.714286 x 0.64 x e^(1.371429) = 50 x 0.714286 x 0.64 x 3.941054 = 90.08
        JsonNode trimp = send("GET", "/v1/load?method=trimp&from=" + yesterday + "&to=" + yesterday, null)
                .body();
        assertThat(trimp.at("/data/method/unit").asText()).isEqualTo("TRIMP");
        assertThat(trimp.at("/data/days/0/load").asDouble()).isCloseTo(90.08, within(0.05));
        assertThat(trimp.at("/data/sessions/counted").asInt()).isEqualTo(1);
    }
}
