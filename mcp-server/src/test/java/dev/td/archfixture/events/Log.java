package dev.td.archfixture.events;

import dev.td.archfixture.strength.LeakyWorkouts;

/** Breaks the layers: the event log calls up into a domain (and the domain's fixture package has no way back, yet). */
public final class Log {

    public static int append(String exercise) {
        return LeakyWorkouts.log(exercise);
    }
}
