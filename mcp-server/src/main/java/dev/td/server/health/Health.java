package dev.td.server.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other capabilities read of a person's health and plan: the injuries active on a day and the program
 * phase they were in, each already in the shape answers show it.
 */
@Published
public interface Health {

    /** The injuries active on {@code day} (the person's date), oldest onset first, as answers show them. */
    List<ObjectNode> activeInjuries(UUID user, LocalDate day);

    /** The program and phase on {@code day}, as answers show them in context; empty without a program. */
    Optional<ObjectNode> programOn(UUID user, LocalDate day);
}
