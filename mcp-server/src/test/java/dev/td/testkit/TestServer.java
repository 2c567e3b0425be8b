package dev.td.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A real td server for tests: a fresh database, the owner with a known key, HTTP on a free port. */
final class TestServer implements AutoCloseable {

    static final String OWNER_KEY = "td_test_owner_key_0123456789abcdefghijklmnop";

    final TdCore core;
    final HttpServer http;
    final String databaseUrl;

    private TestServer(TdCore core, HttpServer http, String databaseUrl) {
        this.core = core;
        this.http = http;
        this.databaseUrl = databaseUrl;
    }

    static TestServer start() {
        return start(false);
    }

    static TestServer start(boolean conformanceFixtures) {
        String url = TestDatabases.fresh();
        TdCore core = TdCore.open(Optional.of(url), TestDatabases.tempDir("td-test"));
        core.accounts().bootstrapOwner(Optional.of(OWNER_KEY));
        HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), conformanceFixtures, conformanceFixtures));
        return new TestServer(core, http, url);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.port();
    }

    long eventCount() {
        try (var c = core.database().dataSource().getConnection(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop();
        core.close();
    }
}
