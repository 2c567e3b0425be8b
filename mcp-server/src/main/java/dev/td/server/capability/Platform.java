package dev.td.server.capability;

import dev.td.server.access.Accounts;
import dev.td.server.events.EventCheck;
import dev.td.server.events.EventQuery;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.ToolRegistry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * What every {@link Capability} is installed on: the shared services of one td process (database,
 * event log, projection engine, accounts, event types) and the places a capability plugs into (the
 * tool registry, the event checks, the context of corrections and voids, what proposed events would change, the
 * log's append listeners).
 */
public final class Platform {

    private final DataSource database;
    private final EventStore events;
    private final EventQuery queries;
    private final ProjectionEngine projections;
    private final Accounts accounts;
    private final EventTypes eventTypes;
    private final ToolRegistry.Builder tools;
    private final List<EventCheck> checks = new CopyOnWriteArrayList<>();
    private final List<ChangeContext> changeContexts = new CopyOnWriteArrayList<>();
    private final List<Foresight> foresights = new CopyOnWriteArrayList<>();

    public Platform(
            DataSource database,
            EventStore events,
            ProjectionEngine projections,
            Accounts accounts,
            EventTypes eventTypes,
            ToolRegistry.Builder tools) {
        this.database = Objects.requireNonNull(database, "database");
        this.events = Objects.requireNonNull(events, "events");
        this.queries = new EventQuery(database, events);
        this.projections = Objects.requireNonNull(projections, "projections");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.eventTypes = Objects.requireNonNull(eventTypes, "eventTypes");
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    public DataSource database() {
        return database;
    }

    public EventStore events() {
        return events;
    }

    public EventQuery queries() {
        return queries;
    }

    public ProjectionEngine projections() {
        return projections;
    }

    public Accounts accounts() {
        return accounts;
    }

    public EventTypes eventTypes() {
        return eventTypes;
    }

    /** The registry a capability adds its tool handlers to (one per manifest it owns). */
    public ToolRegistry.Builder tools() {
        return tools;
    }

    /** Adds a rule about event data that agents' raw writes and corrections must pass (see {@link EventCheck}). */
    public void checkEvents(EventCheck check) {
        checks.add(Objects.requireNonNull(check, "check"));
    }

    /** Every rule added by any capability, as one check; rules added later apply too. */
    public EventCheck eventChecks() {
        return (user, type, data, dataPath) -> {
            for (EventCheck c : checks) {
                c.check(user, type, data, dataPath);
            }
        };
    }

    /** Adds what a capability tells about corrections and voids to their answers (see {@link ChangeContext}). */
    public void describeChanges(ChangeContext context) {
        changeContexts.add(Objects.requireNonNull(context, "context"));
    }

    /** Every capability's {@link ChangeContext}, as one; contexts added later apply too. */
    public ChangeContext changeContext() {
        return (user, touched) -> {
            List<ChangeContext.After> steps =
                    changeContexts.stream().map(c -> c.before(user, touched)).toList();
            return context -> steps.forEach(s -> s.addTo(context));
        };
    }

    /** Adds what a capability tells about proposed events to what_if's answers (see {@link Foresight}). */
    public void foresee(Foresight foresight) {
        foresights.add(Objects.requireNonNull(foresight, "foresight"));
    }

    /** Every capability's {@link Foresight}, as one; those added later apply too. */
    public Foresight foresight() {
        return (user, proposed) -> {
            List<Foresight.After> steps =
                    foresights.stream().map(f -> f.before(user, proposed)).toList();
            return (changes, context) -> steps.forEach(s -> s.addTo(changes, context));
        };
    }

    /** Hears every append to the log: inside its transaction, and after it commits. */
    public void listen(EventStore.AppendListener listener) {
        events.addListener(listener);
    }
}
