package dev.td.archfixture.exercises;

/** Not published: another capability must not use it. */
public final class CatalogInternals {

    public static String resolve(String name) {
        return name.strip();
    }
}
