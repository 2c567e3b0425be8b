package dev.td.archfixture.strength;

import dev.td.archfixture.exercises.CatalogInternals;
import io.helidon.http.Status;

/** Breaks two rules: uses another capability's unpublished class, and Helidon outside the faces. */
public final class LeakyWorkouts {

    public static int log(String exercise) {
        return CatalogInternals.resolve(exercise).isEmpty() ? Status.BAD_REQUEST_400.code() : Status.OK_200.code();
    }
}
