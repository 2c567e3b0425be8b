package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.AskedPeriod;
import java.util.List;
import java.util.UUID;

/**
 * The seam for best efforts: the fastest 1 km, 5 km or 20 minutes of power found in activities' laps and samples.
 * Not computed yet ({@link #NOT_YET} finds none): the answers carry best efforts only once an implementation is
 * wired in {@link EnduranceCapability} — get_endurance_progression as {@code data.best_efforts}, log_activity as
 * {@code context.new_best_efforts}. Their shape is the implementation's to choose, and to add to the manifests
 * (get_endurance_progression's output schema, the {@code context} definition) with it.
 */
interface BestEfforts {

    /** The person's best efforts in one sport over the days asked, best first; empty when none are known. */
    List<ObjectNode> inPeriod(UUID user, String sport, AskedPeriod period);

    /** The best efforts the activity just stored set (each with the one it beat); empty when it set none. */
    List<ObjectNode> setBy(UUID user, Activity activity);

    /** No best efforts: answers leave them out. */
    BestEfforts NOT_YET = new BestEfforts() {
        @Override
        public List<ObjectNode> inPeriod(UUID user, String sport, AskedPeriod period) {
            return List.of();
        }

        @Override
        public List<ObjectNode> setBy(UUID user, Activity activity) {
            return List.of();
        }
    };
}
