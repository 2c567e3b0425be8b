package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * get_volume keeps to the days asked for, totals calendar months, and takes the body-part words
 * list_exercises takes. Every expected number is worked out by hand from this history (kg, no RPE,
 * so every working set is hard; all at +02:00):
 *
 * <ul>
 *   <li>Mon 2026-09-28 (ISO week 40): squat 100×5 ×3 → 1500 kg
 *   <li>Thu 2026-10-01 (week 40): bench 80×8 ×3 → 1920 kg; squat 110×5 ×2 → 1100 kg
 *   <li>Mon 2026-10-05 (week 41): deadlift 140×5 ×2 → 1400 kg; bench 82.5×8 ×3 → 1980 kg
 * </ul>
 *
 * Catalog tags: squat primary quads, glutes, secondary adductors, hamstrings, lower_back; bench primary
 * chest, secondary front_delts, triceps; deadlift primary hamstrings, glutes, lower_back.
 */
class VolumeBoundsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @BeforeAll
    static void logTheHistory() {
        workout("vb-1", "2026-09-28", "{\"exercise\":\"squat\",\"sets\":[{\"weight\":100,\"reps\":5,\"count\":3}]}");
        workout(
                "vb-2",
                "2026-10-01",
                "{\"exercise\":\"bench\",\"sets\":[{\"weight\":80,\"reps\":8,\"count\":3}]},"
                        + "{\"exercise\":\"squat\",\"sets\":[{\"weight\":110,\"reps\":5,\"count\":2}]}");
        workout(
                "vb-3",
                "2026-10-05",
                "{\"exercise\":\"deadlift\",\"sets\":[{\"weight\":140,\"reps\":5,\"count\":2}]},"
                        + "{\"exercise\":\"bench\",\"sets\":[{\"weight\":82.5,\"reps\":8,\"count\":3}]}");
    }

    private static void workout(String key, String date, String exercises) {
        Http.Answer a = Http.send(
                "POST",
                server.baseUrl() + "/v1/workouts",
                TestServer.OWNER_KEY,
                "{\"idempotency_key\":\"" + key + "\",\"unit\":\"kg\",\"started_at\":\"" + date
                        + "T18:00:00+02:00\",\"exercises\":[" + exercises + "]}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    }

    static Http.Answer volume(String query) {
        return Http.send("GET", server.baseUrl() + "/v1/volume?" + query, TestServer.OWNER_KEY, null);
    }

    static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aOneDayRangeCountsOnlyThatDayAndMarksItsWeekPartial() {
        // 2026-10-01 alone: bench 3 + squat 2 = 5 sets, 1920 + 1100 = 3020 kg; the 3 squat sets of
        // Mon 2026-09-28 share the ISO week but not the day, so they are left out
        JsonNode weeks = ok(volume("from=2026-10-01&to=2026-10-01&detail=full")).at("/data/weeks");
        assertThat(weeks).hasSize(1);
        JsonNode w = weeks.get(0);
        assertThat(w.path("week").asText()).isEqualTo("2026-W40");
        assertThat(w.path("from").asText()).isEqualTo("2026-10-01");
        assertThat(w.path("to").asText()).isEqualTo("2026-10-01");
        assertThat(w.path("partial").asBoolean()).isTrue();
        assertThat(w.path("working_sets").asInt()).isEqualTo(5);
        assertThat(w.at("/tonnage/kg").asDouble()).isEqualTo(3020.0);
        assertThat(w.at("/by_exercise/barbell-back-squat/working_sets").asInt()).isEqualTo(2);
    }

    @Test
    void aWholeWeekIsNotPartial() {
        // week 40 is Mon 2026-09-28 to Sun 2026-10-04: 3 + 3 + 2 = 8 sets, 1500 + 1920 + 1100 = 4520 kg
        JsonNode w = ok(volume("from=2026-09-28&to=2026-10-04")).at("/data/weeks/0");
        assertThat(w.path("partial").asBoolean()).isFalse();
        assertThat(w.path("working_sets").asInt()).isEqualTo(8);
        assertThat(w.at("/tonnage/kg").asDouble()).isEqualTo(4520.0);
    }

    @Test
    void calendarMonthsAreTotalledInOneCall() {
        // September: the squat day only, 3 sets, 1500 kg. October: 3 + 2 + 2 + 3 = 10 sets,
        // 1920 + 1100 + 1400 + 1980 = 6400 kg
        JsonNode data = ok(volume("group_by=month&from=2026-09-01&to=2026-10-31&detail=full"))
                .path("data");
        JsonNode months = data.path("months");
        assertThat(months.findValuesAsText("month")).containsExactly("2026-09", "2026-10");
        assertThat(months.get(0).path("working_sets").asInt()).isEqualTo(3);
        assertThat(months.get(0).at("/tonnage/kg").asDouble()).isEqualTo(1500.0);
        assertThat(months.get(1).path("working_sets").asInt()).isEqualTo(10);
        assertThat(months.get(1).at("/tonnage/kg").asDouble()).isEqualTo(6400.0);
        assertThat(months.get(1).path("partial").asBoolean()).isFalse();
        assertThat(months.get(1)
                        .at("/by_exercise/barbell-bench-press/working_sets")
                        .asInt())
                .isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"October 2026", "Oktober 2026", "2026-10"})
    void aMonthNamedInWordsIsThatCalendarMonth(String period) {
        // October 2026 is 2026-10-01..2026-10-31: 10 sets, 6400 kg (as above)
        JsonNode answer = ok(volume("group_by=month&period=" + enc(period)));
        assertThat(answer.at("/data/months")).hasSize(1);
        assertThat(answer.at("/data/months/0/working_sets").asInt()).isEqualTo(10);
        assertThat(answer.at("/meta/period/from").asText()).isEqualTo("2026-10-01");
        assertThat(answer.at("/meta/period/to").asText()).isEqualTo("2026-10-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"legs", "Beine", "Leg Day"})
    void legWordsSelectTheLegMusclesLikeListExercisesDoes(String words) {
        // legs = glutes, quads, hamstrings, adductors, abductors, calves. On 2026-10-01 only the squat
        // trains them (bench does not): 2 sets, 1100 kg; quads and glutes count fully (2), adductors and
        // hamstrings half (1); lower_back is not a leg muscle
        JsonNode w = ok(volume("from=2026-10-01&to=2026-10-01&detail=full&muscle_group=" + enc(words)))
                .at("/data/weeks/0");
        assertThat(w.path("working_sets").asInt()).isEqualTo(2);
        assertThat(w.at("/tonnage/kg").asDouble()).isEqualTo(1100.0);
        assertThat(w.path("by_exercise").has("barbell-bench-press")).isFalse();
        JsonNode muscles = w.path("by_muscle_group");
        assertThat(muscles.at("/quads/sets").asDouble()).isEqualTo(2.0);
        assertThat(muscles.at("/glutes/sets").asDouble()).isEqualTo(2.0);
        assertThat(muscles.at("/hamstrings/sets").asDouble()).isEqualTo(1.0);
        assertThat(muscles.at("/adductors/sets").asDouble()).isEqualTo(1.0);
        assertThat(muscles.has("lower_back")).isFalse();
    }

    @Test
    void theSummaryCountsHardSetsOfTheMusclesAskedFor() {
        // as above, without detail: one number per leg muscle, the hard sets (no RPE: all 2 squat sets are hard)
        JsonNode w =
                ok(volume("from=2026-10-01&to=2026-10-01&muscle_group=legs")).at("/data/weeks/0");
        assertThat(w.has("by_exercise")).isFalse();
        assertThat(w.path("hard_sets").asInt()).isEqualTo(2);
        assertThat(w.path("hard_sets_by_muscle_group").toString())
                .isEqualTo("{\"adductors\":1,\"glutes\":2,\"hamstrings\":1,\"quads\":2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"posterior chain", "hintere Kette"})
    void thePosteriorChainIsGlutesHamstringsAndLowerBack(String words) {
        // 2026-10-05: the deadlift (primary hamstrings, glutes, lower_back) 2 sets, 1400 kg; the bench is out
        JsonNode w = ok(volume("from=2026-10-05&to=2026-10-05&detail=full&muscle_group=" + enc(words)))
                .at("/data/weeks/0");
        assertThat(w.path("working_sets").asInt()).isEqualTo(2);
        assertThat(w.at("/tonnage/kg").asDouble()).isEqualTo(1400.0);
        assertThat(w.at("/by_muscle_group/lower_back/sets").asDouble()).isEqualTo(2.0);
    }

    @Test
    void anUnknownBodyPartNamesTheWordsThatWork() {
        Http.Answer a = volume("muscle_group=" + enc("elbows"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().path("path").asText()).isEqualTo("$.muscle_group");
        assertThat(a.body().path("detail").asText()).contains("Beine", "posterior chain");
    }
}
