package dev.td.server.health;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Optional;

/**
 * Every injury of the person by id: a report sets or updates it (the latest report's fields; the onset and the
 * first report date stay unless a report names another onset), a resolution closes it, a later report of the
 * same id reopens it. Key: the injury id.
 */
final class InjuryProjection extends NamedProjection<Injury> {

    static final String NAME = "injuries";
    static final int VERSION = 1;

    InjuryProjection() {
        super(NAME, VERSION, Injury.class);
    }

    @Override
    public Injury empty(String key) {
        return Injury.none(key);
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.InjuryReported r -> List.of(r.injuryId());
            case TrainingEvent.InjuryResolved r -> List.of(r.injuryId());
            default -> List.of();
        };
    }

    @Override
    public Injury apply(Injury s, TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.InjuryReported r -> {
                boolean first = !s.exists();
                yield new Injury(
                        r.injuryId(),
                        r.bodyPart(),
                        r.said().or(s::said),
                        r.side(),
                        r.severity(),
                        r.pain(),
                        r.since().map(Object::toString).orElse(first ? r.date().toString() : s.since()),
                        first ? r.date().toString() : s.reported(),
                        r.date().toString(),
                        s.reports() + 1,
                        r.exercises(),
                        r.patterns(),
                        r.sports(),
                        r.notes().or(s::notes),
                        Optional.empty(),
                        Optional.empty());
            }
            case TrainingEvent.InjuryResolved r ->
                s.exists()
                        ? new Injury(
                                s.injuryId(),
                                s.bodyPart(),
                                s.said(),
                                s.side(),
                                s.severity(),
                                s.pain(),
                                s.since(),
                                s.reported(),
                                s.updated(),
                                s.reports(),
                                s.exercises(),
                                s.patterns(),
                                s.sports(),
                                s.notes(),
                                Optional.of(r.date().toString()),
                                r.notes())
                        : s;
            default -> s;
        };
    }
}
