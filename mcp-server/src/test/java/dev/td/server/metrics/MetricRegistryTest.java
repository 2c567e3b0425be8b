package dev.td.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import dev.td.server.events.TrainingEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bundled metric registry: names, aliases, exact unit conversions, typos; and the daily fold on known values. */
class MetricRegistryTest {

    private final MetricRegistry registry = MetricRegistry.bundled();

    private BigDecimal canonical(String metric, String value, String unit) {
        MetricDefinition d = registry.find(metric).orElseThrow();
        return d.toCanonical(new BigDecimal(value), registry.units().find(unit)).orElseThrow();
    }

    @Test
    void everyFieldOfIntervalsIcusWellnessRecordHasAMetric() {
        // intervals.icu wellness: weight, bodyFat, restingHR, hrv, hrvSDNN, avgSleepingHR, spO2, systolic, diastolic,
        // respiration, vo2max, steps, sleepSecs, sleepScore, sleepQuality, readiness, soreness, fatigue, stress, mood,
        // motivation, menstrualPhase, kcalConsumed, carbohydrates, protein, fatTotal, hydrationVolume, bloodGlucose,
        // lactate
        assertThat(registry.all().stream().map(MetricDefinition::name))
                .contains(
                        "body_weight",
                        "body_fat",
                        "resting_hr",
                        "hrv_rmssd",
                        "hrv_sdnn",
                        "avg_sleeping_hr",
                        "spo2",
                        "bp_systolic",
                        "bp_diastolic",
                        "respiration_rate",
                        "vo2max",
                        "steps",
                        "sleep_duration",
                        "sleep_score",
                        "sleep_quality",
                        "readiness",
                        "soreness",
                        "fatigue",
                        "stress",
                        "mood",
                        "motivation",
                        "menstrual_phase",
                        "kcal_intake",
                        "carbohydrates",
                        "protein",
                        "dietary_fat",
                        "hydration",
                        "blood_glucose",
                        "lactate");
        assertThat(registry.all())
                .allSatisfy(
                        d -> assertThat(List.of("body", "heart", "sleep", "nutrition", "wellness", "cycle", "activity"))
                                .as(d.name())
                                .contains(d.category()));
    }

    @Test
    void unitsConvertExactly() {
        // 1 lb = 0.45359237 kg exactly (1959): 180 lb = 81.6466266 kg
        assertThat(canonical("weight", "180", "lb")).isEqualByComparingTo("81.6466266");
        // 1 st = 14 lb = 6.35029318 kg
        assertThat(canonical("weight", "12", "stone")).isEqualByComparingTo("76.20351816");
        // 7 h 20 min = 7 × 60 + 20 = 440 min; 26400 s = 440 min
        assertThat(canonical("sleep", "26400", "s")).isEqualByComparingTo("440");
        assertThat(canonical("sleep", "7.5", "h")).isEqualByComparingTo("450");
        // 98.6 °F = (98.6 − 32) × 5/9 = 37 °C; 310.15 K = 37 °C
        assertThat(canonical("body_temperature", "98.6", "F")).isEqualByComparingTo("37");
        assertThat(canonical("body_temperature", "310.15", "K")).isEqualByComparingTo("37");
        // 1 kcal = 4.184 kJ: 8368 kJ = 2000 kcal
        assertThat(canonical("calories", "8368", "kJ")).isEqualByComparingTo("2000");
        // a fraction is a hundredth of a percent point: 0.185 = 18.5 %
        assertThat(canonical("body fat", "0.185", "fraction")).isEqualByComparingTo("18.5");
        // glucose: 1 mmol/L = 18.0156 mg/dL (molar mass 180.156 g/mol)
        assertThat(canonical("Blutzucker", "90.078", "mg/dL")).isEqualByComparingTo("5");
        // a US fluid ounce is 29.5735295625 ml: 32 fl oz = 0.946352946 l
        assertThat(canonical("water", "32", "fl oz")).isEqualByComparingTo("0.946352946");
    }

