package dev.td.server;

import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * td without its faces: the database, the event store, the accounts and the tool registry.
 * Every face (HTTP, stdio) is built on one of these.
 */
public final class TdCore implements AutoCloseable {

    public static final String VERSION = "0.1.0";

    private final Database database;
    private final EventStore events;
    private final Accounts accounts;
    private final EventTypes eventTypes;
    private final ToolRegistry tools;
    private final ProjectionEngine projections;
    private final ExerciseCatalog exerciseCatalog;

    private TdCore(Database database) {
        this.database = database;
        this.events = new EventStore(database.dataSource());
        this.accounts = new Accounts(database.dataSource());
        this.eventTypes = EventTypes.load();
        this.projections = new ProjectionEngine(database.dataSource(), List.of(new SessionSummaryProjection(),
                new ExerciseProgressionProjection(), new PersonalRecordsProjection(), new WeeklyVolumeProjection(), new ProfileProjection()));
        events.addListener(projections);
        events.addListener(accounts.profileChanges());
        ToolRegistry.Builder registry = ToolRegistry.builder(ToolCatalog.load());
        ExerciseCatalog exerciseCatalog = ExerciseCatalog.open(database.dataSource());
        this.exerciseCatalog = exerciseCatalog;
        EventCheck knownExercise = (user, type, data, path) -> {
            if (type.equals("set.logged") && exerciseCatalog.find(user, data.path("exercise_id").asText()).isEmpty()) {
                throw exerciseCatalog.unresolved(exerciseCatalog.resolve(user, data.path("exercise").asText()), path + ".exercise_id");
            }
        };
        new EventTools(events, new EventQuery(database.dataSource(), events), eventTypes, accounts, knownExercise).register(registry);
        new StatisticsTools().register(registry);
        events.addListener(exerciseCatalog.projection());
        new ExerciseTools(exerciseCatalog, events, accounts, database.dataSource()).register(registry);
        TrainingViews views = new TrainingViews(database.dataSource(), projections);
        ExerciseDirectory directory = new ExerciseDirectory(exerciseCatalog);
        events.addListener(directory);
        new WorkoutTools(events, projections, accounts, directory::resolveId, views, exerciseCatalog::freeId).register(registry);
        new TrainingQueries(projections, views, directory::resolveId, directory::find).register(registry);
        this.tools = registry.build();
    }

    /** Opens the database (embedded under dataDir when no URL is given), migrates it, and wires td. */
    public static TdCore open(Optional<String> databaseUrl, Path dataDir) {
        Database db = databaseUrl.map(Database::external).orElseGet(() -> Database.embedded(dataDir));
        try {
            db.migrate();
            TdCore core = new TdCore(db);
            core.projections.rebuildOutdated();
            return core;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Names of the person's exercises that match what was typed so far (for MCP completions). */
    public List<String> exerciseNames(java.util.UUID user, String typed) {
        ExerciseCatalog.Filter filter = new ExerciseCatalog.Filter(Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), typed.isBlank() ? Optional.empty() : Optional.of(typed), false);
        return exerciseCatalog.list(user, filter).stream().map(Exercise::name).toList();
    }

    public ProjectionEngine projections() {
        return projections;
    }

    public Database database() {
        return database;
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
        database.close();
    }
}
