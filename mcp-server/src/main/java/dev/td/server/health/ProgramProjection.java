package dev.td.server.health;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Optional;

/**
 * The person's programs by id: a start sets one up with its first phase (a start under an id already used
 * starts it afresh), a phase change appends a phase. The program started last is the current one. Key: the
 * program id.
 */
final class ProgramProjection extends NamedProjection<Program> {

    static final String NAME = "programs";
    static final int VERSION = 1;

    ProgramProjection() {
        super(NAME, VERSION, Program.class);
    }

    @Override
    public Program empty(String key) {
        return Program.none(key);
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.ProgramStarted p -> List.of(p.programId());
            case TrainingEvent.ProgramPhaseChanged p -> List.of(p.programId());
            default -> List.of();
        };
    }

    @Override
    public Program apply(Program s, TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.ProgramStarted p ->
                new Program(
                        p.programId(),
                        p.name(),
                        p.goal(),
                        p.date().toString(),
                        p.sequence(),
                        p.weeks(),
                        p.sessionsPerWeek(),
                        p.sessions(),
                        p.notes(),
                        List.of(new Program.Phase(
                                p.phase(), p.date().toString(), p.week().orElse(1))));
            case TrainingEvent.ProgramPhaseChanged p ->
                s.exists()
                        ? s.withPhase(
                                new Program.Phase(
                                        Optional.of(p.phase()),
                                        p.date().toString(),
                                        p.week().orElse(1)),
                                p.sessionsPerWeek(),
                                p.sessions(),
                                p.notes())
                        : s;
            default -> s;
        };
    }
}
