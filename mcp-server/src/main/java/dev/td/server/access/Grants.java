package dev.td.server.access;

import dev.td.tools.Delegations;
import dev.td.tools.ErrorCode;
import dev.td.tools.Principal;
import dev.td.tools.ToolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Grants: one person lets another act on their data within scopes, until a date or until revoked. Every call
 * that names another person reads the grant from the database ({@link #actAs}), so a revocation holds from the
 * next request on, in every server process.
 */
public final class Grants implements Delegations {

    private final DataSource db;

    public Grants(DataSource db) {
        this.db = db;
    }

    /**
     * A grant as listed.
     *
     * @param owner   the person whose data is shared
     * @param grantee the person it is shared with
     */
    public record Grant(
            UUID grantId,
            Accounts.Person owner,
            Accounts.Person grantee,
            String role,
            Set<String> scopes,
            Instant created,
            Optional<Instant> expires,
            Optional<Instant> revoked) {

        public Grant {
            scopes = Set.copyOf(scopes);
        }

        /** Neither revoked nor expired at {@code now}. */
        public boolean activeAt(Instant now) {
            return revoked.isEmpty() && expires.map(now::isBefore).orElse(true);
        }
    }

    /**
     * Grants {@code grantee} the role and scopes on {@code owner}'s data. A second grant to the same grantee
     * replaces the first (which is revoked in the same transaction): one active grant per pair.
     */
    public Grant grant(UUID owner, UUID grantee, String role, Set<String> scopes, Optional<Instant> expires) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement revoke = c.prepareStatement(
                    "UPDATE grants SET revoked_at = now() WHERE user_id = ? AND grantee_id = ? AND revoked_at IS NULL")) {
                revoke.setObject(1, owner);
                revoke.setObject(2, grantee);
                revoke.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO grants (user_id, grant_id, grantee_id, role, scopes, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, owner);
                ps.setObject(2, id);
                ps.setObject(3, grantee);
                ps.setString(4, role);
                ps.setArray(5, c.createArrayOf("text", scopes.toArray()));
                ps.setTimestamp(6, expires.map(Timestamp::from).orElse(null));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(owner, id).orElseThrow(() -> new IllegalStateException("grant " + id + " not stored"));
    }

    /** Revokes a grant the person gave; false when it was revoked already or is not theirs. */
    public boolean revoke(UUID owner, UUID grantId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE grants SET revoked_at = now() WHERE user_id = ? AND grant_id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, owner);
            ps.setObject(2, grantId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grants a person gave and holds, newest first. */
    public List<Grant> of(UUID person) {
        return select("g.user_id = ? OR g.grantee_id = ?", person, person);
    }

    /** A grant the person gave. */
    public Optional<Grant> find(UUID owner, UUID grantId) {
        return select("g.user_id = ? AND g.grant_id = ?", owner, grantId).stream()
                .findFirst();
    }

    @Override
    public Principal actAs(Principal caller, String person) {
        if (caller.delegation().isPresent()) {
            throw new IllegalStateException("a call through a grant cannot name a person again");
        }
        Optional<UUID> asId = Handles.asId(person);
        if (asId.map(caller.userId()::equals).orElse(false)) {
            return caller;
        }
        try (Connection c = db.getConnection()) {
            Optional<Accounts.Person> owner = Accounts.person(c, person);
            if (owner.isPresent() && owner.get().userId().equals(caller.userId())) {
                return caller;
            }
            if (owner.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT grant_id, role, scopes FROM grants WHERE user_id = ? AND grantee_id = ?"
                                + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())")) {
                    ps.setObject(1, owner.get().userId());
                    ps.setObject(2, caller.userId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return caller.delegatedTo(
                                    owner.get().userId(),
                                    new Principal.Delegation(
                                            caller.userId(),
                                            rs.getObject(1, UUID.class),
                                            rs.getString(2),
                                            owner.get().handle(),
                                            Set.of((String[]) rs.getArray(3).getArray())));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new ToolException(
                ErrorCode.FORBIDDEN,
                "$.person",
                "no person '" + person + "' has granted you access (or the grant was revoked or has expired);"
                        + " list_grants shows the grants you hold; leave out person for your own data");
    }

    private List<Grant> select(String where, UUID a, UUID b) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT g.grant_id, o.user_id, o.handle, o.name, o.created_at, e.user_id, e.handle, e.name,"
                                + " e.created_at, g.role, g.scopes, g.created_at, g.expires_at, g.revoked_at"
                                + " FROM grants g JOIN users o ON o.user_id = g.user_id"
                                + " JOIN users e ON e.user_id = g.grantee_id WHERE " + where
                                + " ORDER BY g.created_at DESC, g.grant_id")) {
            ps.setObject(1, a);
            ps.setObject(2, b);
            List<Grant> grants = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add(new Grant(
                            rs.getObject(1, UUID.class),
                            new Accounts.Person(
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()),
                            new Accounts.Person(
                                    rs.getObject(6, UUID.class),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getTimestamp(9).toInstant()),
                            rs.getString(10),
                            Set.of((String[]) rs.getArray(11).getArray()),
                            rs.getTimestamp(12).toInstant(),
                            Optional.ofNullable(rs.getTimestamp(13)).map(Timestamp::toInstant),
                            Optional.ofNullable(rs.getTimestamp(14)).map(Timestamp::toInstant)));
                }
            }
            return grants;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
