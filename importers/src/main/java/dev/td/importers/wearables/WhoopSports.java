package dev.td.importers.wearables;

import java.util.Locale;
import java.util.Map;

/**
 * td's sport for a WHOOP {@code Activity name}: the sports td checks pace or speed for by td's name (Running → run,
 * Cycling → ride, Hiking/Rucking → hike…), the lifting ones as strength, WHOOP's unnamed {@code Activity} as other,
 * and any other name in snake_case ({@code Functional Fitness} → {@code functional_fitness}). The names are those of
 * WHOOP's sport list (developer.whoop.com, "WHOOP Sports").
 */
final class WhoopSports {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("running", "run"),
            Map.entry("cycling", "ride"),
            Map.entry("walking", "walk"),
            Map.entry("hiking/rucking", "hike"),
            Map.entry("hiking", "hike"),
            Map.entry("swimming", "swim"),
            Map.entry("rowing", "row"),
            Map.entry("skiing", "ski"),
            Map.entry("cross country skiing", "ski"),
            Map.entry("weightlifting", "strength"),
            Map.entry("powerlifting", "strength"),
            Map.entry("strength trainer", "strength"),
            Map.entry("activity", "other"),
            Map.entry("other", "other"));

    private static final int MAX = 40;

    private WhoopSports() {}

    static String of(String activityName) {
        String lower = activityName.strip().toLowerCase(Locale.ROOT);
        String known = KNOWN.get(lower);
        if (known != null) {
            return known;
        }
        String snake = lower.replaceAll("[^a-z0-9]+", "_").replaceAll("^[^a-z]+|_+$", "");
        if (snake.length() > MAX) {
            snake = snake.substring(0, MAX).replaceAll("_+$", "");
        }
        return snake.isEmpty() ? "other" : snake;
    }
}
