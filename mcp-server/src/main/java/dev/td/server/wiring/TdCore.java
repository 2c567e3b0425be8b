package dev.td.server.wiring;

import dev.td.server.access.AccessLogStore;
import dev.td.server.access.Accounts;
import dev.td.server.access.Grants;
import dev.td.server.analysis.AnalysisCapability;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.compare.CompareCapability;
import dev.td.server.endurance.Activities;
import dev.td.server.endurance.EnduranceCapability;
import dev.td.server.events.ChainVerifier;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.evidence.EvidenceCapability;
import dev.td.server.exercises.ExercisesCapability;
import dev.td.server.exports.Exports;
import dev.td.server.exports.ExportsCapability;
import dev.td.server.health.HealthCapability;
import dev.td.server.imports.ImportsCapability;
import dev.td.server.imports.Uploads;
import dev.td.server.insights.InsightsCapability;
import dev.td.server.journal.JournalCapability;
import dev.td.server.load.LoadCapability;
import dev.td.server.metrics.MetricsCapability;
import dev.td.server.overview.OverviewCapability;
import dev.td.server.past.PastCapability;
import dev.td.server.profile.ProfileCapability;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.server.sharing.SharingCapability;
import dev.td.server.strength.StrengthCapability;
import dev.td.server.whatif.WhatIfCapability;
import dev.td.tools.CallScope;
import dev.td.tools.Principal;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * td without its faces: the database, the event store, the accounts, and every capability installed
 * on them. Every face (HTTP, stdio) is built on one of these.
 */
public final class TdCore implements AutoCloseable {

    /** The version /health, MCP and OpenAPI report; the CLI reports the same one ({@code td --version}). */
    public static final String VERSION = dev.td.tools.TdVersion.CURRENT;

    private final Database database;
    private final EventStore events;
    private final Accounts accounts;
    private final PrincipalScope scope = new PrincipalScope();
    private final EventTypes eventTypes;
    private final ToolRegistry tools;
    private final ProjectionEngine projections;
    private final ExercisesCapability exercises;
    private final EnduranceCapability endurance;
    private final CompletableFuture<List<ChainVerifier.Report>> chainCheck;
    private volatile boolean closing;
    private static final Duration CHAIN_CHECK_STOP = Duration.ofSeconds(10);

    private final InsightsCapability insights;
    private final Uploads uploads;
    private final Exports exports;
    private final AccessLogStore accessLog;
    private AutoCloseable background = () -> {};

    private TdCore(Database database) {
        this.database = database;
        this.chainCheck = new CompletableFuture<>();
        this.events = new EventStore(database.dataSource());
        this.accounts = new Accounts(database.dataSource());
        this.eventTypes = EventTypes.load();
        ProfileCapability profile = new ProfileCapability();
        this.exercises = new ExercisesCapability(profile);
        this.endurance = new EnduranceCapability(profile);
        // One line per domain; a capability used by others is handed to them here.
        HealthCapability health = new HealthCapability(profile, exercises);
        LoadCapability load = new LoadCapability(profile);
        MetricsCapability metrics = new MetricsCapability(profile);
        StrengthCapability strength = new StrengthCapability(profile, exercises);
        Grants grants = new Grants(database.dataSource());
        this.insights = new InsightsCapability(profile, metrics, endurance, load, strength, health);
        this.accessLog = new AccessLogStore(database.dataSource());
        this.uploads = Uploads.fromSystemProperties();
        this.exports = Exports.fromSystemProperties();
        List<Capability> capabilities = List.of(
                profile,
                new SharingCapability(grants, accessLog, profile),
                new JournalCapability(profile),
                exercises,
                strength,
                endurance,
                health,
                load,
                metrics,
                new OverviewCapability(profile, load, endurance, metrics, health),
                new AnalysisCapability(),
                new EvidenceCapability(profile, exercises),
                insights,
                new CompareCapability(profile, exercises, strength, endurance, metrics, load, health),
                new WhatIfCapability(profile, metrics),
                new PastCapability(profile),
                new ImportsCapability(profile, exercises, uploads),
                new ExportsCapability(exports, accessLog));
        this.projections = new ProjectionEngine(
                database.dataSource(),
                capabilities.stream()
                        .flatMap(c -> c.projections().stream())
                        .<Projection<?>>map(p -> p)
                        .toList());
        events.addListener(projections);
        ToolRegistry.Builder registry = ToolRegistry.builder(ToolCatalog.load())
                .delegations(grants)
                .scope(scope)
                .accessLog(accessLog);
        Platform platform = new Platform(database.dataSource(), events, projections, accounts, eventTypes, registry);
        capabilities.forEach(c -> c.install(platform));
        this.tools = registry.build();
    }

