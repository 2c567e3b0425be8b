package dev.td.server.load;

import dev.td.server.events.Hypothetical;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profile;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.server.projections.ProjectionEngine;
import dev.td.statistics.load.LoadModel;
import dev.td.statistics.load.LoadSeries;
import dev.td.statistics.sport.Sex;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's load history as one computation: every session's inputs (the month parts merged), each measured
 * by one method, summed per day from the first session to the last day asked, and run through the statistics
 * module's load model (PMC, workload ratios, monotony and strain) from zero on the day before the first session.
 */
final class LoadViews {

    private final ProjectionEngine projections;
    private final LoadProjection inputs;
    private final Profiles profiles;

    LoadViews(ProjectionEngine projections, LoadProjection inputs, Profiles profiles) {
        this.projections = projections;
        this.inputs = inputs;
        this.profiles = profiles;
    }

    /** One session measured (or not) under a method. */
    record SessionLoad(SessionInput session, Optional<LoadMethod.Measured> load, Optional<String> missing) {}

    /**
     * The history up to {@code lastDay}.
     *
     * @param firstDay the day of the first session, the series' first day (empty without sessions)
     * @param series one day per date from firstDay to lastDay (empty without sessions)
     * @param sessions every session up to lastDay, measured or with why not
     */
    record History(
            LoadMethod method,
            LoadModel model,
            Optional<LocalDate> firstDay,
            LocalDate lastDay,
            Optional<LoadSeries> series,
            List<SessionLoad> sessions) {

        /** The series' day for a date, if the series reaches it. */
        Optional<dev.td.statistics.load.LoadDay> on(LocalDate day) {
            if (firstDay.isEmpty() || series.isEmpty() || day.isBefore(firstDay.get()) || day.isAfter(lastDay)) {
                return Optional.empty();
            }
            return Optional.of(series.get().days().get((int) ChronoUnit.DAYS.between(firstDay.get(), day)));
        }
    }

    /** What a history was computed from: the person, method, last day, physiology and the month states read. */
    private record Computed(UUID user, LoadMethod method, LocalDate lastDay, LoadMethod.Physiology body) {}

    /**
     * Histories computed lately, each with the month states it was computed from. The engine hands out the same
     * parsed state object while a month's row is unchanged, so a history whose months are all the very objects read
     * now is still exact, and is reused; any write to a month (by any process) gives a new object and a new history.
     */
    private final Map<Computed, Map.Entry<List<LoadMonth>, History>> computed =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Computed, Map.Entry<List<LoadMonth>, History>> e) {
                    return size() > 256;
                }
            });

    History history(UUID user, LoadMethod method, LocalDate lastDay) {
        LoadMethod.Physiology body = physiology(profiles.profile(user));
        List<LoadMonth> months = List.copyOf(projections.readAll(user, inputs).values());
        Computed key = new Computed(user, method, lastDay, body);
        Map.Entry<List<LoadMonth>, History> known = computed.get(key);
        if (known != null && sameObjects(known.getKey(), months)) {
            return known.getValue();
        }
        History h = compute(method, lastDay, body, months);
        if (!Hypothetical.active() && !AsOf.active()) {
            // a what-if's months are states of a transaction that is rolled back, a past read's the past: not kept
            computed.put(key, Map.entry(months, h));
        }
        return h;
    }

    @SuppressWarnings("ReferenceEquality") // identity is the point: the engine's parsed state of an unchanged row
    private static boolean sameObjects(List<LoadMonth> a, List<LoadMonth> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static History compute(
            LoadMethod method, LocalDate lastDay, LoadMethod.Physiology body, List<LoadMonth> months) {
        List<SessionLoad> sessions = new ArrayList<>();
        for (SessionInput s : merged(months)) {
            if (LocalDate.parse(s.day()).isAfter(lastDay)) {
                continue;
            }
            Optional<LoadMethod.Measured> load = method.measure(s, body);
            sessions.add(new SessionLoad(
                    s, load, load.isPresent() ? Optional.empty() : Optional.of(method.missing(s, body))));
        }
        LoadModel model = LoadModel.withDefaults();
        if (sessions.isEmpty()) {
            return new History(method, model, Optional.empty(), lastDay, Optional.empty(), sessions);
        }
        LocalDate first = LocalDate.parse(sessions.getFirst().session().day());
        double[] daily = new double[(int) ChronoUnit.DAYS.between(first, lastDay) + 1];
        for (SessionLoad s : sessions) {
            if (s.load().isPresent()) {
                daily[
                        (int) ChronoUnit.DAYS.between(
                                first, LocalDate.parse(s.session().day()))] += s.load()
                        .get()
                        .value();
            }
        }
        return new History(method, model, Optional.of(first), lastDay, Optional.of(model.series(daily)), sessions);
    }

    /** The sessions of a range, the last one up to its last day, and the fatigue state on that day: one history. */
    TrainingLoad.Recent recent(UUID user, DayRange days) {
        History h = history(user, LoadMethod.SESSION_RPE, days.to());
        // sessions in day order: walk back from the last one while it is in the range (ISO days compare as text)
        String from = days.from().toString();
        String to = days.to().toString();
        java.util.ArrayDeque<TrainedSession> in = new java.util.ArrayDeque<>();
        for (int i = h.sessions().size() - 1; i >= 0; i--) {
            String day = h.sessions().get(i).session().day();
            if (day.compareTo(from) < 0) {
                break;
            }
            if (day.compareTo(to) <= 0) {
                in.addFirst(trained(h.sessions().get(i)));
            }
        }
        Optional<TrainedSession> last = h.sessions().isEmpty()
                ? Optional.empty()
                : Optional.of(trained(h.sessions().getLast()));
        return new TrainingLoad.Recent(List.copyOf(in), last, fatigue(h, days.to()));
    }

    private static TrainedSession trained(SessionLoad s) {
        SessionInput i = s.session();
        return new TrainedSession(
                i.id(),
                i.kind().equals(SessionInput.STRENGTH) ? TrainedSession.STRENGTH : TrainedSession.ENDURANCE,
                i.sport(),
                LocalDate.parse(i.day()),
                LoadMethod.minutes(i),
                i.workingSets(),
                s.load().map(m -> java.util.OptionalDouble.of(m.value())).orElse(java.util.OptionalDouble.empty()));
    }

    /** Where the person stands on a day by session-RPE load; empty before the first session. */
    Optional<FatigueState> fatigueOn(UUID user, LocalDate day) {
        return fatigue(history(user, LoadMethod.SESSION_RPE, day), day);
    }

    private static Optional<FatigueState> fatigue(History h, LocalDate day) {
        return h.on(day)
                .map(d -> FatigueState.of(
                        day, (int) ChronoUnit.DAYS.between(h.firstDay().orElseThrow(), day) + 1, d));
    }

    private static LoadMethod.Physiology physiology(Profile p) {
        return new LoadMethod.Physiology(
                p.restingHr(), p.maxHr(), p.sex().map(s -> s.equals("female") ? Sex.FEMALE : Sex.MALE), p.ftpW());
    }

    /** Sessions merged across their month parts, in order of their day and start. */
    static List<SessionInput> merged(Collection<LoadMonth> months) {
        Map<String, SessionInput> byId = new LinkedHashMap<>();
        for (LoadMonth m : months) {
            m.sessions().values().forEach(s -> byId.merge(s.id(), s, SessionInput::merge));
        }
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(SessionInput::day)
                        .thenComparingLong(SessionInput::start)
                        .thenComparing(SessionInput::id))
                .toList();
    }
}
