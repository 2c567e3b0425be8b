package dev.td.server.wiring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL td runs on: an embedded server with a persistent data directory when no URL is
 * given, or the server at a JDBC URL. Migrations and administration run as the owner (the URL's user;
 * embedded: the superuser {@code postgres}); the connection pool logs in as {@code td_app}, a role
 * that may read and append events and nothing that bypasses the database's checks (see
 * {@link AppRole} for where that is not possible).
 *
 * <p>Embedded, every connection needs a password: both are generated on first start and kept in
 * {@code dataDir/postgres.credentials} (0600); {@code pg_hba.conf} says {@code scram-sha-256} on every
 * line. The data directory is locked while td runs on it; a PostgreSQL left running by a killed td is
 * stopped before the next start.
 */
public final class Database implements AutoCloseable {

    private final Optional<EmbeddedServer> embedded;
    // without user and password: those go separately to the driver, which would prefer the URL's
    private final String jdbcUrl;
    // the driver, Hikari and Flyway take null for "no user/password given"
    private final @Nullable String user;
    private final @Nullable String password;
    private final Optional<String> appPassword;
    private @Nullable HikariDataSource pool;
    private @Nullable HikariDataSource systemPool;
    private @Nullable DataSource scoped;
    private @Nullable Thread stopOnExit;

    private Database(
            Optional<EmbeddedServer> embedded,
            String jdbcUrl,
            String user,
            String password,
            Optional<String> appPassword) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user.isEmpty() ? null : user;
        this.password = password.isEmpty() ? null : password;
        this.appPassword = appPassword;
    }

    /**
     * Starts embedded PostgreSQL keeping its data under {@code dataDir/postgres}.
     *
     * @throws DatabaseUnavailableException when another td uses the directory, or PostgreSQL cannot start
     */
    public static Database embedded(Path dataDir) {
        EmbeddedServer server = EmbeddedServer.start(dataDir);
        EmbeddedCredentials credentials = server.credentials();
        Database db = new Database(
                Optional.of(server),
                server.jdbcUrl(),
                EmbeddedServer.SUPERUSER,
                credentials.superuserPassword(),
                Optional.of(credentials.appPassword()));
        // kill -9 cannot be helped (the next start clears up); SIGTERM and the end of main must not orphan PostgreSQL
        Thread stop = new Thread(db::close, "td-database-stop");
        db.stopOnExit = stop;
        Runtime.getRuntime().addShutdownHook(stop);
        return db;
    }

    /**
     * The embedded PostgreSQL that a running td server holds on {@code dataDir}, reached on the port
     * PostgreSQL writes as the fourth line of {@code postmaster.pid}, as the owner (its password from the
     * data directory); empty if none runs there. For administration (keys) while td serves.
     */
    public static Optional<Database> attachToRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(3).strip().matches("\\d{1,5}")) {
                return Optional.empty();
            }
            String password = EmbeddedCredentials.read(dataDir)
                    .map(EmbeddedCredentials::superuserPassword)
                    .orElse("");
            String url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", EmbeddedServer.SUPERUSER);
            props.setProperty("password", password);
            props.setProperty("loginTimeout", "5");
            try (Connection probe = DriverManager.getConnection(url, props)) {
                return probe.isValid(5)
                        ? Optional.of(new Database(
                                Optional.empty(), url, EmbeddedServer.SUPERUSER, password, Optional.empty()))
                        : Optional.empty();
            }
        } catch (java.io.IOException | SQLException e) {
            return Optional.empty(); // no pid file, or a stale one: nobody holds the directory
        }
    }

    /**
     * Connects to an external PostgreSQL. Accepts {@code jdbc:postgresql://…} and
     * {@code postgresql://user:password@host:port/db} URLs; the URL's user is the owner.
     */
    public static Database external(String url) {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        return new Database(Optional.empty(), parsed.jdbcUrl(), parsed.user(), parsed.password(), Optional.empty());
    }

    /** Runs the Flyway migrations of the schema module as the owner; returns how many were applied. */
    public int migrate() {
        return Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /**
     * The connections td's code uses (created on first use): inside a tool call the application role's, with the
     * call's principal set for row-level security; outside one the owner's (see {@link ScopedDataSource}).
     */
    public synchronized DataSource dataSource() {
        if (scoped == null) {
            scoped = new ScopedDataSource(appDataSource(), systemDataSource());
        }
        return scoped;
    }

    /**
     * The owner's pool, for work that spans people (start-up rebuilds, the chain check, the catalog, authentication,
     * the operator's commands); small, as that work is. Row-level security does not bind the owner.
     */
    synchronized DataSource systemDataSource() {
        if (systemPool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(Integer.getInteger("td.db.systemPool", 4));
            config.setMinimumIdle(0);
            config.setPoolName("td-system");
            config.addDataSourceProperty(
                    "options", "-c statement_timeout=" + Integer.getInteger("td.db.statementTimeoutMs", 30_000));
            systemPool = new HikariDataSource(config);
        }
        return systemPool;
    }

    /**
     * The application role's pool itself, logged in as td_app where that can be arranged, without the principal a
     * tool call sets: such a connection sees no person's rows. For tests of what the role may do.
     */
    public synchronized DataSource appDataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(Integer.getInteger("td.db.pool", 16));
            config.setPoolName("td");
            // a time budget for every statement: a slow request cannot hold a connection (and starve the pool)
            // for longer than this; PostgreSQL cancels it and the request fails on its own
            config.addDataSourceProperty(
                    "options", "-c statement_timeout=" + Integer.getInteger("td.db.statementTimeoutMs", 30_000));
            switch (new AppRole(jdbcUrl, user, password).establish(appPassword)) {
                case AppRole.Login.AsAppRole app -> {
                    config.setUsername(AppRole.NAME);
                    config.setPassword(app.password());
                }
                case AppRole.Login.OwnerWithSetRole ignored -> {
                    config.setUsername(user);
                    config.setPassword(password);
                    config.setConnectionInitSql("SET ROLE " + AppRole.NAME);
                }
                case AppRole.Login.AsOwner ignored -> {
                    config.setUsername(user);
                    config.setPassword(password);
                }
            }
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** Connections in use right now, in both pools (the application role's and the owner's). */
    public synchronized int activeConnections() {
        int active = 0;
        for (HikariDataSource p : new HikariDataSource[] {pool, systemPool}) {
            if (p != null && p.getHikariPoolMXBean() != null) {
                active += p.getHikariPoolMXBean().getActiveConnections();
            }
        }
        return active;
    }

    /** A connection as the migrating (owner) user, bypassing td_app; for administration and tests. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * The owner's JDBC URL, credentials included: for a second td or a tool on the same database. It
     * holds the owner's password; never log it.
     */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder(jdbcUrl);
        char separator = jdbcUrl.contains("?") ? '&' : '?';
        if (user != null) {
            url.append(separator).append("user=").append(encode(user));
            separator = '&';
        }
        if (password != null) {
            url.append(separator).append("password=").append(encode(password));
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (systemPool != null) {
            systemPool.close();
            systemPool = null;
        }
        scoped = null;
        embedded.ifPresent(EmbeddedServer::close);
        if (stopOnExit != null && Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs, and finds everything closed
            }
        }
    }
}
