package dev.td.server.load;

import dev.td.server.events.JsonFields;
import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of every session's load, folded per calendar month of the person's dates ({@code 2026-11}): a
 * strength session's start, working sets with their RPE, end and session RPE; an activity's times, heart rate,
 * power and RPE (keyed by its activity id). A session that runs past midnight into the next month has a part in each month; readers merge
 * the parts by id ({@link SessionInput#merge}). Loads themselves are computed when asked, with the person's
 * profile of that moment (resting and maximal heart rate, FTP), so a changed profile needs no rebuild.
 */
final class LoadProjection extends NamedProjection<LoadMonth> {

    static final String NAME = "load_inputs";
    static final int VERSION = 1;

    LoadProjection() {
        super(NAME, VERSION, LoadMonth.class);
    }

    /** The key of a date: its year and month. */
    static String month(java.time.LocalDate day) {
        return day.toString().substring(0, 7);
    }

    @Override
    public LoadMonth empty(String key) {
        return LoadMonth.empty();
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.SessionStarted s -> List.of(month(s.date()));
            case TrainingEvent.SetLogged s -> List.of(month(s.date()));
            case TrainingEvent.SessionEnded s -> List.of(month(s.date()));
            case TrainingEvent.ActivityLogged a -> List.of(month(a.date()));
            default -> List.of();
        };
    }

    @Override
    public LoadMonth apply(LoadMonth state, TrainingEvent event) {
        long at = event.occurredAt().toEpochSecond();
        String day = event.date().toString();
        return switch (event) {
            case TrainingEvent.SessionStarted s -> state.with(strength(state, s.sessionId(), day, at));
            case TrainingEvent.SetLogged s ->
                state.with(strength(state, s.sessionId(), day, at).withSet(s.counts(), s.effectiveRpe()));
            case TrainingEvent.SessionEnded s ->
                state.with(strength(state, s.sessionId(), day, at).endedAt(at, s.sessionRpe()));
            case TrainingEvent.ActivityLogged a -> state.with(activity(a, day, at));
            default -> state;
        };
    }

    /** An activity's load inputs from its data: times in seconds, heart rate in bpm, power in W, RPE (CR-10). */
    private static SessionInput activity(TrainingEvent.ActivityLogged a, String day, long at) {
        var d = a.data();
        var elapsed = JsonFields.number(d, "elapsed_s");
        return new SessionInput(
                a.activityId(),
                SessionInput.ACTIVITY,
                Optional.of(a.sport()),
                day,
                at,
                at + (long) elapsed.orElse(0),
                true,
                0,
                0,
                0,
                JsonFields.number(d, "rpe"),
                JsonFields.number(d, "moving_s"),
                elapsed,
                JsonFields.number(d, "avg_hr"),
                JsonFields.number(d, "normalized_power_w"));
    }

    private static SessionInput strength(LoadMonth state, String id, String day, long at) {
        return Optional.ofNullable(state.sessions().get(id))
                .map(s -> s.at(day, at))
                .orElseGet(() -> SessionInput.strength(id, day, at));
    }
}
