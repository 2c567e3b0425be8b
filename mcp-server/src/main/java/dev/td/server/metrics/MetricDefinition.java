package dev.td.server.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric td knows, as the registry describes it.
 *
 * @param name           snake_case name, the one stored in events
 * @param category       body, heart, sleep, nutrition, wellness, cycle or activity
 * @param aliases        other names people use for it, English and German
 * @param unit           the canonical unit values are kept in; empty for scores and labels
 * @param accepted       the units a reading may be given in (the canonical one first)
 * @param conversions    factors of units that convert only for this metric (mg/dL of glucose), to the canonical unit
 * @param range          the plausible range in the canonical unit; outside it a value is refused unless confirmed
 * @param daily          how several readings of one day combine into the day's value
 * @param period         how the days of a week or month combine
 * @param higherIsBetter whether a rising value is good news (empty: neither)
 * @param scale          for subjective scores, the scale and what its ends mean
 * @param labels         for categorical metrics, the labels a reading may carry
 * @param labelAliases   other words for the labels (normalized word → label)
 */
record MetricDefinition(
        String name,
        String category,
        List<String> aliases,
        Optional<MetricUnits.Unit> unit,
        List<MetricUnits.Unit> accepted,
        Map<String, BigDecimal[]> conversions,
        Optional<Range> range,
        DailyRule daily,
        PeriodRule period,
        Optional<Boolean> higherIsBetter,
        Optional<Scale> scale,
        List<String> labels,
        Map<String, String> labelAliases) {

    MetricDefinition {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        accepted = List.copyOf(accepted);
        conversions = Map.copyOf(conversions);
        labels = List.copyOf(labels);
        labelAliases = Map.copyOf(labelAliases);
    }

    /** How the readings of one day combine. */
    enum DailyRule {
        /** The latest reading of the day (by the time it happened). */
        LAST,
        MEAN,
        /** Readings add up: each is a part of the day (a meal, a walk). */
        SUM,
        MIN,
        MAX;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the days of a week or month combine. */
    enum PeriodRule {
        /** The mean of the daily values. */
        MEAN,
        /** The sum of the daily values (additive metrics: steps, kcal). */
        SUM,
        /** The most frequent daily label (categorical metrics). */
        MODE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The plausible range, both ends included. */
    record Range(BigDecimal min, BigDecimal max) {
        boolean contains(BigDecimal v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }
    }

    /** A subjective score's scale: from {@code min} ({@code low}) to {@code max} ({@code high}). */
    record Scale(int min, int max, String low, String high) {}

    boolean categorical() {
        return !labels.isEmpty();
    }

    /** The categories that are health data: a grant reads them under {@code health:read}, not {@code metrics:read}. */
    static final java.util.Set<String> HEALTH = java.util.Set.of("heart", "sleep", "wellness", "cycle");

    /**
     * The scope that reads this metric: {@code health:read} for heart, sleep, wellness and cycle metrics (HRV, resting
     * heart rate, sleep, mood), {@code metrics:read} for body, nutrition and activity ones (weight, kcal, steps).
     */
    String readScope() {
        return HEALTH.contains(category) ? Metrics.HEALTH_READ : Metrics.BODY_READ;
    }

    /** The canonical unit's symbol, {@code ""} for scores and labels. */
    String unitSymbol() {
        return unit.map(MetricUnits.Unit::symbol).orElse("");
    }

    /** Whether readings in {@code said} convert to the canonical unit. */
    boolean accepts(MetricUnits.Unit said) {
        return accepted.stream().anyMatch(u -> u.symbol().equals(said.symbol()));
    }

    /** A value given in {@code said} (empty: the canonical unit) in the canonical unit; empty when it does not convert. */
    Optional<BigDecimal> toCanonical(BigDecimal value, Optional<MetricUnits.Unit> said) {
        if (said.isEmpty() || said.get().symbol().equals(unitSymbol())) {
            return Optional.of(value);
        }
        if (unit.isEmpty() || !accepts(said.get())) {
            return Optional.empty();
        }
        BigDecimal[] own = conversions.get(said.get().symbol());
        if (own != null) {
            return Optional.of(value.multiply(own[0]).divide(own[1], MathContext.DECIMAL128));
        }
        return said.get().convert(value, unit.get());
    }

    /** A canonical value written in {@code target}, one of the accepted units. */
    Optional<BigDecimal> fromCanonical(BigDecimal value, MetricUnits.Unit target) {
        if (target.symbol().equals(unitSymbol())) {
            return Optional.of(value);
        }
        if (unit.isEmpty() || !accepts(target)) {
            return Optional.empty();
        }
        BigDecimal[] own = conversions.get(target.symbol());
        if (own != null) {
            return Optional.of(value.multiply(own[1]).divide(own[0], MathContext.DECIMAL128));
        }
        return unit.get().convert(value, target);
    }

    /** The label a word stands for ({@code Eisprung} → ovulating), if it is one of this metric's. */
    Optional<String> label(String said) {
        String key = MetricNames.compact(said);
        for (String l : labels) {
            if (MetricNames.compact(l).equals(key)) {
                return Optional.of(l);
            }
        }
        return Optional.ofNullable(labelAliases.get(key));
    }
}
