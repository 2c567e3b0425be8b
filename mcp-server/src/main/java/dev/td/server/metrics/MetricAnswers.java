package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/** Numbers as metric answers show them: rounded half-even, trailing zeros dropped, null where there is none. */
final class MetricAnswers {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Decimals of values, medians and spreads in answers. */
    static final int DECIMALS = 2;

    private MetricAnswers() {}

    static BigDecimal round(double v, int decimals) {
        BigDecimal rounded =
                BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    static JsonNode value(OptionalDouble v) {
        return v.isPresent() ? JSON.numberNode(round(v.getAsDouble(), DECIMALS)) : JSON.nullNode();
    }

    static JsonNode unit(String unit) {
        return unit.isEmpty() ? JSON.nullNode() : JSON.textNode(unit);
    }

    /** The baseline as answers show it: median, spread, days, window and method, numbers null when too few days. */
    static ObjectNode baseline(Metrics.Level level) {
        ObjectNode b = JSON.objectNode();
        b.set("median", value(level.median()));
        b.set("spread", value(level.spread()));
        b.put("n", level.days());
        b.put("from", level.from().toString());
        b.put("to", level.to().toString());
        b.put("method", Baseline.METHOD);
        return b;
    }
}
