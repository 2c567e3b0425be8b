package dev.td.server.wiring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded PostgreSQL of one data directory ({@code dataDir/postgres}), run by td: td holds the
 * directory's lock while it runs, clears up what a killed td left behind before starting, requires a
 * password on every connection from the first moment (passwords in {@code dataDir/postgres.credentials}),
 * and on stopping waits until PostgreSQL has ended before it lets the directory go.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());
    static final String SUPERUSER = "postgres";
    static final String LOG_FILE = "postgres.log";
    // crash recovery after a kill -9 replays the WAL before PostgreSQL answers
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final DataDirectoryLock lock;
    private final EmbeddedPostgres pg;
    private final EmbeddedCredentials credentials;
    private final OptionalLong postmasterPid;
    private boolean closed;

    private EmbeddedServer(Path dataDir, DataDirectoryLock lock, EmbeddedPostgres pg, EmbeddedCredentials credentials) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.pg = pg;
        this.credentials = credentials;
        this.postmasterPid = new PostmasterPidFile(pgData(dataDir)).pid();
    }

    static Path pgData(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    /** Locks the data directory and starts PostgreSQL on it, or throws saying why it cannot. */
    static EmbeddedServer start(Path dataDir) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            Path pgData = pgData(dataDir);
            Files.createDirectories(pgData);
            new PostmasterPidFile(pgData).clearLeftovers();
            PgHba hba = new PgHba(pgData);
            // zonky runs initdb only where there is no postgresql.conf yet
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            // a directory from before passwords gets them on this start
            boolean trusting = !fresh && hba.allowsOtherThanScram();
            EmbeddedCredentials credentials = EmbeddedCredentials.read(dataDir).orElseGet(() -> {
                if (!fresh && !trusting) {
                    throw new DatabaseUnavailableException("the passwords of the embedded PostgreSQL in "
                            + pgData + " are missing (" + dataDir.resolve(EmbeddedCredentials.FILE_NAME)
                            + "); restore that file, or set the method of every line in "
                            + pgData.resolve("pg_hba.conf")
                            + " to trust once and td will set new passwords");
                }
                return EmbeddedCredentials.create(dataDir);
            });
            EmbeddedPostgres pg;
            try (InitialPassword initial = InitialPassword.write(dataDir, credentials.superuserPassword())) {
                pg = builder(dataDir, credentials, initial).start();
            }
            EmbeddedServer server = new EmbeddedServer(dataDir, lock, pg, credentials);
            if (trusting) {
                server.requirePasswords(hba);
            }
            return server;
        } catch (IOException e) {
            stopHalfStarted(pgData(dataDir));
            lock.close();
            throw new DatabaseUnavailableException(
                    "could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage() + "; see "
                            + dataDir.resolve(LOG_FILE) + lastLineOf(dataDir.resolve(LOG_FILE)),
                    e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * zonky's builder for this directory. zonky's initdb always passes {@code -A trust}; its "locale"
     * options follow as {@code --name=value}, so initdb's later {@code --auth} wins and a new cluster
     * is born with SCRAM on every line and the superuser's password set: there is no moment in which
     * it lets anybody in without one.
     */
    private static EmbeddedPostgres.Builder builder(
            Path dataDir, EmbeddedCredentials credentials, InitialPassword initial) {
        // PostgreSQL's own messages (recovery, refusals) in the data directory, where the person looks
        ProcessBuilder.Redirect log =
                ProcessBuilder.Redirect.appendTo(dataDir.resolve(LOG_FILE).toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData(dataDir))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setLocaleConfig("auth", PgHba.METHOD)
                .setLocaleConfig("pwfile", initial.file().toString())
                // zonky's own connections (its readiness check) log in as postgres with this password
                .setConnectConfig("password", credentials.superuserPassword())
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                // zonky's test defaults trade durability for speed; an acknowledged event must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", PgHba.METHOD);
    }

    /** The superuser's password in a file only its owner reads, for initdb's {@code --pwfile}; gone after. */
    private record InitialPassword(Path file) implements AutoCloseable {
        static InitialPassword write(Path dataDir, String password) throws IOException {
            Path file = dataDir.resolve("postgres.initdb-password");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            return new InitialPassword(file);
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    private static String lastLineOf(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank())
                    .reduce((first, second) -> second)
                    .map(l -> " (last line: " + l.strip() + ")")
                    .orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** A postmaster that came up too late for zonky's wait must not outlive the failed start. */
    private static void stopHalfStarted(Path pgData) {
        try {
            new PostmasterPidFile(pgData).clearLeftovers();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop the embedded PostgreSQL after a failed start", e);
        }
    }

    /** Gives the superuser its password, then lets nobody in without one. */
    private void requirePasswords(PgHba hba) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, credentials.superuserPassword());
                Statement s = c.createStatement()) {
            s.execute(ScramVerifier.alterRole(SUPERUSER, credentials.superuserPassword()));
            hba.requireScram();
            s.execute("SELECT pg_reload_conf()");
            LOG.log(
                    System.Logger.Level.INFO,
                    "embedded PostgreSQL in " + pgData(dataDir) + " now requires passwords (kept in "
                            + dataDir.resolve(EmbeddedCredentials.FILE_NAME) + ")");
        } catch (SQLException e) {
            close();
            throw new DatabaseUnavailableException(
                    "could not set the passwords of the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of td's database, without credentials. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }

    EmbeddedCredentials credentials() {
        return credentials;
    }

    /** Stops PostgreSQL (fast shutdown), waits until it has ended, then releases the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pg.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly", e);
        }
        // zonky's pg_ctl gives up after 5 s; the shutdown checkpoint may take longer
        postmasterPid.stream()
                .mapToObj(ProcessHandle::of)
                .flatMap(Optional::stream)
                .forEach(p -> {
                    try {
                        if (!PostmasterPidFile.awaitEnd(p, STOP_WAIT)) {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    "embedded PostgreSQL (pid " + p.pid() + ") still running after "
                                            + STOP_WAIT.toSeconds() + " s; the next td start will stop it");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try {
            lock.close();
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not release the data directory lock", e);
        }
    }
}
