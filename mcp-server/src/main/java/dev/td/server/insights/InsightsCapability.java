package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.endurance.Activities;
import dev.td.server.events.EventStore;
import dev.td.server.health.Health;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.Profiles;
import dev.td.server.strength.Strength;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Statistics kept ready (see the package): queues a person's analyses on every append, runs them in background
 * workers, serves them with get_correlations, get_anomalies and get_insights.
 */
public final class InsightsCapability implements Capability {

    private static final System.Logger LOG = System.getLogger(InsightsCapability.class.getName());

    private final Profiles profiles;
    private final CorrelationAnalysis correlations;
    private final AnomalyAnalysis anomalies;
    private final Health health;
    private final TrainingLoad load;
    private final AnalysisQueue.Timing timing;
    private Optional<Installed> installed = Optional.empty();

    private record Installed(
            AnalysisQueue queue,
            Analyses analyses,
            EventStore events,
            dev.td.server.projections.ProjectionEngine engine) {}

    public InsightsCapability(
            Profiles profiles,
            Metrics metrics,
            Activities activities,
            TrainingLoad load,
            Strength strength,
            Health health) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        PersonSeries series = new PersonSeries(metrics, activities, strength);
        this.correlations = new CorrelationAnalysis(series, load);
        this.anomalies = new AnomalyAnalysis(series);
        this.health = Objects.requireNonNull(health, "health");
        this.load = Objects.requireNonNull(load, "load");
        this.timing = AnalysisQueue.Timing.fromSystemProperties();
    }

    @Override
    public void install(Platform platform) {
        AnalysisQueue queue = new AnalysisQueue(platform.database(), timing);
        Analyses analyses = new Analyses(platform.database());
        platform.listen(queue);
        installed = Optional.of(new Installed(queue, analyses, platform.events(), platform.projections()));
        new InsightTools(profiles, correlations, analyses, platform.events(), timing).register(platform.tools());
        platform.tools().after(new InsightsContext(analyses));
        new FindingTools(
                        profiles,
                        new FindingTools.Sources(anomalies, correlations, analyses, platform.events(), health, load),
                        timing)
                .register(platform.tools());
    }

    private Installed installed() {
        return installed.orElseThrow(() -> new IllegalStateException("insights used before install"));
    }

    /**
     * Recomputes a person's analyses (the correlation screen, then the anomalies) and stores each with its own
     * compute time; returns the event sequence they reflect (read before the projections, so a write during the run
     * leaves the job queued for another round).
     */
    public long recompute(UUID user) {
        Installed i = installed();
        long reflects = i.events().lastSequence(user);
        LocalDate today = LocalDate.now(profiles.timeZoneOf(user));
        store(i, user, CorrelationAnalysis.KIND, reflects, () -> correlations.compute(user, today));
        store(i, user, AnomalyAnalysis.KIND, reflects, () -> anomalies.compute(user, today));
        try {
            // the snapshots answers as of a past moment start from: taken here, off the write path
            i.engine().takeSnapshots(user);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "projection snapshots of " + user + " not taken: " + e.getMessage());
        }
        return reflects;
    }

    private static void store(Installed i, UUID user, String kind, long reflects, Supplier<JsonNode> analysis) {
        long start = System.nanoTime();
        JsonNode result = analysis.get();
        double ms = (System.nanoTime() - start) / 1e6;
        i.analyses().put(user, new Analyses.Stored(kind, result, reflects, Instant.now(), ms));
    }

    /** Background workers, started by the wiring once td is up; closed before the database. */
    public AutoCloseable startWorkers(int count, java.util.concurrent.Callable<java.sql.Connection> listening) {
        Installed i = installed();
        try {
            int queued = i.queue().sweep(CorrelationAnalysis.KIND) + i.queue().sweep(AnomalyAnalysis.KIND);
            if (queued > 0) {
                LOG.log(System.Logger.Level.INFO, "background analyses: " + queued + " people queued at start");
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "background analyses: the start-up sweep failed", e);
        }
        List<AnalysisWorker> workers = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            AnalysisWorker worker = new AnalysisWorker("td-analysis-" + n, i.queue(), this::recompute, listening);
            worker.start();
            workers.add(worker);
        }
        return () -> workers.forEach(AnalysisWorker::close);
    }
}
