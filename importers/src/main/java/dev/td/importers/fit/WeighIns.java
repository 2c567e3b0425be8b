package dev.td.importers.fit;

import static dev.td.importers.fit.FitContents.optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garmin.fit.WeightScaleMesg;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Weight-scale readings as {@code metric.recorded}: body_weight (kg), body_fat (%) and muscle_mass (kg), one event per
 * value. A scale shared by several people writes {@code user_profile_index}; td keeps user 0 (and readings without an
 * index) and reports the others' readings as skipped, since the file does not say which user is the person importing.
 */
final class WeighIns {

    /** FIT's "calculating" marker for weight (0xFFFE at scale 100) and anything past it is no reading. */
    private static final double MAX_KG = 655.33;

    private record Metric(String name, int field, String unit, double max) {}

    private static final List<Metric> METRICS = List.of(
            new Metric("body_weight", WeightScaleMesg.WeightFieldNum, "kg", MAX_KG),
            new Metric("body_fat", WeightScaleMesg.PercentFatFieldNum, "%", 100),
            new Metric("muscle_mass", WeightScaleMesg.MuscleMassFieldNum, "kg", MAX_KG));

    private WeighIns() {}

    static void emit(List<WeightScaleMesg> readings, FitClock clock, String idBase, DraftSink sink) {
        for (int i = 0; i < readings.size(); i++) {
            WeightScaleMesg reading = readings.get(i);
            Long time = reading.getFieldLongValue(WeightScaleMesg.TimestampFieldNum);
            if (time == null) {
                sink.skipped("weight_scale reading " + (i + 1), "has no time");
                continue;
            }
            Instant at = clock.instant(time, "weight_scale reading " + (i + 1));
            String where = "weight_scale reading at " + at;
            Integer user = reading.getUserProfileIndex();
            if (user != null && user != 0) {
                sink.skipped(where, "another user of the scale (user " + user + ")");
                continue;
            }
            int written = 0;
            for (Metric metric : METRICS) {
                Optional<Double> value = optional(reading, metric.field()).filter(v -> v > 0 && v <= metric.max());
                if (value.isPresent()) {
                    sink.accept(draft(metric, value.get(), at, idBase + ":w" + time + ":" + metric.name()));
                    written++;
                }
            }
            if (written == 0) {
                sink.skipped(where, "has no weight, body fat or muscle mass");
            }
        }
    }

    private static Draft draft(Metric metric, double value, Instant at, String id) {
        ObjectNode data = DataFields.object();
        data.put("metric", metric.name());
        data.set("value", DataFields.number(value));
        data.put("unit", metric.unit());
        data.put("source", "fit");
        return new Draft("metric.recorded", at, Optional.empty(), data, id);
    }
}
