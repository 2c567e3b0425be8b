package dev.td.server.metrics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How metric names and aliases are compared: lower case, accents folded ("Körpergewicht" →
 * "korpergewicht", ß → ss), and words run together, so that {@code body_weight}, "Body Weight" and
 * "bodyweight" are one name. A name said in words becomes a snake_case one for a new metric ("Grip
 * Strength" → {@code grip_strength}). Typos are told apart from new names by the optimal string alignment
 * distance (Damerau 1964; Levenshtein 1966, adjacent transpositions counted once).
 */
final class MetricNames {

    /** What a stored metric name must look like (the metric.recorded schema's pattern). */
    static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private MetricNames() {}

    /** Lower case, accents folded, every run of other characters one space. */
    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("ß", "ss");
        String folded =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(folded).replaceAll(" ").strip();
    }

    /** The normalized name without spaces: the form names are compared in. */
    static String compact(String name) {
        return normalize(name).replace(" ", "");
    }

    /** The snake_case name of a new metric said in words ({@code "Grip Strength"} → {@code grip_strength}). */
    static String snake(String name) {
        return normalize(name).replace(' ', '_');
    }

    /**
     * The optimal string alignment distance: insertions, deletions, substitutions and transpositions of
     * adjacent characters, each costing 1.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The largest distance at which a name counts as a typo of a known one: 1 for names up to 5 characters,
     * 2 for longer ones ("hvr" is HRV, "weigth" is weight; "grip" is not "hrv").
     */
    static int typoDistance(String compact) {
        return compact.length() <= 5 ? 1 : 2;
    }
}
