package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.ToolManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #10: a typical answer fits in about 2,000 tokens (8,000 characters of JSON). The two tools whose
 * answers grow with the history, get_events and list_sessions, page by default (10 events, 5 sessions)
 * and say what is left (next_cursor, more), so an agent that asks without a limit is not handed a
 * person's whole year. list_exercises, get_volume, get_exercise_progression and get_personal_records
 * answer a summary unless asked for {@code detail: full}; get_event_types lists field names unless a
 * type is named. Both shapes pass the tool's exact output schema.
 *
 * <p>The history, all in kg at RPE 8 (so every working set is hard, and the e1RM is the RTS chart's:
 * 5 reps at RPE 8 is 81.1 % of 1RM):
 *
 * <ul>
 *   <li>Fri 2026-08-21 (ISO week 34) and Fri 2026-08-28 (week 35): bench 3×5 at 55 and 57.5 kg;
 *   <li>12 sessions from Fri 2026-10-02 to Sat 2026-10-24, every other day (weeks 40 to 43: 2, 3, 4 and 3
 *       sessions): bench, squat, deadlift and barbell row, 3×5 each at 61 to 72 kg (60 + the session's
 *       number);
 *   <li>30 body-weight readings in October.
 * </ul>
 *
 * Catalog tags (hard sets count 1 for a primary muscle, ½ for a secondary one): bench chest; front_delts,
 * triceps. Squat quads, glutes; adductors, hamstrings, lower_back. Deadlift hamstrings, glutes,
 * lower_back; quads, traps, upper_back, lats, forearms. Barbell row upper_back, lats; rear_delts, biceps,
 * lower_back, forearms.
 */
class DefaultAnswerSizeTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final int TWO_THOUSAND_TOKENS = 8_000;

    @BeforeAll
    static void aMonthOfTraining() {
        // two bench sessions in August, none in September
        for (String[] day : new String[][] {{"2026-08-21", "55"}, {"2026-08-28", "57.5"}}) {
            String body = "{\"idempotency_key\":\"size-" + day[0] + "\",\"started_at\":\"" + day[0]
                    + "T18:00:00+01:00\",\"unit\":\"kg\",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":"
                    + day[1] + ",\"reps\":5,\"count\":3,\"rpe\":8}]}]}";
            assertThat(Http.send("POST", server.baseUrl() + "/v1/workouts", TestServer.OWNER_KEY, body)
                            .status())
                    .isEqualTo(200);
        }
        // 12 sessions of 4 exercises x 3 sets (one line each), and 30 body-weight readings
        String[] lifts = {"bench", "squat", "deadlift", "barbell row"};
        for (int day = 1; day <= 12; day++) {
            StringBuilder exercises = new StringBuilder();
            for (String lift : lifts) {
                exercises
                        .append(exercises.isEmpty() ? "" : ",")
                        .append("{\"exercise\":\"")
                        .append(lift)
                        .append("\",\"sets\":[{\"weight\":")
                        .append(60 + day)
                        .append(",\"reps\":5,\"count\":3,\"rpe\":8}]}");
            }
            String body = "{\"idempotency_key\":\"size-w" + day
                    + "\",\"started_at\":\"2026-10-%02dT18:00:00+01:00\"".formatted(day * 2)
                    + ",\"unit\":\"kg\",\"exercises\":[" + exercises + "]}";
            assertThat(Http.send("POST", server.baseUrl() + "/v1/workouts", TestServer.OWNER_KEY, body)
                            .status())
                    .isEqualTo(200);
        }
        StringBuilder events = new StringBuilder();
        for (int day = 1; day <= 30; day++) {
            events.append(events.isEmpty() ? "" : ",")
                    .append("{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-10-%02dT07:00:00+01:00\""
                            .formatted(day))
                    .append(",\"data\":{\"metric\":\"body_weight\",\"value\":81.")
                    .append(day % 10)
                    .append(",\"unit\":\"kg\"},\"idempotency_key\":\"size-m")
                    .append(day)
                    .append("\"}");
        }
        assertThat(Http.send(
                                "POST",
                                server.baseUrl() + "/v1/events",
                                TestServer.OWNER_KEY,
                                "{\"events\":[" + events + "]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listSessionsWithoutALimitShowsTheFiveNewestAndSaysHowManyAreLeft() {
        Http.Answer a = Http.send("GET", server.baseUrl() + "/v1/sessions", TestServer.OWNER_KEY, null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode sessions = a.body().at("/data/sessions");
        assertThat(sessions).hasSize(5);
        // 2 + 12 sessions, 5 shown: 9 left; newest first, the last one was on 2026-10-24
        assertThat(a.body().at("/data/more").asInt()).isEqualTo(9);
        assertThat(sessions.get(0).path("date").asText()).isEqualTo("2026-10-24");
        assertThat(a.body().toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
    }

    @Test
    void getEventsWithoutALimitIsOnePageOfTenWithACursorToTheRest() {
        Http.Answer a =
                Http.send("GET", server.baseUrl() + "/v1/events?types=metric.recorded", TestServer.OWNER_KEY, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/data/events")).hasSize(10);
        assertThat(a.body().at("/data/next_cursor").asText()).isNotBlank();
        assertThat(a.body().toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
    }

    @Test
    void aLimitGivenStillGetsEverythingAskedFor() {
        Http.Answer sessions = Http.send("GET", server.baseUrl() + "/v1/sessions?limit=50", TestServer.OWNER_KEY, null);
        assertThat(sessions.body().at("/data/sessions")).hasSize(14);
        assertThat(sessions.body().at("/data/more").asInt()).isZero();
        Http.Answer events = Http.send(
                "GET", server.baseUrl() + "/v1/events?types=metric.recorded&limit=100", TestServer.OWNER_KEY, null);
        assertThat(events.body().at("/data/events")).hasSize(30);
    }

    private static JsonNode get(String pathAndQuery) {
        Http.Answer a = Http.send("GET", server.baseUrl() + pathAndQuery, TestServer.OWNER_KEY, null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    /** The answer's data has no violation of the tool's exact output schema (the manifest's). */
    private static void passesTheExactSchema(String tool, JsonNode answer) {
        ToolManifest manifest = server.core().tools().manifests().stream()
                .filter(m -> m.name().equals(tool))
                .findFirst()
                .orElseThrow();
        assertThat(ArgumentValidator.of(manifest.outputSchema(), tool).violations(answer.get("data")))
                .as(tool + " " + answer.get("data"))
                .isEmpty();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Double> numbers(JsonNode object) {
        Map<String, Double> out = new TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    @Test
    void listExercisesWithoutDetailListsIdsAndNames() {
        JsonNode a = get("/v1/exercises");
        JsonNode exercises = a.at("/data/exercises");
        // the community taxonomy's 110 exercises (schema/src/main/resources/td/exercises/community.json); no own ones
        assertThat(a.at("/data/count").asInt()).isEqualTo(110);
        assertThat(exercises).hasSize(110);
        assertThat(exercises).allSatisfy(e -> assertThat(fieldNames(e)).containsExactly("exercise_id", "name"));
        assertThat(exercises.findValuesAsText("exercise_id")).contains("barbell-bench-press");
        assertThat(a.toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
        passesTheExactSchema("list_exercises", a);
    }

    @Test
    void listExercisesInFullHasEveryField() {
        JsonNode a = get("/v1/exercises?detail=full&muscle=chest");
        JsonNode bench = a.at("/data/exercises")
                .valueStream()
                .filter(e -> e.path("exercise_id").asText().equals("barbell-bench-press"))
                .findFirst()
                .orElseThrow();
        assertThat(fieldNames(bench))
                .containsExactly(
                        "exercise_id",
                        "name",
                        "names",
                        "aliases",
                        "primary_muscles",
                        "secondary_muscles",
                        "pattern",
                        "equipment",
                        "type",
                        "personal",
                        "archived");
        assertThat(bench.at("/names/de").asText()).isEqualTo("Bankdrücken");
        // muscle=chest: the muscle list is what the filter used
        assertThat(a.at("/data/muscles").valueStream().map(JsonNode::asText)).containsExactly("chest");
        passesTheExactSchema("list_exercises", a);
    }

    @Test
    void getVolumeWithoutDetailGivesHardSetsPerMuscleInTwelveWeeks() {
        JsonNode a = get("/v1/volume");
        JsonNode weeks = a.at("/data/weeks");
        // the 12 weeks up to the last one trained (2026-W43): W32 (from Mon 2026-08-03) to W43
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(0).path("week").asText()).isEqualTo("2026-W32");
        assertThat(weeks.get(11).path("week").asText()).isEqualTo("2026-W43");
        JsonNode w42 = weeks.get(10);
        assertThat(w42.path("week").asText()).isEqualTo("2026-W42");
        assertThat(fieldNames(w42))
                .containsExactly(
                        "week",
                        "from",
                        "to",
                        "partial",
                        "in_progress",
                        "working_sets",
                        "hard_sets",
                        "tonnage",
                        "hard_sets_by_muscle_group");
        // W42 (Mon 2026-10-12 to Sun 2026-10-18): sessions 6 to 9 (Oct 12, 14, 16, 18), 4 x 4 exercises x 3 sets
        // = 48 sets, all hard; tonnage 3 x 5 x 4 exercises x (66 + 67 + 68 + 69) kg = 60 x 270 = 16,200 kg
        assertThat(w42.path("from").asText()).isEqualTo("2026-10-12");
        assertThat(w42.path("working_sets").asInt()).isEqualTo(48);
        assertThat(w42.path("hard_sets").asInt()).isEqualTo(48);
        assertThat(w42.at("/tonnage/kg").asDouble()).isEqualTo(16_200.0);
        // per session: chest 3 (bench); front_delts, triceps 1.5 (bench); quads 3 (squat) + 1.5 (deadlift);
        // glutes 3 + 3; hamstrings 1.5 + 3; lower_back 1.5 + 3 + 1.5 (row); upper_back, lats 1.5 + 3;
        // forearms 1.5 + 1.5; adductors, traps, rear_delts, biceps 1.5. Times 4 sessions:
        assertThat(numbers(w42.path("hard_sets_by_muscle_group")))
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("chest", 12.0),
                        Map.entry("front_delts", 6.0),
                        Map.entry("triceps", 6.0),
                        Map.entry("quads", 18.0),
                        Map.entry("glutes", 24.0),
                        Map.entry("hamstrings", 18.0),
                        Map.entry("lower_back", 24.0),
                        Map.entry("upper_back", 18.0),
                        Map.entry("lats", 18.0),
                        Map.entry("forearms", 12.0),
                        Map.entry("adductors", 6.0),
                        Map.entry("traps", 6.0),
                        Map.entry("rear_delts", 6.0),
                        Map.entry("biceps", 6.0))));
        // W34: one bench session (3 hard sets): 3 for chest, half of them for each secondary muscle
        assertThat(numbers(weeks.get(2).path("hard_sets_by_muscle_group")))
                .isEqualTo(new TreeMap<>(Map.of("chest", 3.0, "front_delts", 1.5, "triceps", 1.5)));
        // W33: nothing trained, no muscle listed
        assertThat(weeks.get(1).path("hard_sets_by_muscle_group")).isEmpty();
        assertThat(a.toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
        passesTheExactSchema("get_volume", a);
    }

    @Test
    void getVolumeInFullHasEachExerciseAndMuscleGroup() {
        JsonNode w42 =
                get("/v1/volume?from=2026-10-12&to=2026-10-18&detail=full").at("/data/weeks/0");
        assertThat(w42.has("hard_sets_by_muscle_group")).isFalse();
        // bench in W42: 4 sessions x 3 sets x 5 reps at 66, 67, 68, 69 kg: 12 sets, 60 reps, 15 x 270 = 4,050 kg
        assertThat(w42.at("/by_exercise/barbell-bench-press/working_sets").asInt())
                .isEqualTo(12);
        assertThat(w42.at("/by_exercise/barbell-bench-press/reps").asInt()).isEqualTo(60);
        assertThat(w42.at("/by_exercise/barbell-bench-press/tonnage/kg").asDouble())
                .isEqualTo(4_050.0);
        assertThat(w42.at("/by_muscle_group/chest/sets").asDouble()).isEqualTo(12.0);
        assertThat(w42.at("/by_muscle_group/lower_back/hard_sets").asDouble()).isEqualTo(24.0);
        passesTheExactSchema("get_volume", get("/v1/volume?detail=full"));
        passesTheExactSchema("get_volume", get("/v1/volume?group_by=month"));
        passesTheExactSchema("get_volume", get("/v1/volume?group_by=month&detail=full"));
    }

    @Test
    void getExerciseProgressionWithoutDetailShowsTheNewestEightAndEveryMonth() {
        JsonNode a = get("/v1/progression?exercise=bench");
        JsonNode data = a.path("data");
        // 14 bench sessions, the newest 8 shown (sessions 5 to 12: 2026-10-10 to 2026-10-24, oldest first), 6 more
        assertThat(data.path("sessions")).hasSize(8);
        assertThat(data.at("/sessions/0/date").asText()).isEqualTo("2026-10-10");
        assertThat(data.at("/sessions/7/date").asText()).isEqualTo("2026-10-24");
        assertThat(data.path("sessions_shown").asInt()).isEqualTo(8);
        assertThat(data.path("more").asInt()).isEqualTo(6);
        // e1RM = weight / 0.811: August's best 57.5 / 0.811 = 70.90, October's 72 / 0.811 = 88.78; none in September
        JsonNode months = data.path("months");
        assertThat(months.findValuesAsText("month")).containsExactly("2026-08", "2026-09", "2026-10");
        assertThat(months.findValues("sessions").stream().map(JsonNode::asInt)).containsExactly(2, 0, 12);
        assertThat(months.at("/0/best_e1rm/kg").asDouble()).isEqualTo(70.9);
        assertThat(months.at("/1/best_e1rm").isNull()).isTrue();
        assertThat(months.at("/2/best_e1rm/kg").asDouble()).isEqualTo(88.78);
        // the trend and the best are still those of all 14 sessions
        assertThat(data.at("/trend/n").asInt()).isEqualTo(14);
        assertThat(data.at("/trend/since").asText()).isEqualTo("2026-08-21");
        assertThat(data.at("/best_e1rm/kg").asDouble()).isEqualTo(88.78);
        assertThat(a.toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
        passesTheExactSchema("get_exercise_progression", a);
    }

    @Test
    void getExerciseProgressionInFullListsEverySession() {
        JsonNode a = get("/v1/progression?exercise=bench&detail=full");
        JsonNode data = a.path("data");
        assertThat(data.path("sessions")).hasSize(14);
        assertThat(data.at("/sessions/0/date").asText()).isEqualTo("2026-08-21");
        assertThat(fieldNames(data)).doesNotContain("sessions_shown", "more", "months");
        assertThat(data.at("/trend/n").asInt()).isEqualTo(14);
        passesTheExactSchema("get_exercise_progression", a);
    }

    @Test
    void getPersonalRecordsWithoutDetailLeavesOutTheIds() {
        JsonNode a = get("/v1/records");
        JsonNode exercises = a.at("/data/exercises");
        assertThat(exercises.findValuesAsText("exercise_id"))
                .containsExactlyInAnyOrder(
                        "barbell-bench-press", "barbell-back-squat", "barbell-deadlift", "barbell-row");
        JsonNode bench = exercises
                .valueStream()
                .filter(e -> e.path("exercise_id").asText().equals("barbell-bench-press"))
                .findFirst()
                .orElseThrow();
        // the heaviest 5 reps: 72 kg on 2026-10-24; its e1RM 72 / 0.811 = 88.78 kg
        assertThat(bench.path("by_reps")).hasSize(1);
        JsonNode fiveRm = bench.at("/by_reps/0");
        assertThat(fieldNames(fiveRm)).containsExactly("record", "weight", "reps", "date");
        assertThat(fiveRm.path("record").asText()).isEqualTo("5rm");
        assertThat(fiveRm.at("/weight/kg").asDouble()).isEqualTo(72.0);
        assertThat(fiveRm.path("date").asText()).isEqualTo("2026-10-24");
        assertThat(fieldNames(bench.path("e1rm"))).containsExactly("record", "weight", "reps", "e1rm", "date");
        assertThat(bench.at("/e1rm/e1rm/kg").asDouble()).isEqualTo(88.78);
        assertThat(a.toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
        passesTheExactSchema("get_personal_records", a);
    }

    @Test
    void getPersonalRecordsInFullNamesTheEventAndSession() {
        JsonNode a = get("/v1/records?exercise=bench&detail=full");
        JsonNode fiveRm = a.at("/data/exercises/0/by_reps/0");
        assertThat(fieldNames(fiveRm))
                .containsExactly("exercise_id", "record", "weight", "reps", "date", "event_id", "session_id");
        assertThat(fiveRm.path("exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(a.at("/data/exercises/0/e1rm/event_id").asText()).isNotBlank();
        passesTheExactSchema("get_personal_records", a);
    }

    @Test
    void getEventTypesWithoutATypeNamesEachOnesFields() {
        JsonNode a = get("/v1/event-types");
        JsonNode types = a.at("/data/event_types");
        assertThat(types)
                .allSatisfy(t -> assertThat(fieldNames(t))
                        .containsExactly("type", "description", "loggable", "required", "optional"));
        JsonNode metric = types.valueStream()
                .filter(t -> t.path("type").asText().equals("metric.recorded"))
                .findFirst()
                .orElseThrow();
        // schema/src/main/resources/td/event-types/metric.recorded.json: required metric (then one of value or
        // label, a oneOf the summary does not spell out); also unit, notes, source, unusual_confirmed
        assertThat(metric.path("required").valueStream().map(JsonNode::asText)).containsExactly("metric");
        assertThat(metric.path("optional").valueStream().map(JsonNode::asText))
                .containsExactly("value", "label", "unit", "notes", "source", "unusual_confirmed");
        assertThat(metric.path("loggable").asBoolean()).isTrue();
        JsonNode voided = types.valueStream()
                .filter(t -> t.path("type").asText().equals("event.voided"))
                .findFirst()
                .orElseThrow();
        assertThat(voided.path("loggable").asBoolean()).isFalse();
        assertThat(a.toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
        passesTheExactSchema("get_event_types", a);
    }

    @Test
    void getEventTypesWithATypeGivesItsSchema() {
        JsonNode a = get("/v1/event-types?type=metric.recorded");
        JsonNode metric = a.at("/data/event_types/0");
        assertThat(a.at("/data/event_types")).hasSize(1);
        assertThat(fieldNames(metric)).containsExactly("type", "description", "schema", "loggable");
        assertThat(metric.at("/schema/required").valueStream().map(JsonNode::asText))
                .containsExactly("metric");
        passesTheExactSchema("get_event_types", a);
    }
}
