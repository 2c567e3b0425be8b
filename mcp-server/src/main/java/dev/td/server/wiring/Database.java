package dev.td.server.wiring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL td runs on: an embedded server with a persistent data directory when no URL is
 * given, or the server at a JDBC URL. Migrations run on {@link #migrate()}; the pool works as the
 * {@code td_app} role where the migrations could create it (read and append events, never change them).
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final Optional<EmbeddedPostgres> embedded;
    private final String jdbcUrl;
    // Hikari and Flyway take null for "no user/password given"
    private final @Nullable String user;
    private final @Nullable String password;
    private @Nullable HikariDataSource pool;

    private Database(Optional<EmbeddedPostgres> embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user.isEmpty() ? null : user;
        this.password = password.isEmpty() ? null : password;
    }

    /** Starts embedded PostgreSQL keeping its data under {@code dataDir/postgres}. */
    public static Database embedded(Path dataDir) {
        try {
            Path pgData = dataDir.resolve("postgres");
            Files.createDirectories(pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    // zonky's test defaults trade durability for speed; an acknowledged event must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            return new Database(Optional.of(pg), url, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start embedded PostgreSQL in " + dataDir + " (is another td server using it?): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Connects to an external PostgreSQL. Accepts {@code jdbc:postgresql://…} and
     * {@code postgresql://user:password@host:port/db} URLs.
     */
    public static Database external(String url) {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        return new Database(Optional.empty(), parsed.jdbcUrl(), parsed.user(), parsed.password());
    }

    /** Runs the Flyway migrations of the schema module; returns how many were applied. */
    public int migrate() {
        return Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The connection pool (created on first use), working as td_app where that role exists. */
    public synchronized DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(Integer.getInteger("td.db.pool", 16));
            config.setPoolName("td");
            if (appRoleUsable()) {
                config.setConnectionInitSql("SET ROLE td_app");
            }
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** A connection as the migrating (owner) user, bypassing td_app; for administration and tests. */
    public Connection ownerConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, user, password);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    private boolean appRoleUsable() {
        try (Connection c = ownerConnection();
                var rs = c.createStatement().executeQuery("SELECT pg_has_role(current_user, 'td_app', 'MEMBER')")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.INFO, "td_app role not usable, working as " + user + ": " + e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
        embedded.ifPresent(pg -> {
            try {
                pg.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly", e);
            }
        });
    }
}
