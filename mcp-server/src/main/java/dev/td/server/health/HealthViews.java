package dev.td.server.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.DayRange;
import dev.td.server.projections.ProjectionEngine;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Injuries and programs read from their projections, and the JSON answers show them in. */
final class HealthViews implements Health {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ProjectionEngine projections;
    private final BodyParts parts;
    private final InjuryProjection injuries;
    private final ProgramProjection programs;

    HealthViews(ProjectionEngine projections, BodyParts parts, InjuryProjection injuries, ProgramProjection programs) {
        this.projections = projections;
        this.parts = parts;
        this.injuries = injuries;
        this.programs = programs;
    }

    /** Every injury the person reported, oldest onset first. */
    List<Injury> injuries(UUID user) {
        return projections.readAll(user, injuries).values().stream()
                .filter(Injury::exists)
                .sorted(Comparator.comparing(Injury::since).thenComparing(Injury::injuryId))
                .toList();
    }

    Optional<Injury> injury(UUID user, String injuryId) {
        return projections.read(user, injuries, injuryId).filter(Injury::exists);
    }

    List<Injury> activeOn(UUID user, LocalDate day) {
        return injuries(user).stream().filter(i -> i.activeOn(day)).toList();
    }

    Affects affects(Injury injury) {
        return Affects.of(injury, parts);
    }

    /** Every program, the current (latest started) first. */
    List<Program> programs(UUID user) {
        return projections.readAll(user, programs).values().stream()
                .filter(Program::exists)
                .sorted(Comparator.comparingLong(Program::startedSequence).reversed())
                .toList();
    }

    Optional<Program> current(UUID user) {
        return programs(user).stream().findFirst();
    }

    @Override
    public List<ObjectNode> activeInjuries(UUID user, LocalDate day) {
        return activeOn(user, day).stream().map(i -> brief(i, day)).toList();
    }

    @Override
    public Optional<ObjectNode> programOn(UUID user, LocalDate day) {
        return programs(user).stream()
                .filter(p -> !LocalDate.parse(p.started()).isAfter(day))
                .findFirst()
                .map(p -> brief(p, day));
    }

    @Override
    public List<Block> blocksUpTo(UUID user, LocalDate day) {
        record Begun(Program program, Program.Phase phase) {}
        List<Begun> begun = new ArrayList<>();
        List<Program> oldestFirst = new ArrayList<>(programs(user));
        Collections.reverse(oldestFirst);
        for (Program p : oldestFirst) {
            for (Program.Phase ph : p.phases()) {
                if (!LocalDate.parse(ph.since()).isAfter(day)) {
                    begun.add(new Begun(p, ph));
                }
            }
        }
        // by the day each began; among phases begun on one day the last logged stays (a stable sort keeps log order)
        begun.sort(Comparator.comparing(b -> b.phase().since()));
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < begun.size(); i++) {
            LocalDate since = LocalDate.parse(begun.get(i).phase().since());
            LocalDate end = i + 1 < begun.size()
                    ? LocalDate.parse(begun.get(i + 1).phase().since()).minusDays(1)
                    : day;
            if (!end.isBefore(since)) {
                blocks.add(new Block(
                        begun.get(i).program().name(), begun.get(i).phase().phase(), new DayRange(since, end)));
            }
        }
        return List.copyOf(blocks);
    }

    /** An injury in a line's worth of fields, for context. */
    ObjectNode brief(Injury i, LocalDate day) {
        ObjectNode n = JSON.objectNode();
        n.put("injury_id", i.injuryId());
        n.put("body_part", i.bodyPart());
        if (!i.side().equals("none")) {
            n.put("side", i.side());
        }
        n.put("severity", i.severity());
        n.put("since", i.since());
        n.put("days", ChronoUnit.DAYS.between(LocalDate.parse(i.since()), day));
        return n;
    }

    /** An injury with everything td knows of it, for get_injuries and the answers of the injury tools. */
    ObjectNode full(Injury i, LocalDate today) {
        ObjectNode n = JSON.objectNode();
        n.put("injury_id", i.injuryId());
        n.put("body_part", i.bodyPart());
        i.said().ifPresent(s -> n.put("said", s));
        n.put("side", i.side());
        n.put("severity", i.severity());
        if (i.pain().isPresent()) {
            n.put("pain", i.pain().getAsDouble());
        }
        n.put("status", i.activeOn(today) ? "active" : i.resolved().isPresent() ? "resolved" : "not_yet_begun");
        n.put("since", i.since());
        LocalDate end = i.resolved().map(LocalDate::parse).orElse(today);
        n.put("days", Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(i.since()), end)));
        i.resolved().ifPresent(r -> n.put("resolved", r));
        i.resolution().ifPresent(r -> n.put("resolution", r));
        n.put("reported", i.reported());
        n.put("reports", i.reports());
        n.set("affects", affects(i).toJson());
        i.notes().ifPresent(s -> n.put("notes", s));
        return n;
    }

    /** The program with its phase and weeks on {@code day}, for context. */
    ObjectNode brief(Program p, LocalDate day) {
        ObjectNode n = JSON.objectNode();
        n.put("program_id", p.programId());
        n.put("name", p.name());
        p.currentPhase().ifPresent(ph -> {
            ph.phase().ifPresent(name -> n.put("phase", name));
            n.put("phase_week", ph.weekOn(day));
        });
        n.put("program_week", p.programWeekOn(day));
        p.weeks().ifPresent(w -> n.put("weeks", w));
        p.sessionsPerWeek().ifPresent(s -> n.put("sessions_per_week", s));
        return n;
    }

    /** The program with its plan and phases, for get_program and the answers of the program tools. */
    ObjectNode full(Program p, LocalDate today) {
        ObjectNode n = brief(p, today);
        p.goal().ifPresent(g -> n.put("goal", g));
        n.put("started", p.started());
        p.currentPhase().ifPresent(ph -> n.put("phase_since", ph.since()));
        p.sessions().forEach(n.putArray("sessions")::add);
        p.notes().ifPresent(s -> n.put("notes", s));
        var phases = n.putArray("phases");
        for (Program.Phase ph : p.phases()) {
            ObjectNode row = phases.addObject();
            ph.phase().ifPresent(name -> row.put("phase", name));
            row.put("since", ph.since());
            row.put("week", ph.week());
        }
        return n;
    }
}
