package dev.td.server;

import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolRegistry;
import java.nio.file.Path;
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

    private TdCore(Database database) {
        this.database = database;
        this.events = new EventStore(database.dataSource());
        this.accounts = new Accounts(database.dataSource());
        this.eventTypes = EventTypes.load();
        ToolRegistry.Builder registry = ToolRegistry.builder(ToolCatalog.load());
        new EventTools(events, new EventQuery(database.dataSource(), events), eventTypes, accounts).register(registry);
        this.tools = registry.build();
    }

    /** Opens the database (embedded under dataDir when no URL is given), migrates it, and wires td. */
    public static TdCore open(Optional<String> databaseUrl, Path dataDir) {
        Database db = databaseUrl.map(Database::external).orElseGet(() -> Database.embedded(dataDir));
        try {
            db.migrate();
            return new TdCore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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
