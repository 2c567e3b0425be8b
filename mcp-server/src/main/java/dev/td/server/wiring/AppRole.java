package dev.td.server.wiring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the server's connection pool logs in. Best: as {@code td_app} itself, a LOGIN role without
 * SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS, with a password the owner gives it and
 * keeps in {@code td_app_login} (so every server on the database uses the same one). Where the owner
 * cannot do that, the pool logs in as the owner, switching to td_app with {@code SET ROLE} where it
 * may, and a warning says what is lost: such a session can {@code RESET ROLE} to the owner's rights.
 */
final class AppRole {

    static final String NAME = "td_app";
    private static final System.Logger LOG = System.getLogger(AppRole.class.getName());

    /** The pool's login. */
    sealed interface Login {
        /** Log in as td_app with this password. */
        record AsAppRole(String password) implements Login {
            @Override
            public String toString() {
                return "AsAppRole[***]";
            }
        }

        /** Log in as the owner, then SET ROLE td_app. */
        record OwnerWithSetRole() implements Login {}

        /** Log in as the owner. */
        record AsOwner() implements Login {}
    }

    private record RoleState(boolean exists, boolean canLogin, boolean privileged, boolean ownerIsMember) {}

    private final String jdbcUrl;
    private final @Nullable String ownerUser;
    private final @Nullable String ownerPassword;

    AppRole(String jdbcUrl, @Nullable String ownerUser, @Nullable String ownerPassword) {
        this.jdbcUrl = jdbcUrl;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
    }

    /**
     * Makes td_app a login role with a known password where the owner may, and says how the pool logs
     * in. {@code preferred}: the password td_app must have (the embedded database's credentials file);
     * empty: the stored one, or a new one.
     */
    Login establish(Optional<String> preferred) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // servers starting together on a new database agree on one password
                s.execute("SELECT pg_advisory_xact_lock(7346183254817001)");
            }
            RoleState role = roleState(c);
            if (!role.exists()) {
                c.commit();
                return fallback(c, role, "the role td_app does not exist (the owner may not create roles)");
            }
            if (!role.canLogin() || role.privileged()) {
                loginWithoutPrivileges(c);
                role = roleState(c);
                if (!role.canLogin() || role.privileged()) {
                    c.commit();
                    return fallback(
                            c,
                            role,
                            role.privileged()
                                    ? "td_app has rights that bypass the database's checks and the owner may not take them away"
                                    : "the owner may not give td_app LOGIN");
                }
            }
            Optional<String> stored = stored(c);
            Optional<String> candidate = preferred.or(() -> stored);
            if (candidate.isPresent() && canLogIn(candidate.get())) {
                if (!candidate.equals(stored)) {
                    store(c, candidate.get());
                }
                c.commit();
                return new Login.AsAppRole(candidate.get());
            }
            String password = candidate.orElseGet(EmbeddedCredentials::randomPassword);
            Savepoint before = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.execute(ScramVerifier.alterRole(NAME, password));
            } catch (SQLException e) {
                c.rollback(before);
                c.commit();
                return fallback(c, role, "the owner may not set td_app's password (" + e.getMessage() + ")");
            }
            store(c, password);
            c.commit();
            if (stored.isPresent() && preferred.isEmpty()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "td_app's stored password no longer worked and was replaced; td_app is one role for the"
                                + " whole PostgreSQL server, so another td database on it that also logs in as"
                                + " td_app may have changed it");
            }
            if (!canLogIn(password)) {
                return fallback(c, role, "td_app may not log in (check pg_hba.conf)");
            }
            return new Login.AsAppRole(password);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare td_app's login: " + e.getMessage(), e);
        }
    }

    private static RoleState roleState(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT rolcanlogin, rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls,"
                                + " pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = ?");
                ResultSet rs = query(ps, NAME)) {
            if (!rs.next()) {
                return new RoleState(false, false, false, false);
            }
            return new RoleState(true, rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3));
        }
    }

    private static ResultSet query(PreparedStatement ps, String value) throws SQLException {
        ps.setString(1, value);
        return ps.executeQuery();
    }

    /** What migration V4 does, again: the role may have been changed since, or created by someone else. */
    private static void loginWithoutPrivileges(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER ROLE td_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        } catch (SQLException e) {
            c.rollback(before);
        }
    }

    private static Optional<String> stored(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("SELECT password FROM td_app_login WHERE role_name = ?");
                ResultSet rs = query(ps, NAME)) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            c.rollback(before); // not migrated yet
            return Optional.empty();
        }
    }

    private static void store(Connection c, String password) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO td_app_login (role_name, password) VALUES (?, ?)"
                + " ON CONFLICT (role_name) DO UPDATE SET password = excluded.password, set_at = now()")) {
            ps.setString(1, NAME);
            ps.setString(2, password);
            ps.executeUpdate();
        } catch (SQLException e) {
            c.rollback(before); // not migrated yet: the password holds for this run
        }
    }

    private boolean canLogIn(String password) {
        try (Connection app = DriverManager.getConnection(jdbcUrl, NAME, password)) {
            return app.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private Login fallback(Connection c, RoleState role, String why) throws SQLException {
        String who;
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
            who = rs.next()
                    ? (rs.getBoolean(2) ? "the PostgreSQL superuser " : "the owner ") + rs.getString(1)
                    : "the owner";
        }
        c.commit();
        if (role.exists() && role.ownerIsMember() && !role.privileged()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "td logs in as " + who + " and switches to td_app with SET ROLE, because " + why
                            + "; code in the server could RESET ROLE and act with the rights of " + who
                            + ". Give td_app LOGIN (or let the owner create roles) to close this");
            return new Login.OwnerWithSetRole();
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "td works with the rights of " + who + ", because " + why
                        + "; the server itself could switch off the database's append-only checks. Create the role"
                        + " td_app (or let the owner create roles) to close this");
        return new Login.AsOwner();
    }
}
