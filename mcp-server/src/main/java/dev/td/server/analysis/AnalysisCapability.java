package dev.td.server.analysis;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;

/**
 * The statistics tools ({@code stats_describe}, {@code stats_compare}, {@code stats_correlate},
 * {@code stats_trend}, {@code stats_regression}) over the pure {@code dev.td.statistics} module, and
 * {@link StatisticsJson}, the one rendering of its results that other capabilities reuse.
 */
public final class AnalysisCapability implements Capability {

    @Override
    public void install(Platform platform) {
        new StatisticsTools().register(platform.tools());
    }
}
