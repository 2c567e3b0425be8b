package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How stored facts are read as the events projections understand; units converted exactly. */
class TrainingEventTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-29T23:30:00+01:00");

    private static TrainingEvent read(String type, String json) {
        try {
            Fact f = new Fact(
                    UUID.randomUUID(), 7, type, AT, (ObjectNode) Json.mapper().readTree(json));
            return TrainingEvent.of(f).orElseThrow();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aSetInPoundsIsConvertedByTheInternationalPound() {
        var set = (TrainingEvent.SetLogged) read(
                "set.logged",
                "{\"session_id\":\"s\",\"exercise\":\"Bench\",\"exercise_id\":\"bench\","
                        + "\"weight\":{\"value\":225,\"unit\":\"lb\"},\"reps\":5,\"rir\":2,\"set_type\":\"amrap\"}");
        // 225 lb × 0.45359237 kg/lb = 102.05828325 kg (1959 agreement)
        assertThat(set.weightKg().getAsDouble()).isCloseTo(102.05828325, within(1e-9));
        assertThat(set.unit()).contains("lb");
        assertThat(set.reps()).hasValue(5);
        assertThat(set.rir()).hasValue(2);
        assertThat(set.effectiveRpe()).hasValue(8);
        assertThat(set.setType()).isEqualTo(TrainingEvent.SetType.AMRAP);
        assertThat(set.volumeKg()).isCloseTo(510.29141625, within(1e-9));
        assertThat(set.sessionId()).isEqualTo("s");
        assertThat(set.exercise()).isEqualTo("Bench");
        assertThat(set.exerciseId()).isEqualTo("bench");
        assertThat(set.sequence()).isEqualTo(7);
    }

    @Test
    void aSetInKilogramsKeepsItsValueAndASetWithoutLoadHasNone() {
        var kg = (TrainingEvent.SetLogged) read(
                "set.logged",
                "{\"session_id\":\"s\",\"exercise\":\"Squat\",\"exercise_id\":\"squat\","
                        + "\"weight\":{\"value\":102.5,\"unit\":\"kg\"},\"reps\":3,\"rpe\":9.5}");
        assertThat(kg.weightKg()).hasValue(102.5);
        assertThat(kg.setType()).as("working by default").isEqualTo(TrainingEvent.SetType.WORKING);
        assertThat(kg.effectiveRpe()).hasValue(9.5);

        var plank = (TrainingEvent.SetLogged) read(
                "set.logged",
                "{\"session_id\":\"s\",\"exercise\":\"Plank\",\"exercise_id\":\"plank\",\"duration_s\":60,"
                        + "\"set_type\":\"warmup\",\"superset_id\":\"ss1\"}");
        assertThat(plank.weightKg()).isEmpty();
        assertThat(plank.unit()).isEmpty();
        assertThat(plank.reps()).isEmpty();
        assertThat(plank.durationS()).hasValue(60);
        assertThat(plank.volumeKg()).isZero();
        assertThat(plank.counts()).isFalse();
        assertThat(plank.hard()).as("a warm-up is never hard").isFalse();
        assertThat(plank.supersetId()).contains("ss1");
    }

    @Test
    void theDateAndIsoWeekAreThePersonsLocalOnes() {
        TrainingEvent e = read("session.started", "{\"session_id\":\"s\",\"name\":\"Legs\"}");
        // 2026-11-29 23:30 at +01:00 is a Sunday: still ISO week 48
        assertThat(e.date()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(e.isoWeek()).isEqualTo("2026-W48");
        assertThat(((TrainingEvent.SessionStarted) e).name()).contains("Legs");
        assertThat(((TrainingEvent.SessionStarted) e).notes()).isEmpty();
    }

    @Test
    void sessionEndsSupersetsAndProfileUpdatesAreReadWithTheirFields() {
        var end = (TrainingEvent.SessionEnded)
                read("session.ended", "{\"session_id\":\"s\",\"session_rpe\":7.5,\"notes\":\"good\"}");
        assertThat(end.sessionRpe()).hasValue(7.5);
        assertThat(end.notes()).contains("good");
        assertThat(end.sessionId()).isEqualTo("s");
        var started = (TrainingEvent.SupersetStarted)
                read("superset.started", "{\"session_id\":\"s\",\"superset_id\":\"a\"}");
        assertThat(started.supersetId()).isEqualTo("a");
        assertThat(started.sessionId()).isEqualTo("s");
        var ended =
                (TrainingEvent.SupersetEnded) read("superset.ended", "{\"session_id\":\"s\",\"superset_id\":\"a\"}");
        assertThat(ended.supersetId()).isEqualTo("a");
        var profile = (TrainingEvent.ProfileUpdated) read(
                "profile.updated",
                "{\"time_zone\":\"Europe/Berlin\",\"weight_unit\":\"kg\",\"sex\":\"female\",\"birth_year\":1990,"
                        + "\"body_weight_kg\":61.5}");
        assertThat(profile.timeZone()).contains(ZoneId.of("Europe/Berlin"));
        assertThat(profile.weightUnit()).contains("kg");
        assertThat(profile.sex()).contains("female");
        assertThat(profile.birthYear()).hasValue(1990);
        assertThat(profile.bodyWeightKg()).hasValue(61.5);
    }

    @Test
    void eventsProjectionsDoNotReadAreNotTrainingEvents() throws Exception {
        Fact note = new Fact(UUID.randomUUID(), 1, "note.recorded", AT, (ObjectNode)
                Json.mapper().readTree("{\"text\":\"slept well\"}"));
        assertThat(TrainingEvent.of(note)).isEmpty();
    }

    @Test
    void aReadingKeepsItsNumberExactlyAndOnlyANumber() {
        var reading = (TrainingEvent.MetricRecorded)
                read("metric.recorded", "{\"metric\":\"weight\",\"value\":81.40,\"unit\":\"kg\"}");
        assertThat(reading.metric()).isEqualTo("weight");
        assertThat(reading.value().orElseThrow()).isEqualByComparingTo("81.40");
        assertThat(reading.unit()).contains("kg");
        assertThat(reading.label()).isEmpty();
        var whole = (TrainingEvent.MetricRecorded) read("metric.recorded", "{\"metric\":\"steps\",\"value\":9000}");
        assertThat(whole.value().orElseThrow()).isEqualByComparingTo("9000");
        var labelled = (TrainingEvent.MetricRecorded)
                read("metric.recorded", "{\"metric\":\"menstrual_phase\",\"label\":\"luteal\"}");
        assertThat(labelled.value()).isEmpty();
        assertThat(labelled.label()).contains("luteal");
        var text = (TrainingEvent.MetricRecorded) read("metric.recorded", "{\"metric\":\"hrv\",\"value\":\"62\"}");
        assertThat(text.value()).as("a string is not a number").isEmpty();
        // a double that is not finite (never valid JSON, but a tree built in code can hold one) is no value
        for (double odd : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            ObjectNode data =
                    Json.mapper().createObjectNode().put("metric", "hrv").put("value", odd);
            var r = (TrainingEvent.MetricRecorded)
                    TrainingEvent.of(new Fact(UUID.randomUUID(), 8, "metric.recorded", AT, data))
                            .orElseThrow();
            assertThat(r.value()).as(String.valueOf(odd)).isEmpty();
        }
        ObjectNode finite =
                Json.mapper().createObjectNode().put("metric", "hrv").put("value", 61.5d);
        var r = (TrainingEvent.MetricRecorded)
                TrainingEvent.of(new Fact(UUID.randomUUID(), 9, "metric.recorded", AT, finite))
                        .orElseThrow();
        assertThat(r.value().orElseThrow()).isEqualByComparingTo("61.5");
    }

    @Test
    void injuriesAndProgramsCarryWhatTheirReportsSaid() {
        var injury = (TrainingEvent.InjuryReported) read(
                "injury.reported",
                "{\"injury_id\":\"i1\",\"body_part\":\"knee\",\"said\":\"linkes Knie\",\"side\":\"left\","
                        + "\"severity\":\"moderate\",\"pain\":4,\"since\":\"2026-11-20\",\"exercises\":[\"squat\"],"
                        + "\"patterns\":[\"lunge\"],\"sports\":[\"run\"],\"notes\":\"stairs\"}");
        assertThat(injury.said()).contains("linkes Knie");
        assertThat(injury.pain()).hasValue(4);
        assertThat(injury.since()).contains(java.time.LocalDate.parse("2026-11-20"));
        assertThat(injury.exercises()).containsExactly("squat");
        var resolved = (TrainingEvent.InjuryResolved) read("injury.resolved", "{\"injury_id\":\"i1\"}");
        assertThat(resolved.notes()).isEmpty();
        var started = (TrainingEvent.ProgramStarted) read(
                "program.started",
                "{\"program_id\":\"p\",\"name\":\"5/3/1\",\"week\":2,\"sessions\":[\"Mon: squat\"]}");
        assertThat(started.week()).hasValue(2);
        assertThat(started.phase()).isEmpty();
        assertThat(started.sessions()).containsExactly("Mon: squat");
        var kept = (TrainingEvent.ProgramPhaseChanged)
                read("program.phase_changed", "{\"program_id\":\"p\",\"phase\":\"peak\"}");
        assertThat(kept.sessions()).as("no sessions given: the plan stays").isEmpty();
        var replanned = (TrainingEvent.ProgramPhaseChanged)
                read("program.phase_changed", "{\"program_id\":\"p\",\"phase\":\"taper\",\"sessions\":[]}");
        assertThat(replanned.sessions()).as("an empty plan replaces it").contains(java.util.List.of());
    }
}
