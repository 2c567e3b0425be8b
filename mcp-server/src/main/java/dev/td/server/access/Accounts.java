package dev.td.server.access;

import dev.td.tools.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * People and their API keys. Keys are random 32-byte secrets shown once; only their SHA-256 is stored.
 */
public final class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final DataSource db;

    private final ConcurrentHashMap<String, Principal> byKeyHash = new ConcurrentHashMap<>();

    public Accounts(DataSource db) {
        this.db = db;
    }

    /** The result of first start: the owner and, when td generated it, the key to show once. */
    public record Bootstrap(UUID ownerId, Optional<String> newKey) {}

    /**
     * Makes sure an owner exists. On a new database creates the owner with {@code presetKey} or a
     * generated key (returned to be printed once); with a preset key on an existing database, adds it
     * to the owner if missing (so a compose file's key keeps working).
     */
    public Bootstrap bootstrapOwner(Optional<String> presetKey) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Optional<UUID> owner = firstUser(c);
            Optional<String> shown = Optional.empty();
            UUID ownerId;
            if (owner.isPresent()) {
                ownerId = owner.get();
            } else {
                ownerId = UUID.randomUUID();
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO users (user_id, name) VALUES (?, 'owner')")) {
                    ps.setObject(1, ownerId);
                    ps.executeUpdate();
                }
                if (presetKey.isEmpty()) {
                    String key = newKey();
                    insertKey(c, ownerId, key, "owner", Set.of("*"));
                    shown = Optional.of(key);
                }
            }
            if (presetKey.isPresent() && !keyExists(c, presetKey.get())) {
                insertKey(c, ownerId, presetKey.get(), "owner", Set.of("*"));
            }
            c.commit();
            return new Bootstrap(ownerId, shown);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the owner account: " + e.getMessage(), e);
        }
    }

    /** Creates a key for a person; returns the key, which is not stored and cannot be shown again. */
    public String createKey(UUID userId, String agent, Set<String> scopes) {
        String key = newKey();
        try (Connection c = db.getConnection()) {
            insertKey(c, userId, key, agent, scopes);
            return key;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a person (for tests and, later, sign-up); returns their id. */
    public UUID createUser(String name) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO users (user_id, name) VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The principal an unrevoked API key stands for. */
    public Optional<Principal> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = java.util.HexFormat.of().formatHex(sha256(key));
        Principal cached = byKeyHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id, key_id, agent, scopes FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
            ps.setBytes(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Principal p = new Principal(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Set.of((String[])
                                rs.getArray(4).getArray()));
                byKeyHash.put(hash, p);
                return Optional.of(p);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner acting locally (stdio): all scopes, through the owner's first key. */
    public Principal localOwner() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT k.user_id, k.key_id FROM api_keys k JOIN users u USING (user_id) WHERE '*' = ANY (k.scopes) AND k.revoked_at IS NULL ORDER BY u.created_at, k.created_at LIMIT 1")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(
                            "no owner key exists; start the server once with 'serve' to create one");
                }
                return new Principal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), "stdio", Set.of("*"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<UUID> firstUser(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT user_id FROM users ORDER BY created_at LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    private static boolean keyExists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_keys WHERE key_hash = ?")) {
            ps.setBytes(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertKey(Connection c, UUID userId, String key, String agent, Set<String> scopes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_keys (user_id, key_id, key_hash, key_prefix, agent, scopes) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, userId);
            ps.setObject(2, UUID.randomUUID());
            ps.setBytes(3, sha256(key));
            ps.setString(4, key.substring(0, Math.min(8, key.length())));
            ps.setString(5, agent);
            ps.setArray(6, c.createArrayOf("text", scopes.toArray()));
            ps.executeUpdate();
        }
    }

    private static String newKey() {
        StringBuilder key = new StringBuilder("td_");
        for (int i = 0; i < 40; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