    @Test
    void namesResolveInEnglishAndGermanAndTyposFindTheirMetric() {
        assertThat(registry.find("Körpergewicht").orElseThrow().name()).isEqualTo("body_weight");
        assertThat(registry.find("body weight").orElseThrow().name()).isEqualTo("body_weight");
        assertThat(registry.find("BODY_WEIGHT").orElseThrow().name()).isEqualTo("body_weight");
        assertThat(registry.find("Ruhepuls").orElseThrow().name()).isEqualTo("resting_hr");
        assertThat(registry.find("HRV").orElseThrow().name()).isEqualTo("hrv_rmssd");
        assertThat(registry.find("Eiweiß").orElseThrow().name()).isEqualTo("protein");
        assertThat(registry.find("grip strength")).isEmpty();
        assertThat(registry.near("weigth", List.of()).getFirst().metric()).isEqualTo("body_weight");
        assertThat(registry.near("hvr", List.of()).getFirst().metric()).isEqualTo("hrv_rmssd");
        assertThat(registry.near("grip strength", List.of())).isEmpty();
        assertThat(registry.near("grip strenght", List.of("grip_strength"))
                        .getFirst()
                        .metric())
                .isEqualTo("grip_strength");
        assertThat(registry.ambiguous("Blutdruck")).containsExactly("bp_systolic", "bp_diastolic");
        assertThat(registry.find("menstrual_phase").orElseThrow().label("Eisprung"))
                .contains("ovulating");
    }

    @Test
    void aCustomMetricIsKeptInTheBaseUnitOfItsDimensionOrInItsOwn() {
        // 110 lb in kg, the base unit of mass: 110 × 0.45359237 = 49.8951607
        MetricRegistry.Stored lb = registry.stored("grip_strength", new BigDecimal("110"), Optional.of("lb"))
                .orElseThrow();
        assertThat(lb.unit()).isEqualTo("kg");
        assertThat(lb.value()).isEqualByComparingTo("49.8951607");
        MetricRegistry.Stored minutes = registry.stored("meditation", new BigDecimal("20"), Optional.of("min"))
                .orElseThrow();
        assertThat(minutes.unit()).isEqualTo("s");
        assertThat(minutes.value()).isEqualByComparingTo("1200");
        assertThat(registry.stored("water_glasses", new BigDecimal("3"), Optional.of("glasses"))
                        .orElseThrow()
                        .unit())
                .isEqualTo("glasses");
        assertThat(registry.stored("body_weight", new BigDecimal("80"), Optional.of("glasses")))
                .isEmpty();
    }

    @Test
    void aDayKeepsWhatEveryDailyRuleNeeds() {
        MetricDaysProjection days = new MetricDaysProjection(registry);
        MetricDaysProjection.Month month = days.empty("body_weight/2026-11");
        // 81.0 at 20:00 logged first, 80.0 at 07:00 logged second, 180 lb (81.6466266 kg) at 12:00 third
        month = days.apply(month, reading(1, "2026-11-24T20:00:00+01:00", "weight", "81.0", "kg"));
        month = days.apply(month, reading(2, "2026-11-24T07:00:00+01:00", "body_weight", "80.0", "kg"));
        month = days.apply(month, reading(3, "2026-11-24T12:00:00+01:00", "body_weight", "180", "lb"));
        month = days.apply(month, reading(4, "2026-11-24T13:00:00+01:00", "body_weight", "3", "glasses"));
        MetricDaysProjection.Day day =
                java.util.Objects.requireNonNull(month.days().get("2026-11-24"));
        assertThat(day.n()).isEqualTo(3);
        assertThat(month.unconverted()).as("glasses do not convert to kg").isEqualTo(1);
        assertThat(day.first()).as("by the time it happened").isEqualTo(80.0);
        assertThat(day.last()).isEqualTo(81.0);
        assertThat(day.min()).isEqualTo(80.0);
        assertThat(day.max()).isEqualTo(81.6466266);
        // mean: (81.0 + 80.0 + 81.6466266) / 3 = 80.8822088…
        assertThat(MetricViews.daily(MetricDefinition.DailyRule.MEAN, day))
                .isCloseTo(80.8822088667, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(days.keys(reading(5, "2026-11-30T23:30:00-05:00", "weight", "80", "kg")))
                .as("the day and month where the reading happened: 30 November in New York")
                .containsExactly("body_weight/2026-11");
    }

    private static TrainingEvent reading(long sequence, String at, String metric, String value, String unit) {
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("metric", metric).put("unit", unit);
        data.set("value", JsonNodeFactory.instance.numberNode(new BigDecimal(value)));
        return TrainingEvent.of(
                        new Fact(UUID.randomUUID(), sequence, "metric.recorded", OffsetDateTime.parse(at), data))
                .orElseThrow();
    }
}
