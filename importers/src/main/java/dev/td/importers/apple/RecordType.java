package dev.td.importers.apple;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code Record} types td imports, the metric each becomes and how its units are named in td.
 *
 * <p>Sparse readings (a weigh-in, a resting heart rate) become one {@code metric.recorded} each. Dense streams (a
 * watch writes heart rate every few minutes, steps every few seconds) become one per local day: see
 * {@link DailyReadings}. Lean body mass is named only to say why it is left out.
 */
enum RecordType {
    BODY_MASS(
            "HKQuantityTypeIdentifierBodyMass",
            Kind.READING,
            "body_weight",
            Map.of("kg", "kg", "lb", "lb", "st", "st", "g", "g")),
    /** Apple writes body fat as a fraction (0.223) with the unit "%". */
    BODY_FAT("HKQuantityTypeIdentifierBodyFatPercentage", Kind.READING, "body_fat", Map.of("%", "fraction")),
    RESTING_HEART_RATE(
            "HKQuantityTypeIdentifierRestingHeartRate", Kind.READING, "resting_hr", Map.of("count/min", "bpm")),
    HRV_SDNN("HKQuantityTypeIdentifierHeartRateVariabilitySDNN", Kind.READING, "hrv_sdnn", Map.of("ms", "ms")),
    VO2_MAX("HKQuantityTypeIdentifierVO2Max", Kind.READING, "vo2max", Map.of("mL/min·kg", "ml/kg/min")),
    /** A fraction (0.97) with the unit "%", like body fat. */
    OXYGEN_SATURATION("HKQuantityTypeIdentifierOxygenSaturation", Kind.READING, "spo2", Map.of("%", "fraction")),
    /** Not in td's registry: the person's own metric, without a unit (Apple's "count"). */
    BODY_MASS_INDEX("HKQuantityTypeIdentifierBodyMassIndex", Kind.READING, "body_mass_index", Map.of("count", "")),
    HEART_RATE("HKQuantityTypeIdentifierHeartRate", Kind.HEART_RATE, "heart_rate", Map.of("count/min", "bpm")),
    STEP_COUNT("HKQuantityTypeIdentifierStepCount", Kind.STEPS, "steps", Map.of("count", "steps")),
    RESPIRATORY_RATE(
            "HKQuantityTypeIdentifierRespiratoryRate",
            Kind.RESPIRATION,
            "respiration_rate",
            Map.of("count/min", "brpm")),
    SLEEP("HKCategoryTypeIdentifierSleepAnalysis", Kind.SLEEP, "sleep_duration", Map.of()),
    LEAN_BODY_MASS("HKQuantityTypeIdentifierLeanBodyMass", Kind.NOT_IMPORTED, "", Map.of());

    /** How a type's records are imported. */
    enum Kind {
        /** One metric.recorded per record. */
        READING,
        HEART_RATE,
        STEPS,
        RESPIRATION,
        SLEEP,
        /** Known and deliberately left out (the reason is in {@link #notImportedReason()}). */
        NOT_IMPORTED
    }

    private static final Map<String, RecordType> BY_IDENTIFIER =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.identifier, Function.identity()));

    private final String identifier;
    private final Kind kind;
    private final String metric;

    @SuppressWarnings("ImmutableEnumChecker") // Map.of: unmodifiable
    private final Map<String, String> units;

    RecordType(String identifier, Kind kind, String metric, Map<String, String> units) {
        this.identifier = identifier;
        this.kind = kind;
        this.metric = metric;
        this.units = units;
    }

    static Optional<RecordType> of(String identifier) {
        return Optional.ofNullable(BY_IDENTIFIER.get(identifier));
    }

    String identifier() {
        return identifier;
    }

    Kind kind() {
        return kind;
    }

    /** The td metric's name. */
    String metric() {
        return metric;
    }

    /**
     * td's name for Apple's unit: present and empty for a metric without a unit, absent for a unit td does not take
     * for this metric.
     */
    Optional<String> tdUnit(String appleUnit) {
        return Optional.ofNullable(units.get(appleUnit));
    }

    String notImportedReason() {
        return "lean body mass is not muscle mass, and td has no metric for it";
    }
}
