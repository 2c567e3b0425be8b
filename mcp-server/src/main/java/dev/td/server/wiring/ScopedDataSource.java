package dev.td.server.wiring;

import dev.td.server.events.Hypothetical;
import dev.td.tools.Principal;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections td's code gets. Inside a tool call ({@link PrincipalScope}) a connection of the application role,
 * with {@code td.actor} (the key's person) and {@code td.person} (whose data the call acts on) set on it, so that
 * PostgreSQL's row-level security confines it to that person's rows and, through a grant, to the people who granted
 * the key's person access. Outside a tool call (start-up rebuilds, the chain check of everyone, catalog loading,
 * authenticating a key, the operator's commands) a connection of the owner, whom the policies do not bind: that work
 * spans people by its nature. The application role never runs without the two settings. Inside a what-if ({@link
 * Hypothetical}) the what-if's own connection, so that reads see the events it proposes.
 */
final class ScopedDataSource implements DataSource {

    private final DataSource app;
    private final DataSource system;

    ScopedDataSource(DataSource app, DataSource system) {
        this.app = app;
        this.system = system;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<Connection> whatIf = Hypothetical.connection();
        if (whatIf.isPresent()) {
            return pinned(whatIf.get());
        }
        Optional<Principal> principal = PrincipalScope.current();
        if (principal.isEmpty()) {
            return system.getConnection();
        }
        Connection c = app.getConnection();
        try {
            set(
                    c,
                    principal.get().actorId().toString(),
                    principal.get().userId().toString());
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return unsetOnClose(c);
    }

    private static void set(Connection c, String actor, String person) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT set_config('td.actor', ?, false), set_config('td.person', ?, false)")) {
            ps.setString(1, actor);
            ps.setString(2, person);
            ps.execute();
        }
    }

    /**
     * The connection, which empties both settings before it goes back to the pool: a pooled connection of the
     * application role never carries a principal it was not handed out for.
     */
    private static Connection unsetOnClose(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            if (!c.isClosed()) {
                                if (!c.getAutoCommit()) {
                                    c.rollback(); // what a caller left open is not committed by the reset
                                    c.setAutoCommit(true);
                                }
                                set(c, "", "");
                            }
                        } finally {
                            c.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A what-if's connection as a read sees it: its transaction, with the principal the what-if set on it, which no
     * reader may end. Closing gives nothing back (the what-if does), and commit, rollback and auto-commit changes are
     * ignored: a read that ends "its" transaction must neither store the what-if's events nor undo them under it (a
     * read that failed has aborted the transaction anyway, and the what-if fails with it).
     */
    private static Connection pinned(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close", "commit", "setAutoCommit" -> {
                            return null;
                        }
                        case "rollback" -> {
                            if (method.getParameterCount() == 0) {
                                return null;
                            }
                        }
                        default -> {}
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("td's connections log in as td's roles");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return app.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        app.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        app.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return app.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return app.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return app.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || app.isWrapperFor(type);
    }
}
