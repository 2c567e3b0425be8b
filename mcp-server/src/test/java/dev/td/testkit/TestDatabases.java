package dev.td.testkit;

import dev.td.server.wiring.ConnectionUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL for tests: one embedded server per test JVM by default, or the server at
 * {@code TD_TEST_DATABASE_URL} (CI: Debian's PostgreSQL 15 with pgvector). Every caller gets a new,
 * empty database on it, so test classes never see each other's data.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static @Nullable EmbeddedPostgres embedded;

    private TestDatabases() {}

    /** A temporary directory that is deleted, with its contents, when the test JVM ends. */
    public static java.nio.file.Path tempDir(String prefix) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // best effort: the directory is under the system temp folder anyway
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL (with user and password) of a new empty database. */
    public static synchronized String fresh() {
        String name = "td_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String external = System.getenv("TD_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            ConnectionUrl admin = ConnectionUrl.parse(external);
            execute(admin.jdbcUrl(), admin.user(), admin.password(), "CREATE DATABASE " + name);
            String url = admin.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
            return url + (url.contains("?") ? "&" : "?") + "user=" + admin.user() + "&password=" + admin.password();
        }
        EmbeddedPostgres pg = embedded;
        if (pg == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
                embedded = started;
                pg = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        execute(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", "CREATE DATABASE " + name);
        return pg.getJdbcUrl("postgres", name) + "&password=";
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
        }
    }
}
