package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.load.FatigueJson;
import dev.td.server.load.FatigueState;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * get_insights' order: every item scored <b>severity × recency × confidence</b>, highest first.
 *
 * <ul>
 *   <li><b>severity</b> (0 to 1): an active injury severe 1, moderate 0.8, mild 0.6; an outlier min(1, |z| / 10.2)
 *       (0.5 at the threshold 5.1, 1 at twice it); a lift's decline 0.8, its stall 0.5; fatigue in the high-risk zone or
 *       an ACWR spike 0.7, the transition zone, a load dropping off or a monotony above 2 0.4; a correlation that
 *       passed the false discovery rate 0.5 × |r|.
 *   <li><b>recency</b>: 0.5^(days since the finding's day / {@value #HALF_LIFE_DAYS}), 1 today, 0.5 a week ago;
 *       an active injury, today's fatigue and a correlation over the year count as today.
 *   <li><b>confidence</b>: the quality word, sufficient 1, minimal 0.75, insufficient 0.5.
 * </ul>
 */
final class InsightRanking {

    static final double HALF_LIFE_DAYS = 7;
    static final String RULE = "score = severity x recency x confidence; recency halves every 7 days; severity:"
            + " injury 1/0.8/0.6, outlier |z|/10.2 (max 1), decline 0.8, stall 0.5, fatigue 0.7 or 0.4,"
            + " correlation 0.5|r|; confidence: sufficient 1, minimal 0.75, insufficient 0.5";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One thing to know, before ranking.
     *
     * @param date     the day it is about; empty for a standing pattern (a correlation over the year)
     * @param evidence the finding as its own tool shows it, under the name of its kind of source
     */
    record Item(
            String kind,
            String about,
            String headline,
            Optional<LocalDate> date,
            double severity,
            double recency,
            String quality,
            ObjectNode evidence) {

        Item {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(about, "about");
            Objects.requireNonNull(headline, "headline");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(evidence, "evidence");
        }

        double score() {
            return severity * recency * confidence(quality);
        }

        ObjectNode toJson() {
            ObjectNode n =
                    JSON.objectNode().put("kind", kind).put("about", about).put("headline", headline);
            date.ifPresent(d -> n.put("date", d.toString()));
            n.put("score", round(score()))
                    .put("severity", round(severity))
                    .put("recency", round(recency))
                    .put("quality", quality);
            n.set("evidence", evidence);
            return n;
        }
    }

    private InsightRanking() {}

    /** The items, highest score first (then newest, then by name), at most {@code limit}. */
    static List<ObjectNode> ranked(List<Item> items, int limit) {
        return items.stream()
                .sorted(Comparator.comparingDouble(Item::score)
                        .reversed()
                        .thenComparing(i -> i.date().orElse(LocalDate.MIN), Comparator.reverseOrder())
                        .thenComparing(Item::about))
                .limit(limit)
                .map(Item::toJson)
                .toList();
    }

    /** A stored anomaly (already shown: no scope), without its points (get_anomalies has them). */
    static Item anomaly(JsonNode finding, LocalDate today) {
        ObjectNode shown = Visibility.shown(finding);
        shown.remove("points");
        LocalDate day = LocalDate.parse(finding.path("date").asText());
        String kind = finding.path("kind").asText();
        double severity = switch (kind) {
            case "outlier" -> Math.min(1, Math.abs(finding.path("z").asDouble()) / (2 * AnomalyAnalysis.OUTLIER_Z));
            case "decline" -> 0.8;
            default -> 0.5;
        };
        ObjectNode evidence = JSON.objectNode();
        evidence.set("anomaly", shown);
        return new Item(
                kind,
                finding.path("about").asText(),
                finding.path("headline").asText(),
                Optional.of(day),
                severity,
                recency(day, today),
                finding.path("quality").asText(),
                evidence);
    }

    /** An active injury as training answers carry it. */
    static Item injury(ObjectNode injury, LocalDate today) {
        String severity = injury.path("severity").asText();
        String part = injury.path("body_part").asText()
                + (injury.has("side") ? " (" + injury.path("side").asText() + ")" : "");
        ObjectNode evidence = JSON.objectNode();
        evidence.set("injury", injury);
        return new Item(
                "injury",
                injury.path("body_part").asText(),
                "Active " + severity + " injury: " + part + ", since "
                        + injury.path("since").asText() + " ("
                        + injury.path("days").asInt() + " days); plan around it.",
                Optional.of(today),
                switch (severity) {
                    case "severe" -> 1.0;
                    case "moderate" -> 0.8;
                    default -> 0.6;
                },
                1,
                "sufficient",
                evidence);
    }

    /** Today's fatigue, when its zone or flags call for care; empty otherwise. */
    static Optional<Item> fatigue(FatigueState f, LocalDate today) {
        boolean spike = f.acwr().isPresent() && f.acwr().getAsDouble() >= FatigueState.ACWR_SPIKE;
        boolean high = spike || f.zone().equals("high_risk");
        if (!high && !f.zone().equals("transition") && f.flags().isEmpty()) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        if (List.of("high_risk", "transition").contains(f.zone())) {
            said.add(f.zone().replace('_', '-') + " zone"
                    + (f.formPercent().isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    " (form %+.0f%% of fitness)",
                                    f.formPercent().getAsDouble())
                            : ""));
        }
        said.addAll(f.flags());
        ObjectNode evidence = JSON.objectNode();
        evidence.set("fatigue", FatigueJson.brief(f));
        return Optional.of(new Item(
                "fatigue",
                "training_load",
                "Fatigue: " + String.join("; ", said) + ".",
                Optional.of(today),
                high ? 0.7 : 0.4,
                1,
                f.zone().equals("building") ? "minimal" : "sufficient",
                evidence));
    }

    /** A correlation that passed the false discovery rate, as the stored screen holds it (already shown). */
    static Item correlation(JsonNode c) {
        ObjectNode brief = JSON.objectNode();
        for (String field : List.of("predictor", "outcome", "lag_days", "r", "n", "adjusted_p")) {
            brief.set(field, c.get(field));
        }
        double r = c.path("r").asDouble();
        ObjectNode evidence = JSON.objectNode();
        evidence.set("correlation", brief);
        return new Item(
                "correlation",
                c.path("predictor").asText() + " ~ " + c.path("outcome").asText(),
                String.format(
                        Locale.ROOT,
                        "Higher %s goes with %s %s %s (r %.2f, adjusted p %.2g): a pattern, not a cause.",
                        c.path("predictor").asText(),
                        r > 0 ? "higher" : "lower",
                        c.path("outcome").asText(),
                        lag(c.path("lag_days").asInt()),
                        r,
                        c.path("adjusted_p").asDouble()),
                Optional.empty(),
                0.5 * Math.abs(r),
                1,
                "sufficient",
                evidence);
    }

    private static String lag(int days) {
        return days == 0 ? "the same day" : days == 1 ? "the next day" : days + " days later";
    }

    static double recency(LocalDate day, LocalDate today) {
        long age = Math.max(0, ChronoUnit.DAYS.between(day, today));
        return Math.pow(0.5, age / HALF_LIFE_DAYS);
    }

    static double confidence(String quality) {
        return switch (quality) {
            case "sufficient" -> 1;
            case "minimal" -> 0.75;
            default -> 0.5;
        };
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
