package dev.td.archfixture.strength;

import dev.td.archfixture.capability.Capability;

/** Makes strength a domain of the fixture. */
public final class StrengthCapability implements Capability {

    @Override
    public String name() {
        return "strength";
    }
}
