package dev.td.archfixture.strength;

import dev.td.archfixture.projections.Projection;
import java.time.Instant;

/** Breaks purity: a fold that reads the clock gives another answer on every replay. */
public final class ClockedProjection implements Projection {

    @Override
    public long apply(long state, long event) {
        return state + event + Instant.now().getEpochSecond();
    }
}
