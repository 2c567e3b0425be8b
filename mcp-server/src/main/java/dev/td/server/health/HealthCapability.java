package dev.td.server.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Health and plan: injuries and what they affect, the training program and its phases, free notes; and the
 * context of every training answer about them. Uses the person's exercises (injuries name them, answers are
 * about them) and profile (the person's today). Publishes {@link Health} once installed.
 */
public final class HealthCapability implements Capability, Health {

    private final Profiles profiles;
    private final Exercises exercises;
    private final InjuryProjection injuries = new InjuryProjection();
    private final ProgramProjection programs = new ProgramProjection();
    private volatile Optional<HealthViews> views = Optional.empty();

    public HealthCapability(Profiles profiles, Exercises exercises) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.exercises = Objects.requireNonNull(exercises, "exercises");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(injuries, programs);
    }

    @Override
    public void install(Platform platform) {
        BodyParts parts = BodyParts.bundled();
        HealthViews installed = new HealthViews(platform.projections(), parts, injuries, programs);
        new HealthTools(platform.events(), profiles, exercises, parts, installed).register(platform.tools());
        platform.tools().after(new HealthContext(installed, exercises, profiles));
        views = Optional.of(installed);
    }

    @Override
    public List<ObjectNode> activeInjuries(UUID user, LocalDate day) {
        return installed().activeInjuries(user, day);
    }

    @Override
    public Optional<ObjectNode> programOn(UUID user, LocalDate day) {
        return installed().programOn(user, day);
    }

    @Override
    public List<Block> blocksUpTo(UUID user, LocalDate day) {
        return installed().blocksUpTo(user, day);
    }

    private HealthViews installed() {
        return views.orElseThrow(() -> new IllegalStateException("the health capability is not installed yet"));
    }
}
