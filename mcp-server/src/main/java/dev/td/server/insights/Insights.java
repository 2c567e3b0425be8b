package dev.td.server.insights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** What the background analyses found, for other capabilities' answers to carry in their context. */
@Published
public interface Insights {

    /**
     * The correlations that passed the false discovery rate in the person's stored screen, strongest evidence first,
     * at most {@code limit}, each whose both series the reader may see ({@code mayRead} is asked the scope of each):
     * {@code {predictor, outcome, lag_days, r, adjusted_p}}. Empty before the first background run.
     */
    List<ObjectNode> discoveries(UUID user, Predicate<String> mayRead, int limit);
}
