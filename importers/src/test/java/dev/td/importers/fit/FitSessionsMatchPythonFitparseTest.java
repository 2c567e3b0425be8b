package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every session against an independent decoder: python-fitparse's decode of the same files (_decoded_summary.json,
 * written with the samples; a cross-check, not an upstream assertion).
 */
class FitSessionsMatchPythonFitparseTest {

    private static final DateTimeFormatter PYTHON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** td's sport for python-fitparse's sport (sub_sport) names: the mapping FitImporter documents. */
    private static final Map<String, String> SPORTS = Map.of(
            "running",
            "run",
            "cycling",
            "ride",
            "walking",
            "walk",
            "swimming",
            "swim",
            "transition",
            "transition",
            "fitness_equipment/indoor_rowing",
            "row");

    @Test
    void everySessionKeepsItsSportStartDurationsDistanceHeartRateCaloriesAndClimb() throws IOException {
        JsonNode summary = new ObjectMapper()
                .readTree(FitSamples.path("_decoded_summary.json").toFile());
        int checked = 0;
        for (Map.Entry<String, JsonNode> file : summary.properties()) {
            JsonNode sessions = file.getValue().path("sessions");
            if (sessions.isEmpty()) {
                continue;
            }
            List<Draft> drafts = FitSamples.read(file.getKey()).drafts("activity.logged");
            assertThat(drafts).as(file.getKey()).hasSize(sessions.size());
            for (int i = 0; i < sessions.size(); i++) {
                check(file.getKey() + " session " + (i + 1), sessions.get(i), drafts.get(i));
                checked++;
            }
        }
        assertThat(checked).as("sessions in 15 files").isEqualTo(19);
    }

    private static void check(String at, JsonNode expected, Draft draft) {
        JsonNode data = draft.data();
        String sport = expected.path("sport").asText();
        String key = sport.equals("fitness_equipment")
                ? sport + "/" + expected.path("sub_sport").asText()
                : sport;
        assertThat(data.path("sport").asText()).as(at + " sport").isEqualTo(SPORTS.get(key));
        if (expected.path("start_time").isTextual()) {
            assertThat(draft.occurredAt())
                    .as(at + " start")
                    .isEqualTo(utc(expected.path("start_time").asText()));
        }
        same(at, "elapsed_s", data.path("elapsed_s"), expected.path("total_elapsed_time"), false);
        same(at, "moving_s", data.path("moving_s"), expected.path("total_timer_time"), false);
        same(at, "distance", data.at("/distance/value"), expected.path("total_distance"), false);
        same(at, "avg_hr", data.path("avg_hr"), expected.path("avg_heart_rate"), false);
        same(at, "max_hr", data.path("max_hr"), expected.path("max_heart_rate"), false);
        same(at, "avg_power_w", data.path("avg_power_w"), expected.path("avg_power"), false);
        same(at, "calories", data.path("calories"), expected.path("total_calories"), true);
        same(at, "elevation_gain", data.at("/elevation_gain/value"), expected.path("total_ascent"), true);
        same(at, "elevation_loss", data.at("/elevation_loss/value"), expected.path("total_descent"), true);
        if (expected.path("num_laps").isNumber()) {
            assertThat(data.path("laps"))
                    .as(at + " laps")
                    .hasSize(expected.path("num_laps").asInt());
        }
    }

    /** The same number; absent when python-fitparse has none (or 0 where 0 means "not measured"). */
    private static void same(String at, String field, JsonNode actual, JsonNode expected, boolean zeroMeasured) {
        boolean present = expected.isNumber() && (zeroMeasured || expected.asDouble() != 0);
        if (present) {
            assertThat(actual.isNumber()).as(at + " " + field + " present").isTrue();
            assertThat(actual.asDouble()).as(at + " " + field).isEqualTo(expected.asDouble());
        } else {
            assertThat(actual.isMissingNode()).as(at + " " + field + " absent").isTrue();
        }
    }

    private static Instant utc(String pythonTime) {
        return LocalDateTime.parse(pythonTime, PYTHON_TIME).toInstant(ZoneOffset.UTC);
    }
}
