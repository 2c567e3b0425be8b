package dev.td.server.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.statistics.Alternative;
import dev.td.tools.ToolException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the arguments of the stats tools into arrays, checking what the input schema cannot:
 * finite values, matching lengths, constant series and timestamps, each refused with the JSON
 * path of the offending field and what to do about it.
 */
final class StatisticsInput {

    private static final double SECONDS_PER_DAY = 86_400;

    private StatisticsInput() {}

    /** The numbers of the array at {@code path}; a value too large for a double is refused at its index. */
    static double[] numbers(JsonNode array, String path) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            double value = array.get(i).doubleValue();
            if (!Double.isFinite(value)) {
                throw ToolException.invalid(
                        path + "[" + i + "]",
                        path + "[" + i + "] = " + array.get(i).asText()
                                + " is outside the range of a double (about ±1.8e308); rescale the data or remove the value");
            }
            values[i] = value;
        }
        return values;
    }

    /** The numbers at {@code path} exactly as written (JSON decimals), after the same checks as {@link #numbers}. */
    static java.math.BigDecimal[] decimals(JsonNode array, String path) {
        numbers(array, path);
        java.math.BigDecimal[] values = new java.math.BigDecimal[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).decimalValue();
        }
        return values;
    }

    static double confidenceLevel(ObjectNode arguments) {
        return arguments.path("confidence_level").asDouble(0.95);
    }

    /** 1 − confidence level, rounded to the decimal the caller meant (1 − 0.95 is 0.05, not 0.050000000000000044). */
    static double alpha(ObjectNode arguments) {
        return java.math.BigDecimal.ONE
                .subtract(java.math.BigDecimal.valueOf(confidenceLevel(arguments)))
                .doubleValue();
    }

    static Alternative alternative(ObjectNode arguments) {
        return StatisticsJson.alternative(arguments.path("alternative").asText("two_sided"));
    }

    /** Refuses {@code actual} values at {@code path} when {@code expected} are needed to pair with another field. */
    static void requireLength(String path, int actual, int expected, String pairedWith) {
        if (actual != expected) {
            throw ToolException.invalid(
                    path,
                    path.substring(2) + " has " + actual + " values but " + pairedWith + " has " + expected
                            + ": give one value per " + pairedWith + " value, in the same order");
        }
    }

    static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a constant series at {@code path}, saying why {@code analysis} needs variation. */
    static void requireVariation(String path, double[] values, String analysis) {
        if (constant(values)) {
            throw ToolException.invalid(
                    path,
                    "every value of " + path.substring(2) + " is " + StatisticsJson.brief(values[0]) + ": " + analysis);
        }
    }

    /**
     * Each timestamp as days since the epoch: a date is its start, a date-time with offset its
     * instant, a date-time without offset is read as UTC (only differences matter).
     */
    static double[] days(JsonNode timestamps, String path) {
        double[] days = new double[timestamps.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = day(timestamps.get(i).asText(), path + "[" + i + "]");
        }
        return days;
    }

    private static double day(String text, String path) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).toEpochDay();
            }
            try {
                return OffsetDateTime.parse(text).toEpochSecond() / SECONDS_PER_DAY;
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC) / SECONDS_PER_DAY;
            }
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(
                    path,
                    path + " = '" + text + "' is not an ISO-8601 date (2026-11-24) or date-time"
                            + " (2026-11-24T07:30:00+01:00, or 2026-11-24T07:30:00 without offset)");
        }
    }
}
