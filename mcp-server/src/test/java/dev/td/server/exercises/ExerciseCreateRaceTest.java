package dev.td.server.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExerciseCreateRaceTest {

    @Test
    void agentsCreatingTheSameExerciseAtOnceGetOneExerciseAndClearRefusals() throws Exception {
        try (TestServer server = TestServer.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Callable<Http.Answer>> calls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String body = "{\"name\":\"Belt Squat March\",\"idempotency_key\":\"race-" + i + "\"}";
                    calls.add(() -> Http.send("POST", server.baseUrl() + "/v1/exercises", TestServer.OWNER_KEY, body));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Answer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get().status());
                }
                assertThat(statuses).containsOnly(200, 400);
                assertThat(statuses.stream().filter(s -> s == 200).count())
                        .as(statuses.toString())
                        .isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            Http.Answer listed = Http.send(
                    "GET", server.baseUrl() + "/v1/exercises?query=Belt%20Squat%20March", TestServer.OWNER_KEY, null);
            assertThat(listed.body().at("/data/exercises").findValuesAsText("name"))
                    .containsOnlyOnce("Belt Squat March");
        }
    }
}
