package dev.td.archfixture.exercises;

import dev.td.archfixture.events.Log;

/** Closes a cycle: exercises → events → strength → exercises. */
public final class UsesLog {

    public static int log(String exercise) {
        return Log.append(exercise);
    }
}
