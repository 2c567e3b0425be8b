package dev.td.server.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import dev.td.server.profile.DayRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What other capabilities read of a person's health and plan: the injuries active on a day and the program
 * phase they were in, each already in the shape answers show it, and the blocks (program phases) of their
 * training with their days.
 */
@Published
public interface Health {

    /** The injuries active on {@code day} (the person's date), oldest onset first, as answers show them. */
    List<ObjectNode> activeInjuries(UUID user, LocalDate day);

    /** The program and phase on {@code day}, as answers show them in context; empty without a program. */
    Optional<ObjectNode> programOn(UUID user, LocalDate day);

    /**
     * A block of training: one phase of a program, from the day it began to the day before the next phase (of this
     * program or a later one) began.
     *
     * @param phase the phase's name; empty for a program started without naming one
     */
    record Block(String program, Optional<String> phase, DayRange days) {
        public Block {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(days, "days");
        }
    }

    /**
     * The blocks begun on or before {@code day}, oldest first; the last (the current block) ends on {@code day}. A
     * phase that began the same day as a later one is left out (the later one replaced it).
     */
    List<Block> blocksUpTo(UUID user, LocalDate day);
}
