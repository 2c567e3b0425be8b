package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.JsonFields;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics td knows, read from {@code td/metrics/registry.json} in the schema module: names and aliases
 * (English and German), units and their exact conversions, plausible ranges, daily and period rules,
 * scales and labels. Names it does not know are the person's own metrics; {@link #stored} says where any
 * reading's value is kept, for the projections and the queries alike.
 */
final class MetricRegistry {

    static final String SOURCE = "td/metrics/registry.json";
    private static final MetricRegistry BUNDLED = load();

    private final int version;
    private final MetricUnits units;
    private final Map<String, MetricDefinition> byName;
    private final Map<String, String> byWord;
    private final Map<String, List<String>> ambiguous;

    private MetricRegistry(
            int version,
            MetricUnits units,
            Map<String, MetricDefinition> byName,
            Map<String, String> byWord,
            Map<String, List<String>> ambiguous) {
        this.version = version;
        this.units = units;
        this.byName = byName;
        this.byWord = byWord;
        this.ambiguous = ambiguous;
    }

    /** The registry shipped with td. */
    static MetricRegistry bundled() {
        return BUNDLED;
    }

    private static MetricRegistry load() {
        try (InputStream in = MetricRegistry.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SOURCE);
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(SOURCE, e);
        }
    }

    static MetricRegistry parse(JsonNode root) {
        MetricUnits units = MetricUnits.parse(root.get("units"));
        Map<String, MetricDefinition> byName = new LinkedHashMap<>();
        Map<String, String> byWord = new LinkedHashMap<>();
        for (JsonNode m : root.get("metrics")) {
            MetricDefinition d = definition(m, units);
            if (!MetricNames.SNAKE.matcher(d.name()).matches() || byName.put(d.name(), d) != null) {
                throw new IllegalStateException("metric name '" + d.name() + "' is not snake_case or defined twice");
            }
            word(byWord, d.name(), d.name());
            d.aliases().forEach(a -> word(byWord, a, d.name()));
        }
        Map<String, List<String>> ambiguous = new LinkedHashMap<>();
        root.path("ambiguous").properties().forEach(e -> {
            List<String> names = JsonFields.texts(e.getValue());
            if (!byName.keySet().containsAll(names) || byWord.containsKey(MetricNames.compact(e.getKey()))) {
                throw new IllegalStateException(
                        "ambiguous word '" + e.getKey() + "' is a name, or names unknown metrics");
            }
            ambiguous.put(MetricNames.compact(e.getKey()), names);
        });
        return new MetricRegistry(
                root.path("version").asInt(1),
                units,
                java.util.Collections.unmodifiableMap(byName),
                Map.copyOf(byWord),
                Map.copyOf(ambiguous));
    }

    private static void word(Map<String, String> byWord, String word, String name) {
        String before = byWord.put(MetricNames.compact(word), name);
        if (before != null && !before.equals(name)) {
            throw new IllegalStateException("'" + word + "' names both " + before + " and " + name);
        }
    }

    private static MetricDefinition definition(JsonNode m, MetricUnits units) {
        Optional<MetricUnits.Unit> unit = JsonFields.text(m, "unit").map(units::symbol);
        List<MetricUnits.Unit> accepted = new ArrayList<>();
        m.path("units").forEach(u -> accepted.add(units.symbol(u.asText())));
        Map<String, BigDecimal[]> conversions = new LinkedHashMap<>();
        m.path("conversions")
                .properties()
                .forEach(c -> conversions.put(
                        c.getKey(), MetricUnits.fraction(c.getValue().asText())));
        for (MetricUnits.Unit u : accepted) {
            boolean converts = unit.isPresent()
                    && (u.dimension().equals(unit.get().dimension()) || conversions.containsKey(u.symbol()));
            if (!converts) {
                throw new IllegalStateException("metric " + m.path("name").asText() + " accepts " + u.symbol()
                        + ", which does not convert to its unit");
            }
        }
        JsonNode range = m.get("range");
        JsonNode scale = m.get("scale");
        Map<String, String> labelAliases = new LinkedHashMap<>();
        m.path("label_aliases")
                .properties()
                .forEach(a -> labelAliases.put(
                        MetricNames.compact(a.getKey()), a.getValue().asText()));
        JsonNode better = m.path("higher_is_better");
        return new MetricDefinition(
                m.path("name").asText(),
                m.path("category").asText(),
                JsonFields.texts(m.get("aliases")),
                unit,
                accepted,
                conversions,
                range == null
                        ? Optional.empty()
                        : Optional.of(new MetricDefinition.Range(
                                range.get(0).decimalValue(), range.get(1).decimalValue())),
                MetricDefinition.DailyRule.valueOf(m.path("daily").asText().toUpperCase(java.util.Locale.ROOT)),
                MetricDefinition.PeriodRule.valueOf(m.path("period").asText().toUpperCase(java.util.Locale.ROOT)),
                better.isBoolean() ? Optional.of(better.asBoolean()) : Optional.empty(),
                scale == null
                        ? Optional.empty()
                        : Optional.of(new MetricDefinition.Scale(
                                scale.path("min").asInt(),
                                scale.path("max").asInt(),
                                scale.path("low").asText(),
                                scale.path("high").asText())),
                JsonFields.texts(m.get("labels")),
                labelAliases);
    }

    /** Bumped whenever a change alters stored values; part of the metric projections' version. */
    int version() {
        return version;
    }

    MetricUnits units() {
        return units;
    }

    List<MetricDefinition> all() {
        return List.copyOf(byName.values());
    }

    /** The scope that reads a metric: its definition's, {@code metrics:read} for the person's own metrics. */
    String readScope(String metric) {
        return find(metric).map(MetricDefinition::readScope).orElse(Metrics.BODY_READ);
    }

    /** The metric a name or alias stands for (case, accents, spaces and underscores aside). */
    Optional<MetricDefinition> find(String said) {
        return Optional.ofNullable(byWord.get(MetricNames.compact(said))).map(byName::get);
    }

    /** The metrics a word that names several stands for ("bp": systolic and diastolic); empty for other words. */
    List<String> ambiguous(String said) {
        return ambiguous.getOrDefault(MetricNames.compact(said), List.of());
    }

    /** The name a stored metric name stands for: the registry's name for a name or alias, else itself. */
    String canonical(String stored) {
        return find(stored).map(MetricDefinition::name).orElse(stored);
    }

    /** A known name a word may be a typo of, and how far it is. */
    record Candidate(String metric, String matched, int distance) {}

    /**
     * The metrics a word not known as a name may be a typo of: registry names and aliases and the person's own
     * metric names within {@link MetricNames#typoDistance}, nearest first.
     */
    List<Candidate> near(String said, Collection<String> ownMetrics) {
        String word = MetricNames.compact(said);
        int max = MetricNames.typoDistance(word);
        Map<String, Candidate> best = new LinkedHashMap<>();
        List<Map.Entry<String, String>> words = new ArrayList<>(byWord.entrySet());
        ownMetrics.forEach(own -> words.add(Map.entry(MetricNames.compact(own), own)));
        for (Map.Entry<String, String> w : words) {
            if (Math.abs(w.getKey().length() - word.length()) > max) {
                continue;
            }
            int d = MetricNames.distance(word, w.getKey());
            if (d <= max) {
                Candidate c = new Candidate(w.getValue(), w.getKey(), d);
                best.merge(c.metric(), c, (a, b) -> b.distance() < a.distance() ? b : a);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::metric))
                .limit(5)
                .toList();
    }

    /**
     * Where a reading's value is kept.
     *
     * @param value the value in {@code unit}
     * @param unit  the stored unit's symbol
     */
    record Stored(BigDecimal value, String unit) {}

    /**
     * A reading's value where projections keep it: a registry metric's in its canonical unit (no unit given:
     * already canonical); a custom metric's in the base unit of its unit's dimension when td knows the unit
     * (minutes and hours alike in seconds), else as given. Empty when a registry metric's unit does not convert.
     *
     * @param metric the metric's name as {@link #canonical} gives it
     */
    Optional<Stored> stored(String metric, BigDecimal value, Optional<String> unit) {
        Optional<MetricDefinition> known = Optional.ofNullable(byName.get(metric));
        if (known.isPresent()) {
            MetricDefinition d = known.get();
            if (unit.isEmpty()) {
                return Optional.of(new Stored(value, d.unitSymbol()));
            }
            return units.find(unit.get())
                    .flatMap(u -> d.toCanonical(value, Optional.of(u)))
                    .map(v -> new Stored(v, d.unitSymbol()));
        }
        if (unit.isEmpty() || unit.get().isBlank()) {
            return Optional.of(new Stored(value, ""));
        }
        Optional<MetricUnits.Unit> u = units.find(unit.get());
        if (u.isEmpty()) {
            return Optional.of(new Stored(value, unit.get().strip()));
        }
        MetricUnits.Unit base = units.base(u.get().dimension());
        return Optional.of(new Stored(u.get().toBase(value), base.symbol()));
    }

    /** The unit symbol a custom metric's reading names: td's symbol for a unit it knows, else the words as given. */
    String customUnit(Optional<String> unit) {
        return unit.filter(u -> !u.isBlank())
                .map(u -> units.find(u).map(MetricUnits.Unit::symbol).orElse(u.strip()))
                .orElse("");
    }
}
