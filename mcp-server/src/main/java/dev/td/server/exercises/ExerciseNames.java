package dev.td.server.exercises;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normal form names and aliases are compared in: lower case, accents folded
 * ("Bankdrücken" → "bankdrucken", ß → ss), every run of punctuation and spaces a single space
 * ("Bench Press (Barbell)" → "bench press barbell"). Folded here rather than by the unaccent
 * extension so that it is the same on every PostgreSQL.
 */
final class ExerciseNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ExerciseNames() {}

    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o");
        String folded =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(folded).replaceAll(" ").strip();
    }

    /** A readable id from a name: {@code "Sled Push (heavy)"} → {@code "sled-push-heavy"}, at most 60 characters. */
    static String slug(String name) {
        String slug = normalize(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "exercise" : slug;
    }
}
