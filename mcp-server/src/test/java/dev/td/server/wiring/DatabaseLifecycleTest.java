package dev.td.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.server.Main;
import dev.td.testkit.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The database td runs on, as the person starting td meets it: one td per data directory, passwords
 * on the embedded PostgreSQL, and a server whose own connections cannot get the owner's rights back.
 */
class DatabaseLifecycleTest {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theEmbeddedServersConnectionsCannotGetTheSuperusersRightsBack() throws SQLException {
        try (Database db = Database.embedded(TestDatabases.tempDir("td-escape"))) {
            db.migrate();
            assertNoWayAroundTheAppendOnlyLog(db.appDataSource());
        }
    }

    @Test
    void anExternalSuperusersServerLogsInAsTdAppAndCannotGetTheRightsBack() throws SQLException {
        // TestDatabases hands out a URL of the superuser postgres, as CI's external PostgreSQL does
        try (TdCore core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-ext"))) {
            assertNoWayAroundTheAppendOnlyLog(core.database().appDataSource());
        }
    }

    private static void assertNoWayAroundTheAppendOnlyLog(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("RESET ROLE");
            try (ResultSet rs = s.executeQuery("SELECT session_user, current_user")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2))).containsExactly("td_app", "td_app");
            }
            for (String sql : List.of(
                    "ALTER TABLE events DISABLE TRIGGER ALL",
                    "ALTER TABLE events_p0 DISABLE TRIGGER ALL",
                    "ALTER TABLE events DISABLE ROW LEVEL SECURITY",
                    "ALTER TABLE events NO FORCE ROW LEVEL SECURITY",
                    "DROP POLICY events_of_the_person ON events",
                    "SET session_replication_role = replica",
                    "UPDATE events SET data = '{}'",
                    "DELETE FROM events",
                    "ALTER TABLE events DETACH PARTITION events_p0",
                    "DROP TABLE events_p0",
                    "SET ROLE postgres",
                    "CREATE ROLE td_escape SUPERUSER LOGIN",
                    "SELECT password FROM td_app_login")) {
                assertThatThrownBy(() -> s.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as(sql + ": " + e.getMessage())
                                .isIn("42501", "42000")); // insufficient_privilege, or "must be owner"
            }
        }
    }

    @Test
    void nobodyConnectsToTheEmbeddedDatabaseWithoutItsPassword() throws IOException {
        Path dir = TestDatabases.tempDir("td-pw");
        try (Database db = Database.embedded(dir)) {
            String url = withoutQuery(db.jdbcUrl());
            for (String user : List.of("postgres", "td_app")) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, ""))
                        .as(user + " without a password")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, "wrong-password"))
                        .as(user + " with a wrong password")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            }
            assertThat(methodsOf(dir.resolve("postgres/pg_hba.conf"))).containsOnly("scram-sha-256");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir.resolve("postgres.credentials"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aNewDataDirectoryLetsNobodyInWithoutAPasswordEvenWhileItIsBeingMade() throws Exception {
        Path dir = TestDatabases.tempDir("td-born");
        Path pidFile = dir.resolve("postgres/postmaster.pid");
        AtomicBoolean started = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        List<String> gotIn = new CopyOnWriteArrayList<>();
        // a local process that knows the port as soon as PostgreSQL writes it and tries the superuser
        Thread intruder = Thread.ofPlatform().start(() -> {
            while (!started.get()) {
                portIn(pidFile).ifPresent(port -> {
                    attempts.incrementAndGet();
                    try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2", "postgres", "")) {
                        gotIn.add("attempt " + attempts.get() + " as "
                                + c.getMetaData().getUserName());
                    } catch (SQLException refused) {
                        // what must happen every time
                    }
                });
                Thread.onSpinWait();
            }
        });
        try (Database db = Database.embedded(dir)) {
            started.set(true);
            intruder.join();
            assertThat(db.isEmbedded()).isTrue();
        }
        assertThat(attempts.get()).as("attempts while the new cluster started").isPositive();
        assertThat(gotIn).as("password-less superuser logins").isEmpty();
        assertThat(methodsOf(dir.resolve("postgres/pg_hba.conf"))).containsOnly("scram-sha-256");
        assertThat(Files.readString(dir.resolve("postgres.log"))).doesNotContain("trust authentication");
        assertThat(dir.resolve("postgres.initdb-password")).doesNotExist();
    }

    private static Optional<Integer> portIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > 3 && lines.get(3).strip().matches("[0-9]+")
                    ? Optional.of(Integer.parseInt(lines.get(3).strip()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Test
    void aDataDirectoryMadeWithoutPasswordsGetsThemOnItsNextStart() throws Exception {
        Path dir = TestDatabases.tempDir("td-upgrade");
        // what td did before: zonky's initdb with trust for everybody, migrated up to V3
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start()) {
            Flyway.configure()
                    .dataSource(old.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .target("3")
                    .load()
                    .migrate();
            try (Connection c = old.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (user_id, name) VALUES (gen_random_uuid(), 'from before')");
            }
        }
        assertThat(methodsOf(dir.resolve("postgres/pg_hba.conf"))).contains("trust");
        try (Database db = Database.embedded(dir)) {
            String url = withoutQuery(db.jdbcUrl());
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (Connection c = db.ownerConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT name FROM users")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("from before");
            }
            db.migrate();
            assertNoWayAroundTheAppendOnlyLog(db.appDataSource());
        }
        assertThat(methodsOf(dir.resolve("postgres/pg_hba.conf"))).containsOnly("scram-sha-256");
    }

    @Test
    void aSecondTdOnTheSameDataDirectoryIsToldWhoHasIt() throws Exception {
        Path dir = TestDatabases.tempDir("td-busy");
        try (Database first = Database.embedded(dir)) {
            assertThat(first.isEmbedded()).isTrue();
            String expected = "another td server (pid "
                    + ProcessHandle.current().pid() + ") is using " + dir + "; stop it or pass --data-dir";
            assertThatThrownBy(() -> Database.embedded(dir))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage(expected);

            Run serve = run(List.of("serve", "--port", "0", "--data-dir", dir.toString()), "");
            assertThat(serve.exit()).isEqualTo(1);
            assertThat(serve.stderr().strip()).isEqualTo("td-server: " + expected);
            assertThat(serve.stdout()).isEmpty();

            String initialize =
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}\n";
            Run stdio = run(List.of("stdio", "--data-dir", dir.toString()), initialize);
            assertThat(stdio.exit()).isEqualTo(1);
            assertThat(stdio.stderr().strip()).isEqualTo("td-server: " + expected);
            var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdio.stdout());
            assertThat(answer.path("id").asInt()).isEqualTo(7);
            assertThat(answer.at("/error/code").asInt()).isEqualTo(-32000);
            assertThat(answer.at("/error/message").asText()).isEqualTo(expected);
        }
        try (Database again = Database.embedded(dir)) {
            assertThat(again.isEmbedded())
                    .as("free again once the first has stopped")
                    .isTrue();
        }
    }

    private record Run(int exit, String stdout, String stderr) {}

    private static Run run(List<String> args, String stdin) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(
                List.of(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile("td-run", ".out");
        Path err = Files.createTempFile("td-run", ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("td-server " + args + " ended")
                .isTrue();
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The authentication method of every line of a pg_hba.conf (type local: 4th field, host: 5th). */
    private static List<String> methodsOf(Path hba) throws IOException {
        return Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+", -1))
                .map(fields -> fields[0].equals("local") ? fields[3] : fields[4])
                .toList();
    }
}
