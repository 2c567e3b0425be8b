package dev.td.server.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One training program as its events left it. Dates are the person's calendar dates (ISO, as stored).
 *
 * @param startedSequence the log position of its start: the latest started program is the current one
 * @param phases every phase so far, oldest first; the last is the current phase
 */
record Program(
        String programId,
        String name,
        Optional<String> goal,
        String started,
        long startedSequence,
        OptionalInt weeks,
        OptionalInt sessionsPerWeek,
        List<String> sessions,
        Optional<String> notes,
        List<Phase> phases) {

    /**
     * A phase and the week of it the person was in on the day it began.
     *
     * @param phase empty for a program started without naming one
     */
    record Phase(Optional<String> phase, String since, int week) {
        Phase {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(since, "since");
            if (week < 1) {
                throw new IllegalArgumentException("week must be ≥ 1, was " + week);
            }
        }

        /** The week of this phase on {@code day}: the starting week plus whole weeks since. */
        int weekOn(LocalDate day) {
            long days = ChronoUnit.DAYS.between(LocalDate.parse(since), day);
            return week + (int) Math.max(0, Math.floorDiv(days, 7));
        }
    }

    Program {
        Objects.requireNonNull(programId, "programId");
        sessions = List.copyOf(sessions);
        phases = List.copyOf(phases);
    }

    static Program none(String programId) {
        return new Program(
                programId,
                "",
                Optional.empty(),
                LocalDate.EPOCH.toString(),
                0,
                OptionalInt.empty(),
                OptionalInt.empty(),
                List.of(),
                Optional.empty(),
                List.of());
    }

    boolean exists() {
        return startedSequence > 0;
    }

    Optional<Phase> currentPhase() {
        return phases.isEmpty() ? Optional.empty() : Optional.of(phases.getLast());
    }

    /** The program week on {@code day}: 1 in the week it started. */
    int programWeekOn(LocalDate day) {
        return 1 + (int) Math.max(0, Math.floorDiv(ChronoUnit.DAYS.between(LocalDate.parse(started), day), 7));
    }

    Program withPhase(Phase next, OptionalInt perWeek, Optional<List<String>> plan, Optional<String> note) {
        List<Phase> all = new ArrayList<>(phases);
        all.add(next);
        return new Program(
                programId,
                name,
                goal,
                started,
                startedSequence,
                weeks,
                perWeek.isPresent() ? perWeek : sessionsPerWeek,
                plan.orElse(sessions),
                note.or(() -> notes),
                all);
    }
}
