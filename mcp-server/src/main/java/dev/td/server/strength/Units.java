package dev.td.server.strength;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import dev.td.server.events.TrainingEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Loads shown back in the person's unit, next to the canonical kilograms. Published so that every answer
 * shows a load alike.
 *
 * @param unit {@code kg} or {@code lb}
 */
@Published
public record Units(String unit) {

    static final Units KG = new Units("kg");

    public Units {
        if (!unit.equals("kg") && !unit.equals("lb")) {
            throw new IllegalArgumentException("unit must be kg or lb, got " + unit);
        }
    }

    /** {@code {"value": 225, "unit": "lb", "kg": 102.06}}; values rounded to 0.01. */
    public ObjectNode load(double kg) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        double value = unit.equals("lb") ? kg / TrainingEvent.KG_PER_LB : kg;
        n.put("value", round(value));
        n.put("unit", unit);
        n.put("kg", round(kg));
        return n;
    }

    static BigDecimal round(double v) {
        BigDecimal rounded =
                BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
