package dev.td.testkit;

import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real td server for tests: a fresh database, the owner with a known key, HTTP on a free port.
 *
 * <p>One per test class, as a JUnit extension that starts it before the class and stops it after:
 * <pre>{@code @RegisterExtension static final TestServer server = TestServer.perClass();}</pre>
 * or one of its own, for a single test: {@code try (TestServer own = TestServer.start()) { … }}.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public static final String OWNER_KEY = "td_test_owner_key_0123456789abcdefghijklmnop";

    private record Running(TdCore core, HttpServer http, String databaseUrl) {}

    private final boolean conformanceFixtures;
    private Optional<Running> running = Optional.empty();

    private TestServer(boolean conformanceFixtures) {
        this.conformanceFixtures = conformanceFixtures;
    }

    /** A server started before the test class and stopped after it (register with {@code @RegisterExtension}). */
    public static TestServer perClass() {
        return new TestServer(false);
    }

    /** A server of one's own, started now; close it when done. */
    public static TestServer start() {
        return start(false);
    }

    /** A server of one's own, with the MCP conformance suite's fixtures when asked. */
    public static TestServer start(boolean conformanceFixtures) {
        TestServer server = new TestServer(conformanceFixtures);
        server.open();
        return server;
    }

    private void open() {
        if (running.isPresent()) {
            throw new IllegalStateException("this test server is already running");
        }
        String url = TestDatabases.fresh();
        TdCore core = TdCore.open(Optional.of(url), TestDatabases.tempDir("td-test"));
        core.accounts().bootstrapOwner(Optional.of(OWNER_KEY));
        HttpServer http = HttpServer.start(
                core, new HttpServer.Options("127.0.0.1", 0, List.of(), conformanceFixtures, conformanceFixtures));
        running = Optional.of(new Running(core, http, url));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public TdCore core() {
        return running().core();
    }

    public HttpServer http() {
        return running().http();
    }

    /** The URL of the server's own database, for a second process (td-server stdio) on the same data. */
    public String databaseUrl() {
        return running().databaseUrl();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http().port();
    }

    /** A new person with a key of every scope, as its principal (people of their own for each test). */
    public dev.td.tools.Principal person(String handle) {
        dev.td.server.access.Accounts accounts = core().accounts();
        java.util.UUID id = accounts.createPerson(handle, handle).userId();
        return accounts.authenticate(accounts.createKey(id, "test", java.util.Set.of("*")))
                .orElseThrow();
    }

    /** A tool call in process, through the registry (validation, the tool, its hooks), as {@code p}; the envelope. */
    public com.fasterxml.jackson.databind.JsonNode invoke(
            dev.td.tools.Principal p, String tool, com.fasterxml.jackson.databind.JsonNode args) {
        return core().tools()
                .invoke(
                        tool,
                        p,
                        args,
                        new dev.td.tools.ToolCall.Origin(
                                "api",
                                java.util.UUID.randomUUID().toString(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty()))
                .toJson();
    }

    /** {@link #invoke(dev.td.tools.Principal, String, com.fasterxml.jackson.databind.JsonNode)} with JSON text. */
    public com.fasterxml.jackson.databind.JsonNode invoke(dev.td.tools.Principal p, String tool, String args) {
        try {
            return invoke(p, tool, dev.td.tools.Json.mapper().readTree(args));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events stored, read from the database directly. */
    public long eventCount() {
        try (Connection c = core().database().dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Running running() {
        return running.orElseThrow(() -> new IllegalStateException(
                "the test server is not running: register it with @RegisterExtension or use TestServer.start()"));
    }

    @Override
    public void close() {
        running.ifPresent(r -> {
            r.http().stop();
            r.core().close();
        });
        running = Optional.empty();
    }
}
