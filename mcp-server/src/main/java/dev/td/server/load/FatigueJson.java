package dev.td.server.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import java.util.OptionalDouble;

/** A {@link FatigueState} as answers show it (the {@code fatigue} definition of the manifests). */
@Published
public final class FatigueJson {

    private FatigueJson() {}

    /** The state with its numbers rounded to what their inputs carry, and the rule it was read by. */
    public static ObjectNode brief(FatigueState s) {
        ObjectNode n = JsonNodeFactory.instance
                .objectNode()
                .put("date", s.date().toString())
                .put("zone", s.zone())
                .put("ctl", round(s.ctl(), 10))
                .put("atl", round(s.atl(), 10))
                .put("tsb", round(s.tsb(), 10));
        put(n, "form_pct", s.formPercent(), 10);
        put(n, "acwr", s.acwr(), 100);
        put(n, "monotony", s.monotony(), 100);
        s.flags().forEach(n.withArray("flags")::add);
        n.put("basis", FatigueState.BASIS);
        return n;
    }

    private static void put(ObjectNode n, String field, OptionalDouble v, double scale) {
        if (v.isPresent()) {
            n.put(field, round(v.getAsDouble(), scale));
        } else {
            n.putNull(field);
        }
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
