package dev.td.archfixture.exercises;

import dev.td.archfixture.capability.Capability;

/** Makes exercises a domain of the fixture. */
public final class ExercisesCapability implements Capability {

    @Override
    public String name() {
        return "exercises";
    }
}
