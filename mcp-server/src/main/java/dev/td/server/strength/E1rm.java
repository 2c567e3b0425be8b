package dev.td.server.strength;

import dev.td.server.capability.Published;
import dev.td.server.events.TrainingEvent;
import dev.td.statistics.sport.OneRepMax;
import java.util.Optional;

/**
 * The estimated one-repetition maximum of a set, and how it was estimated: the RTS chart when the
 * set has an RPE (or RIR) the chart covers, else Epley (1985). Sets of more than 12 reps, without
 * load, or warm-ups give no estimate: those estimates are too loose to track strength by. Published so
 * that every answer about a set's e1RM (progression, records, evidence for a claim) estimates it alike.
 *
 * @param method {@code rts_rpe} or {@code epley}
 */
@Published
public record E1rm(double kg, String method) {

    static final int MAX_REPS = 12;

    /** The set's estimate; empty for warm-ups, sets without load or reps, and sets of more than 12 reps. */
    public static Optional<E1rm> of(TrainingEvent.SetLogged set) {
        if (!set.counts() || set.weightKg().isEmpty() || set.reps().isEmpty()) {
            return Optional.empty();
        }
        double kg = set.weightKg().getAsDouble();
        int reps = set.reps().getAsInt();
        if (kg <= 0 || reps < 1 || reps > MAX_REPS) {
            return Optional.empty();
        }
        if (set.effectiveRpe().isPresent()) {
            double rpe = set.effectiveRpe().getAsDouble();
            if (rpe >= 6 && rpe <= 10 && rpe * 2 == Math.rint(rpe * 2) && !(reps == 12 && rpe == 6)) {
                return Optional.of(new E1rm(OneRepMax.fromRpe(kg, reps, rpe), "rts_rpe"));
            }
        }
        return Optional.of(new E1rm(OneRepMax.epley(kg, reps), "epley"));
    }
}
