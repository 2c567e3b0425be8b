package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.JsonFields;
import dev.td.tools.ToolException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a metric reading must keep beyond its schema, whichever tool writes it (log_metrics, log_events,
 * correct_event): a number for a numeric metric and a known label for a categorical one; a unit td converts
 * to the metric's (a custom metric: to the unit it was first logged in); a value inside the metric's
 * plausible range, since outside it a value is far more likely a typo (814 for 81.4, lb for kg, hours for
 * minutes) than a reading, unless the person confirmed it ({@code "unusual_confirmed": true} in the data).
 * A score outside its scale is refused even when confirmed: it cannot be right on that scale.
 */
final class MetricCheck {

    /** The metric.recorded data field marking a reading whose unusual value the person confirmed. */
    static final String MARKER = "unusual_confirmed";

    /** The largest magnitude a reading may have, so sums over years stay finite and exact enough. */
    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000L);

    private final MetricRegistry registry;

    MetricCheck(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Checks one reading given as metric.recorded data.
     *
     * @param path        the JSON path of the reading in the call; its fields are named as in the data
     * @param unitSoFar   for a custom metric, the unit symbol it was logged in so far ({@code ""}: none)
     * @param confirmHow  how the caller confirms an unusual value, for the refusal
     * @throws ToolException naming the field and the fix
     */
    void check(JsonNode data, String path, Optional<String> unitSoFar, String confirmHow) {
        String name = data.path("metric").asText();
        Optional<MetricDefinition> known = registry.find(name);
        Optional<String> unit = JsonFields.text(data, "unit");
        if (data.path("value").isNumber()
                && data.get("value").decimalValue().abs().compareTo(LIMIT) > 0) {
            throw ToolException.invalid(
                    path + ".value",
                    plain(data.get("value").decimalValue()) + " is beyond what td keeps for a reading (at most "
                            + "1,000,000,000 either way); check the value and its unit");
        }
        if (known.isEmpty()) {
            unitSoFar.ifPresent(soFar -> requireSameUnit(registry.canonical(name), soFar, unit, path));
            return;
        }
        MetricDefinition d = known.get();
        if (d.categorical()) {
            checkLabel(d, data, path);
            return;
        }
        if (data.has("label") || !data.path("value").isNumber()) {
            throw ToolException.invalid(
                    path + (data.has("label") ? ".label" : ".value"),
                    d.name() + " is measured as a number; give value" + unitHint(d) + " instead of a label");
        }
        Optional<MetricUnits.Unit> said = unit.map(u -> registry.units()
                .find(u)
                .filter(d::accepts)
                .orElseThrow(() -> ToolException.invalid(path + ".unit", unitRefusal(d, u))));
        BigDecimal value = data.get("value").decimalValue();
        BigDecimal canonical = d.toCanonical(value, said).orElseThrow();
        Optional<MetricDefinition.Range> range = d.range();
        if (range.isEmpty() || range.get().contains(canonical)) {
            return;
        }
        if (d.scale().isPresent()) {
            MetricDefinition.Scale s = d.scale().get();
            throw ToolException.invalid(
                    path + ".value",
                    plain(value) + " is off " + d.name() + "'s scale of " + s.min() + " (" + s.low() + ") to " + s.max()
                            + " (" + s.high() + "); give the value on that scale");
        }
        if (!data.path(MARKER).asBoolean(false)) {
            throw ToolException.invalid(path + ".value", unusual(d, value, said, range.get()) + confirmHow);
        }
    }

    /**
     * Whether a reading's value lies outside its metric's plausible range (a scale's ends aside, which are
     * never confirmed); false for readings {@link #check} refuses for other reasons.
     */
    boolean unusual(JsonNode data) {
        Optional<MetricDefinition> known = registry.find(data.path("metric").asText());
        if (known.isEmpty()
                || known.get().categorical()
                || known.get().scale().isPresent()
                || known.get().range().isEmpty()
                || !data.path("value").isNumber()) {
            return false;
        }
        MetricDefinition d = known.get();
        Optional<String> unit = JsonFields.text(data, "unit");
        Optional<MetricUnits.Unit> said = unit.flatMap(u -> registry.units().find(u));
        if (unit.isPresent() && (said.isEmpty() || !d.accepts(said.get()))) {
            return false;
        }
        return d.toCanonical(data.get("value").decimalValue(), said)
                .map(v -> !d.range().get().contains(v))
                .orElse(false);
    }

    private static void checkLabel(MetricDefinition d, JsonNode data, String path) {
        Optional<String> label = JsonFields.text(data, "label");
        if (label.isEmpty() || data.has("value")) {
            throw ToolException.invalid(
                    path + (data.has("value") ? ".value" : ".label"),
                    d.name() + " is recorded as a label, not a number; give label: one of "
                            + String.join(", ", d.labels()));
        }
        if (d.label(label.get()).isEmpty()) {
            throw ToolException.invalid(
                    path + ".label",
                    "'" + label.get() + "' is not a label of " + d.name() + "; use one of "
                            + String.join(", ", d.labels()));
        }
        if (data.has("unit")) {
            throw ToolException.invalid(path + ".unit", d.name() + " is a label and has no unit; leave unit out");
        }
    }

    private void requireSameUnit(String metric, String soFar, Optional<String> unit, String path) {
        String now = registry.customUnit(unit);
        if (now.equals(soFar)) {
            return;
        }
        Optional<MetricUnits.Unit> a = registry.units().find(soFar);
        Optional<MetricUnits.Unit> b = unit.flatMap(u -> registry.units().find(u));
        if (a.isPresent() && b.isPresent() && a.get().dimension().equals(b.get().dimension())) {
            return;
        }
        String was = soFar.isEmpty() ? "without a unit" : "in " + soFar;
        String fix = soFar.isEmpty()
                ? "leave unit out, or log it as a new metric under another name"
                : "give the value in " + soFar + convertible(a) + ", or log it as a new metric under another name";
        throw ToolException.invalid(
                path + ".unit",
                metric + " has been logged " + was + " so far, and "
                        + (now.isEmpty() ? "no unit" : "'" + unit.orElse("") + "'") + " does not convert to that; "
                        + fix);
    }

    /** " (or lb, st, g)": the other units of the same dimension td converts. */
    private String convertible(Optional<MetricUnits.Unit> unit) {
        if (unit.isEmpty()) {
            return "";
        }
        List<String> others = registry.units().all().stream()
                .filter(u -> u.dimension().equals(unit.get().dimension())
                        && !u.symbol().equals(unit.get().symbol()))
                .map(MetricUnits.Unit::symbol)
                .toList();
        return others.isEmpty() ? "" : " (or " + String.join(", ", others) + ")";
    }

    static String unitRefusal(MetricDefinition d, String said) {
        if (d.unit().isEmpty()) {
            return d.name() + " is a score"
                    + d.scale()
                            .map(s -> " from " + s.min() + " (" + s.low() + ") to " + s.max() + " (" + s.high() + ")")
                            .orElse("")
                    + " without a unit; leave unit out";
        }
        return "'" + said + "' is not a unit td converts for " + d.name() + "; use "
                + d.accepted().stream().map(MetricUnits.Unit::symbol).collect(Collectors.joining(", "));
    }

    private static String unitHint(MetricDefinition d) {
        return d.unit().map(u -> " (in " + u.symbol() + ")").orElse("");
    }

    private String unusual(
            MetricDefinition d, BigDecimal value, Optional<MetricUnits.Unit> said, MetricDefinition.Range range) {
        String unit = d.unitSymbol();
        StringBuilder m = new StringBuilder();
        m.append(plain(value)).append(said.map(u -> " " + u.symbol()).orElse(unit.isEmpty() ? "" : " " + unit));
        m.append(" is outside the plausible range of ")
                .append(d.name())
                .append(" (")
                .append(plain(range.min()))
                .append("-")
                .append(plain(range.max()))
                .append(unit.isEmpty() ? "" : " " + unit);
        if (said.isPresent() && !said.get().symbol().equals(unit)) {
            BigDecimal lo = d.fromCanonical(range.min(), said.get()).orElseThrow();
            BigDecimal hi = d.fromCanonical(range.max(), said.get()).orElseThrow();
            m.append("; ")
                    .append(plain(lo.setScale(1, RoundingMode.HALF_UP)))
                    .append("-")
                    .append(plain(hi.setScale(1, RoundingMode.HALF_UP)))
                    .append(" ")
                    .append(said.get().symbol());
        }
        m.append("). Check for a typo, a total or a wrong unit; if this is right, ");
        return m.toString();
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
