package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;

/**
 * The ranges a logged set falls in when a human did it: outside them a value is far more likely a
 * typo (1000 for 100, a session total, kg and lb swapped) than a set, so td asks for confirmation
 * before storing it, and marks the confirmed set ({@code "unusual_confirmed": true} in its data).
 * The bounds sit above world records rather than at them, so record-level lifting is never refused.
 *
 * <ul>
 *   <li>Load, free weights and anything unknown: 600 kg. The heaviest lifts on record are about
 *       500 kg: deadlift 501 kg (H. J. Bjornsson, 2020, strongman rules), squat 490 kg raw with
 *       wraps (R. Williams, 2019, USPA), bench press 355 kg raw (J. Maddox, 2020); the schema's
 *       2000 kg stays the hard limit.
 *   <li>Load on machines ({@code equipment: machine}): 1000 kg. A plate-loaded leg-press or hack-squat
 *       sled carries far more than a barbell, and people log plates plus sled.
 *   <li>Reps: 200 per set. Bodyweight endurance goes further (10,507 push-ups non-stop, M. Yoshida,
 *       1980, Guinness), but in a training log more than 200 reps in one set is mostly a total or a typo.
 *   <li>Duration: 6 h per set. The plank record is 9 h 38 min (J. Salek, 2023, Guinness); a set of
 *       hours is far more often minutes written as seconds.
 *   <li>Distance: 100 km per set (carries, sled pushes; longer is an endurance session, not a set).
 * </ul>
 *
 * RPE and RIR need no bound here: the schema already holds them to 1-10 and 0-10.
 */
final class Plausibility {

    /** The set.logged data field marking a set whose unusual values the person confirmed. */
    static final String MARKER = "unusual_confirmed";

    static final double FREE_WEIGHT_MAX_KG = 600;
    static final double MACHINE_MAX_KG = 1000;
    static final double MAX_REPS = 200;
    static final double MAX_DURATION_S = 6 * 3600;
    static final double MAX_DISTANCE_M = 100_000;
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

    /** The equipment of the person's exercise ({@code barbell}, {@code machine}…), where known. */
    @FunctionalInterface
    interface Equipment {
        Optional<String> of(UUID user, String exerciseId);
    }

    /**
     * A value outside its plausible range.
     *
     * @param field   the set's field in tool arguments ({@code weight}, {@code reps}…)
     * @param message what is unusual and the range, without the way to confirm it
     */
    record Unusual(String field, String message) {

        /** The message for a tool error: the value and range, what to check, and how to confirm. */
        String refusal(String confirm) {
            return message + ". Check for a typo, a total or a wrong unit; if this is right, " + confirm;
        }

        /** The field's path inside set.logged data ({@code weight.value} for a load). */
        String dataField() {
            return field.equals("weight") ? "weight.value" : field;
        }
    }

    private final Equipment equipment;

    Plausibility(Equipment equipment) {
        this.equipment = equipment;
    }

    /** The first unusual value of a set, given as set.logged data (weight as {@code {value, unit}}). */
    Optional<Unusual> unusual(UUID user, JsonNode set) {
        JsonNode weight = set.path("weight");
        if (weight.path("value").isNumber()) {
            Optional<Unusual> load = load(user, set.path("exercise_id").asText(), weight);
            if (load.isPresent()) {
                return load;
            }
        }
        if (above(set.path("reps"), MAX_REPS)) {
            return Optional.of(new Unusual(
                    "reps", plain(set.get("reps")) + " reps in one set is outside the plausible range (0-200 reps)"));
        }
        if (above(set.path("duration_s"), MAX_DURATION_S)) {
            return Optional.of(new Unusual(
                    "duration_s",
                    plain(set.get("duration_s"))
                            + " s for one set is outside the plausible range (up to 21600 s = 6 h)"));
        }
        if (above(set.path("distance_m"), MAX_DISTANCE_M)) {
            return Optional.of(new Unusual(
                    "distance_m",
                    plain(set.get("distance_m"))
                            + " m for one set is outside the plausible range (up to 100000 m = 100 km)"));
        }
        return Optional.empty();
    }

    private Optional<Unusual> load(UUID user, String exerciseId, JsonNode weight) {
        boolean machine =
                equipment.of(user, exerciseId).filter("machine"::equals).isPresent();
        double maxKg = machine ? MACHINE_MAX_KG : FREE_WEIGHT_MAX_KG;
        boolean pounds = weight.path("unit").asText().equals("lb");
        BigDecimal value = finite(weight.get("value"));
        BigDecimal kg = pounds ? value.multiply(KG_PER_LB) : value;
        if (kg.compareTo(BigDecimal.valueOf(maxKg)) <= 0) {
            return Optional.empty();
        }
        String range = "0-" + plain(maxKg) + " kg";
        if (pounds) {
            range += " (0-" + plain(BigDecimal.valueOf(maxKg).divide(KG_PER_LB, 1, RoundingMode.DOWN)) + " lb)";
        }
        String stated =
                plain(value) + " " + (pounds ? "lb (" + plain(kg.setScale(1, RoundingMode.HALF_UP)) + " kg)" : "kg");
        return Optional.of(new Unusual(
                "weight",
                stated + " is outside the plausible load" + (machine ? " on a machine" : "") + " (" + range
                        + (machine ? "" : "; the heaviest lifts on record are about 500 kg") + ")"));
    }

    private static boolean above(JsonNode n, double max) {
        return n.isNumber() && finite(n).compareTo(BigDecimal.valueOf(max)) > 0;
    }

    /** The exact value; a number too large for a double counts as larger than any bound, never as Infinity. */
    private static BigDecimal finite(JsonNode n) {
        if (n.isFloatingPointNumber() && !n.isBigDecimal() && !Double.isFinite(n.doubleValue())) {
            BigDecimal beyond = BigDecimal.TEN.pow(400);
            return n.doubleValue() > 0 ? beyond : beyond.negate();
        }
        return n.decimalValue();
    }

    private static String plain(JsonNode n) {
        return plain(finite(n));
    }

    private static String plain(double d) {
        return plain(BigDecimal.valueOf(d));
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
