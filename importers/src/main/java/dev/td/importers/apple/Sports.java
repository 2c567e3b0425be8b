package dev.td.importers.apple;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * td's sport for a {@code workoutActivityType}: the common ones by name (Running → run, both strength types →
 * strength, the three snow sports → ski), any other as the snake_case of its name ({@code MixedCardio} →
 * {@code mixed_cardio}).
 */
final class Sports {

    private static final String PREFIX = "HKWorkoutActivityType";
    private static final Pattern SPORT = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("Running", "run"),
            Map.entry("Cycling", "ride"),
            Map.entry("Walking", "walk"),
            Map.entry("Hiking", "hike"),
            Map.entry("Swimming", "swim"),
            Map.entry("Rowing", "row"),
            Map.entry("TraditionalStrengthTraining", "strength"),
            Map.entry("FunctionalStrengthTraining", "strength"),
            Map.entry("Yoga", "yoga"),
            Map.entry("HighIntensityIntervalTraining", "hiit"),
            Map.entry("CrossCountrySkiing", "ski"),
            Map.entry("DownhillSkiing", "ski"),
            Map.entry("Snowboarding", "ski"));

    private Sports() {}

    static String of(String activityType) {
        String name = activityType.startsWith(PREFIX) ? activityType.substring(PREFIX.length()) : activityType;
        String known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        String snake = snakeCase(name);
        if (snake.length() > 40) {
            snake = snake.substring(0, 40);
        }
        return SPORT.matcher(snake).matches() ? snake : "other";
    }

    /** {@code MixedCardio} → {@code mixed_cardio}; {@code HIIT} stays one word ({@code hiit}). */
    private static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = Character.isUpperCase(c);
            boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
            boolean beforeLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
            if (upper && i > 0 && (afterLower || beforeLower) && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_');
        }
        return out.toString();
    }
}
