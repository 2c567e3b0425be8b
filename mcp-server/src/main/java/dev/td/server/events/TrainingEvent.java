package dev.td.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The events projections understand, read from the effective history. Every variant carries
 * where it sits in the log and when it happened in the person's time zone.
 */
public sealed interface TrainingEvent {

    UUID eventId();

    long sequence();

    OffsetDateTime occurredAt();

    /** The person's calendar date of the event. */
    default LocalDate date() {
        return occurredAt().toLocalDate();
    }

    /** The ISO week of the event in the person's time zone, e.g. {@code 2026-W48}. */
    default String isoWeek() {
        LocalDate d = date();
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    record SessionStarted(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String sessionId,
            Optional<String> name,
            Optional<String> notes)
            implements TrainingEvent {}

    record SessionEnded(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String sessionId,
            OptionalDouble sessionRpe,
            Optional<String> notes)
            implements TrainingEvent {}

    /**
     * One set. {@code weightKg} is the canonical load; {@code unit} the unit the person used.
     */
    record SetLogged(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String sessionId,
            String exercise,
            String exerciseId,
            OptionalDouble weightKg,
            Optional<String> unit,
            OptionalInt reps,
            OptionalDouble durationS,
            OptionalDouble distanceM,
            OptionalDouble rpe,
            OptionalDouble rir,
            SetType setType,
            Optional<String> supersetId)
            implements TrainingEvent {

        /** RPE as given, or derived from reps in reserve (RPE = 10 − RIR). */
        public OptionalDouble effectiveRpe() {
            if (rpe.isPresent()) {
                return rpe;
            }
            return rir.isPresent() ? OptionalDouble.of(10 - rir.getAsDouble()) : OptionalDouble.empty();
        }

        /** Working sets count for volume and records; warm-ups do not. */
        public boolean counts() {
            return setType != SetType.WARMUP;
        }

        /** A hard set: not a warm-up, and RPE 7+ (RIR ≤ 3) when effort was given. */
        public boolean hard() {
            return counts() && effectiveRpe().orElse(10) >= 7;
        }

        public double volumeKg() {
            return weightKg.orElse(0) * reps.orElse(0);
        }
    }

    record SupersetStarted(UUID eventId, long sequence, OffsetDateTime occurredAt, String sessionId, String supersetId)
            implements TrainingEvent {}

    record SupersetEnded(UUID eventId, long sequence, OffsetDateTime occurredAt, String sessionId, String supersetId)
            implements TrainingEvent {}

    record ProfileUpdated(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            Optional<ZoneId> timeZone,
            Optional<String> weightUnit,
            Optional<String> sex,
            OptionalInt birthYear,
            OptionalDouble bodyWeightKg,
            OptionalInt restingHr,
            OptionalInt maxHr,
            OptionalInt ftpW)
            implements TrainingEvent {}

    /** An injury reported or updated (same {@code injuryId}); lists are as the person told them. */
    record InjuryReported(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String injuryId,
            String bodyPart,
            Optional<String> said,
            String side,
            String severity,
            OptionalDouble pain,
            Optional<LocalDate> since,
            java.util.List<String> exercises,
            java.util.List<String> patterns,
            java.util.List<String> sports,
            Optional<String> notes)
            implements TrainingEvent {}

    record InjuryResolved(
            UUID eventId, long sequence, OffsetDateTime occurredAt, String injuryId, Optional<String> notes)
            implements TrainingEvent {}

    /** A program started (replacing the current one) or, as {@code ProgramPhaseChanged}, moved on. */
    record ProgramStarted(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String programId,
            String name,
            Optional<String> goal,
            Optional<String> phase,
            OptionalInt week,
            OptionalInt weeks,
            OptionalInt sessionsPerWeek,
            java.util.List<String> sessions,
            Optional<String> notes)
            implements TrainingEvent {}

    record ProgramPhaseChanged(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String programId,
            String phase,
            OptionalInt week,
            OptionalInt sessionsPerWeek,
            Optional<java.util.List<String>> sessions,
            Optional<String> notes)
            implements TrainingEvent {}

    /**
     * One reading of a metric as stored: the name as written (the metrics capability resolves aliases), a
     * number or a label, and the unit as given.
     */
    record MetricRecorded(
            UUID eventId,
            long sequence,
            OffsetDateTime occurredAt,
            String metric,
            Optional<java.math.BigDecimal> value,
            Optional<String> label,
            Optional<String> unit)
            implements TrainingEvent {}

    /**
     * One endurance activity (a run, a ride, a swim…) as logged: {@code occurredAt} is its start. The data is
     * kept as stored (distances and elevations in the unit the person used); the endurance capability reads
     * and normalizes it.
     */
    record ActivityLogged(
            UUID eventId, long sequence, OffsetDateTime occurredAt, String activityId, String sport, JsonNode data)
            implements TrainingEvent {}

    /** Set types as people log them. */
    enum SetType {
        WARMUP,
        WORKING,
        DROP,
        FAILURE,
        AMRAP;

        static SetType of(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Kilograms per pound (exact, by the international yard and pound agreement of 1959). */
    double KG_PER_LB = 0.45359237;

    /** The training event a fact stands for, if it is one projections understand. */
    static Optional<TrainingEvent> of(Fact f) {
        JsonNode d = f.data();
        return Optional.ofNullable(
                switch (f.type()) {
                    case "session.started" ->
                        new SessionStarted(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("session_id").asText(),
                                JsonFields.text(d, "name"),
                                JsonFields.text(d, "notes"));
                    case "session.ended" ->
                        new SessionEnded(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("session_id").asText(),
                                JsonFields.number(d, "session_rpe"),
                                JsonFields.text(d, "notes"));
                    case "set.logged" -> setLogged(f, d);
                    case "superset.started" ->
                        new SupersetStarted(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("session_id").asText(),
                                d.path("superset_id").asText());
                    case "superset.ended" ->
                        new SupersetEnded(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("session_id").asText(),
                                d.path("superset_id").asText());
                    case "metric.recorded" ->
                        new MetricRecorded(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("metric").asText(),
                                exact(d.get("value")),
                                JsonFields.text(d, "label"),
                                JsonFields.text(d, "unit"));
                    case "activity.logged" ->
                        new ActivityLogged(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("activity_id").asText(),
                                d.path("sport").asText(),
                                d);
                    case "profile.updated" ->
                        new ProfileUpdated(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                JsonFields.text(d, "time_zone").map(ZoneId::of),
                                JsonFields.text(d, "weight_unit"),
                                JsonFields.text(d, "sex"),
                                JsonFields.integer(d, "birth_year"),
                                JsonFields.number(d, "body_weight_kg"),
                                JsonFields.integer(d, "resting_hr"),
                                JsonFields.integer(d, "max_hr"),
                                JsonFields.integer(d, "ftp_w"));
                    case "injury.reported" ->
                        new InjuryReported(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("injury_id").asText(),
                                d.path("body_part").asText(),
                                JsonFields.text(d, "said"),
                                d.path("side").asText("none"),
                                d.path("severity").asText("mild"),
                                JsonFields.number(d, "pain"),
                                JsonFields.text(d, "since").map(LocalDate::parse),
                                JsonFields.texts(d.path("exercises")),
                                JsonFields.texts(d.path("patterns")),
                                JsonFields.texts(d.path("sports")),
                                JsonFields.text(d, "notes"));
                    case "injury.resolved" ->
                        new InjuryResolved(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("injury_id").asText(),
                                JsonFields.text(d, "notes"));
                    case "program.started" ->
                        new ProgramStarted(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("program_id").asText(),
                                d.path("name").asText(),
                                JsonFields.text(d, "goal"),
                                JsonFields.text(d, "phase"),
                                JsonFields.integer(d, "week"),
                                JsonFields.integer(d, "weeks"),
                                JsonFields.integer(d, "sessions_per_week"),
                                JsonFields.texts(d.path("sessions")),
                                JsonFields.text(d, "notes"));
                    case "program.phase_changed" ->
                        new ProgramPhaseChanged(
                                f.eventId(),
                                f.sequence(),
                                f.occurredAt(),
                                d.path("program_id").asText(),
                                d.path("phase").asText(),
                                JsonFields.integer(d, "week"),
                                JsonFields.integer(d, "sessions_per_week"),
                                d.has("sessions")
                                        ? Optional.of(JsonFields.texts(d.path("sessions")))
                                        : Optional.empty(),
                                JsonFields.text(d, "notes"));
                    default -> null;
                });
    }

    /** A number field as an exact decimal; empty when absent, not a number or not finite. */
    private static Optional<java.math.BigDecimal> exact(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return Optional.empty();
        }
        if (n.isFloatingPointNumber() && !n.isBigDecimal() && !Double.isFinite(n.doubleValue())) {
            return Optional.empty();
        }
        return Optional.of(n.decimalValue());
    }

    private static SetLogged setLogged(Fact f, JsonNode d) {
        JsonNode w = d.get("weight");
        OptionalDouble kg = w == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        "lb".equals(w.path("unit").asText())
                                ? w.path("value").asDouble() * KG_PER_LB
                                : w.path("value").asDouble());
        Optional<String> unit =
                w == null ? Optional.empty() : Optional.of(w.path("unit").asText());
        return new SetLogged(
                f.eventId(),
                f.sequence(),
                f.occurredAt(),
                d.path("session_id").asText(),
                d.path("exercise").asText(),
                d.path("exercise_id").asText(),
                kg,
                unit,
                JsonFields.integer(d, "reps"),
                JsonFields.number(d, "duration_s"),
                JsonFields.number(d, "distance_m"),
                JsonFields.number(d, "rpe"),
                JsonFields.number(d, "rir"),
                SetType.of(d.path("set_type").asText("working")),
                JsonFields.text(d, "superset_id"));
    }
}