    /** Opens the database (embedded under dataDir when no URL is given), migrates it, and wires td. */
    public static TdCore open(Optional<String> databaseUrl, Path dataDir) {
        Database db = databaseUrl.map(Database::external).orElseGet(() -> Database.embedded(dataDir));
        try {
            db.migrate();
            TdCore core = new TdCore(db);
            core.projections.rebuildOutdated();
            core.startChainCheck();
            core.startBackground();
            return core;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Recomputes every person's hash chain in the background and logs a warning for each that does not
     * verify; td answers meanwhile (the check reads in its own snapshots and is linear in the log, so
     * years of history do not delay the start). Stopped between people when td closes.
     */
    private void startChainCheck() {
        Thread check = Thread.ofPlatform().daemon().name("td-chain-check").unstarted(() -> {
            try {
                chainCheck.complete(new ChainVerifier(database.dataSource(), events).checkAll(() -> !closing));
            } catch (RuntimeException e) {
                chainCheck.completeExceptionally(e);
            }
        });
        check.start();
    }

    /**
     * The background analyses: {@code td.analysis.workers} workers (default 1; 0 runs none, e.g. a process that only
     * serves reads while another does the work), each with a LISTEN connection of its own.
     */
    private void startBackground() {
        int workers = Integer.getInteger("td.analysis.workers", 1);
        if (workers > 0) {
            background = insights.startWorkers(workers, database::ownerConnection);
        }
    }

    /** A person's analyses recomputed now, as a background worker would (benchmarks, tests); the sequence reflected. */
    public long recomputeAnalyses(UUID user) {
        return insights.recompute(user);
    }

    /** The chains found broken by the check td starts with (completes when that check is done). */
    public CompletableFuture<List<ChainVerifier.Report>> chainCheckAtStart() {
        return chainCheck;
    }

    /** Names of the person's exercises that match what was typed so far (for MCP completions). */
    public List<String> exerciseNames(UUID user, String typed) {
        // as that person, like a tool call (row-level security): completion reads their catalog
        CallScope.Binding bound = scope.bind(new Principal(user, new UUID(0, 0), "completion", Set.of()));
        try {
            return exercises.names(user, typed);
        } finally {
            bound.close();
        }
    }

    /** A person's endurance activities, as the capabilities that build on them read them. */
    public Activities activities() {
        return endurance;
    }

    public ProjectionEngine projections() {
        return projections;
    }

    public Database database() {
        return database;
    }

    /** Where uploads wait for import_file (PUT /v1/uploads). */
    public dev.td.rest.Uploader uploader() {
        return new UploadRoute(uploads);
    }

    /** Where export_data's zips are downloaded (GET /v1/exports/{export_id}). */
    public dev.td.rest.Downloads downloads() {
        return new ExportRoute(exports, accessLog);
    }

    public EventStore events() {
        return events;
    }

    public Accounts accounts() {
        return accounts;
    }

    public EventTypes eventTypes() {
        return eventTypes;
    }

    public ToolRegistry tools() {
        return tools;
    }

    @Override
    public void close() {
        closing = true;
        try {
            background.close();
        } catch (Exception e) {
            // the workers stop with the database anyway
        }
        try {
            chainCheck.get(CHAIN_CHECK_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            // logged by the check itself; closing goes on
        }
        database.close();
    }
}
