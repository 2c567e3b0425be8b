package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.ToolException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: seconds ({@code 3150}, also as text), {@code m:ss} ({@code 52:30}) or {@code h:mm:ss}
 * ({@code 1:02:03}), a decimal fraction of a second allowed on the last part. Anything else is refused with the field
 * and the forms accepted; a minute or second part of 60 or more is refused rather than carried over, being far more
 * often a typo than meant. Shown back the same way, rounded to the second.
 */
final class Durations {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,7}");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,5}):(\\d{2}(?:\\.\\d{1,3})?)");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2}(?:\\.\\d{1,3})?)");

    private Durations() {}

    /** Seconds of a duration argument, more than zero; a tool error at {@code path} otherwise. */
    static double parse(JsonNode value, String path) {
        double seconds;
        if (value.isNumber()) {
            seconds = value.doubleValue();
        } else {
            seconds = parseText(value.asText().strip(), path);
        }
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw ToolException.invalid(
                    path, "the duration " + value.asText() + " is not more than zero; give the time it took");
        }
        return seconds;
    }

    private static double parseText(String text, String path) {
        if (SECONDS.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        Matcher m = MINUTES.matcher(text);
        if (m.matches()) {
            return Long.parseLong(m.group(1)) * 60 + secondsPart(m.group(2), text, path);
        }
        Matcher h = HOURS.matcher(text);
        if (h.matches()) {
            long minutes = Long.parseLong(h.group(2));
            if (minutes >= 60) {
                throw malformed(text, path, "the minutes (" + h.group(2) + ") must be under 60");
            }
            return Long.parseLong(h.group(1)) * 3600 + minutes * 60 + secondsPart(h.group(3), text, path);
        }
        throw malformed(text, path, "");
    }

    private static double secondsPart(String part, String text, String path) {
        double s = Double.parseDouble(part);
        if (s >= 60) {
            throw malformed(text, path, "the seconds (" + part + ") must be under 60");
        }
        return s;
    }

    private static ToolException malformed(String text, String path, String why) {
        return ToolException.invalid(
                path,
                "'" + text + "' is not a duration" + (why.isEmpty() ? "" : ": " + why)
                        + "; write seconds (3150), m:ss (52:30) or h:mm:ss (1:02:03)");
    }

    /** {@code 52:30} under an hour, {@code 1:02:03} from an hour on; rounded to the second. */
    static String text(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long rest = s % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, rest) : "%d:%02d".formatted(m, rest);
    }

    /** A pace, minutes and seconds per unit ({@code 5:15}, {@code 75:00}); rounded to the second. */
    static String pace(double secondsPerUnit) {
        long s = Math.round(secondsPerUnit);
        return "%d:%02d".formatted(s / 60, s % 60);
    }

    /** {@code v} rounded to {@code places} decimals, without trailing zeros ({@code 9977.9}, {@code 10}). */
    static BigDecimal round(double v, int places) {
        BigDecimal r =
                BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
