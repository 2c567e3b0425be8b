package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The units td converts between, from the registry's {@code units} table: each with its dimension (mass,
 * duration, volume…) and its exact relation to the dimension's base unit, {@code base = (value + offset) ×
 * factor}. Factors are decimals or fractions ({@code 5/9}, {@code 1/4.184}) kept as exact numbers; a result
 * is rounded once, to 34 significant digits (decimal128), before it becomes a double.
 */
final class MetricUnits {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    /**
     * One unit.
     *
     * @param symbol    how td writes it ({@code kg}, {@code °F}, {@code ml/kg/min})
     * @param dimension what it measures; units convert only within one
     * @param numerator the factor's numerator
     * @param denominator the factor's denominator (1 for a decimal factor)
     * @param offset    added before the factor is applied ({@code -32} for °F)
     */
    record Unit(String symbol, String dimension, BigDecimal numerator, BigDecimal denominator, BigDecimal offset) {

        Unit {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(dimension, "dimension");
            if (numerator.signum() <= 0 || denominator.signum() <= 0) {
                throw new IllegalArgumentException("unit " + symbol + " needs a positive factor");
            }
        }

        /** The base unit of a dimension of its own (a unit td does not know, kept as written). */
        static Unit own(String symbol) {
            return new Unit(symbol, "own:" + symbol, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);
        }

        BigDecimal toBase(BigDecimal value) {
            return value.add(offset).multiply(numerator).divide(denominator, EXACT);
        }

        BigDecimal fromBase(BigDecimal base) {
            return base.multiply(denominator).divide(numerator, EXACT).subtract(offset);
        }

        boolean isBase() {
            return numerator.compareTo(denominator) == 0 && offset.signum() == 0;
        }

        /** {@code value} in this unit, written in {@code target}; empty across dimensions. */
        Optional<BigDecimal> convert(BigDecimal value, Unit target) {
            if (!dimension.equals(target.dimension)) {
                return Optional.empty();
            }
            return Optional.of(symbol.equals(target.symbol) ? value : target.fromBase(toBase(value)));
        }
    }

    private final Map<String, Unit> bySymbol;
    private final Map<String, Unit> byWord;

    private MetricUnits(Map<String, Unit> bySymbol, Map<String, Unit> byWord) {
        this.bySymbol = bySymbol;
        this.byWord = byWord;
    }

    static MetricUnits parse(JsonNode table) {
        Map<String, Unit> bySymbol = new LinkedHashMap<>();
        Map<String, Unit> byWord = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : table.properties()) {
            JsonNode u = e.getValue();
            BigDecimal[] factor = fraction(u.path("factor").asText("1"));
            Unit unit = new Unit(
                    e.getKey(),
                    u.path("dimension").asText(),
                    factor[0],
                    factor[1],
                    new BigDecimal(u.path("offset").asText("0")));
            bySymbol.put(unit.symbol(), unit);
            word(byWord, unit.symbol(), unit);
            u.path("aliases").forEach(a -> word(byWord, a.asText(), unit));
        }
        return new MetricUnits(Map.copyOf(bySymbol), Map.copyOf(byWord));
    }

    private static void word(Map<String, Unit> byWord, String said, Unit unit) {
        Unit before = byWord.put(key(said), unit);
        if (before != null && !before.symbol().equals(unit.symbol())) {
            throw new IllegalStateException(
                    "unit word '" + said + "' means both " + before.symbol() + " and " + unit.symbol());
        }
    }

    /** {@code 0.45359237} or {@code 5/9} as numerator and denominator. */
    static BigDecimal[] fraction(String text) {
        int slash = text.indexOf('/');
        return slash < 0
                ? new BigDecimal[] {new BigDecimal(text), BigDecimal.ONE}
                : new BigDecimal[] {new BigDecimal(text.substring(0, slash)), new BigDecimal(text.substring(slash + 1))
                };
    }

    /** How a unit word is compared: lower case, no spaces, {@code º} read as {@code °}. */
    static String key(String said) {
        return said.strip().toLowerCase(Locale.ROOT).replace('º', '°').replaceAll("\\s+", "");
    }

    /** The unit a word stands for ({@code lbs} → lb, {@code Stunden} → h), if td knows it. */
    Optional<Unit> find(String said) {
        return Optional.ofNullable(byWord.get(key(said)));
    }

    /** The unit written by its symbol. */
    Unit symbol(String symbol) {
        Unit u = bySymbol.get(symbol);
        if (u == null) {
            throw new IllegalStateException("the registry names unit " + symbol + ", which its units table lacks");
        }
        return u;
    }

    /** The base unit of a dimension (factor 1, no offset). */
    Unit base(String dimension) {
        return bySymbol.values().stream()
                .filter(u -> u.dimension().equals(dimension) && u.isBase())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("dimension " + dimension + " has no base unit"));
    }

    List<Unit> all() {
        return List.copyOf(bySymbol.values());
    }
}
