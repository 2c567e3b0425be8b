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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * People and their API keys. td's keys are {@code td_} and 40 random base-62 characters (238 bits), shown
 * once; only their SHA-256 and a display prefix that does not reveal them are stored. Every request looks
 * its key up in the database (one indexed query, no cache), so a revocation holds from the next request
 * on, in every server process on the database.
 */
public final class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String GENERATED_PREFIX = "td_";
    private static final int GENERATED_RANDOM_CHARACTERS = 40;
    /** Random characters of a generated key shown in its display prefix; the 36 others keep 214 bits. */
    private static final int SHOWN_RANDOM_CHARACTERS = 4;

    private final DataSource db;

    public Accounts(DataSource db) {
        this.db = db;
    }

    /** The result of first start: the owner and, when td generated it, the key to show once. */
    public record Bootstrap(UUID ownerId, Optional<String> newKey) {}

    /** A key created by {@link #createKey}: the key itself (shown once, not stored) and how it is listed. */
    public record NewKey(String key, UUID keyId, String display) {}

    /**
     * One API key as listed: never the key or its hash.
     *
     * @param display {@code td_} and the first 4 random characters of a key td generated, or
     *     {@code sha256:} and the first 8 hex digits of the SHA-256 of a key given to td
     */
    public record KeyInfo(
            UUID keyId,
            UUID userId,
            String person,
            String agent,
            String display,
            Set<String> scopes,
            Instant created,
            Optional<Instant> revoked) {

        public KeyInfo {
            scopes = Set.copyOf(scopes);
        }
    }

    /**
     * Makes sure an owner exists. On a new database creates the owner with {@code presetKey} or a
     * generated key (returned to be printed once); with a preset key on an existing database, adds it
     * to the owner if missing (so a compose file's key keeps working).
     *
     * @throws IllegalArgumentException if the preset key does not meet {@link KeyStrength}
     */
    public Bootstrap bootstrapOwner(Optional<String> presetKey) {
        presetKey.ifPresent(key -> KeyStrength.weakness(key).ifPresent(why -> {
            throw new IllegalArgumentException(
                    "the preset owner key is too weak: " + why + "; use " + KeyStrength.RULE);
        }));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Optional<UUID> owner = firstUser(c);
            Optional<String> shown = Optional.empty();
            UUID ownerId;
            if (owner.isPresent()) {
                ownerId = owner.get();
            } else {
                ownerId = insertUser(c, "owner");
                if (presetKey.isEmpty()) {
                    String key = newKey();
                    insertKey(c, ownerId, key, generatedDisplay(key), "owner", Set.of("*"));
                    shown = Optional.of(key);
                }
            }
            if (presetKey.isPresent() && !keyExists(c, presetKey.get())) {
                insertKey(c, ownerId, presetKey.get(), fingerprint(presetKey.get()), "owner", Set.of("*"));
            }
            c.commit();
            return new Bootstrap(ownerId, shown);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the owner account: " + e.getMessage(), e);
        }
    }

    /** The owner (the first person), created without any key on a new database. */
    public UUID owner() {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Optional<UUID> existing = firstUser(c);
            UUID owner = existing.isPresent() ? existing.get() : insertUser(c, "owner");
            c.commit();
            return owner;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or create the owner account: " + e.getMessage(), e);
        }
    }

    /** Creates a key for a person; returns the key, which is not stored and cannot be shown again. */
    public String createKey(UUID userId, String agent, Set<String> scopes) {
        return newKeyFor(userId, agent, scopes).key();
    }

    /** Creates a key for a person; the key in the answer is not stored and cannot be shown again. */
    public NewKey newKeyFor(UUID userId, String agent, Set<String> scopes) {
        String key = newKey();
        try (Connection c = db.getConnection()) {
            UUID keyId = insertKey(c, userId, key, generatedDisplay(key), agent, scopes);
            return new NewKey(key, keyId, generatedDisplay(key));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a person (for tests and, later, sign-up); returns their id. */
    public UUID createUser(String name) {
        try (Connection c = db.getConnection()) {
            return insertUser(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The principal an unrevoked API key stands for, read from the database on every call. A key that
     * could not have been issued (see {@link KeyStrength}: too short or long, not printable ASCII, weak)
     * is refused without a query.
     */
    public Optional<Principal> authenticate(String key) {
        if (!KeyStrength.isStrong(key)) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id, key_id, agent, scopes FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
            ps.setBytes(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Principal(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Set.of((String[])
                                rs.getArray(4).getArray())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every key of every person, oldest first. */
    public List<KeyInfo> keys() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT k.key_id, k.user_id, u.name, k.agent, k.key_prefix, k.scopes, k.created_at, k.revoked_at"
                                + " FROM api_keys k JOIN users u USING (user_id) ORDER BY k.created_at, k.key_id");
                ResultSet rs = ps.executeQuery()) {
            List<KeyInfo> keys = new ArrayList<>();
            while (rs.next()) {
                Timestamp revoked = rs.getTimestamp(8);
                keys.add(new KeyInfo(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Set.of((String[]) rs.getArray(6).getArray()),
                        rs.getTimestamp(7).toInstant(),
                        Optional.ofNullable(revoked).map(Timestamp::toInstant)));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Revokes a key from now on; the next request with it is refused. Returns false if it was revoked
     * already (the first revocation time stays).
     */
    public boolean revoke(UUID keyId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE api_keys SET revoked_at = now() WHERE key_id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, keyId);
            return ps.executeUpdate() > 0;
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
                            "no unrevoked owner key (scope *) exists; create one with 'td-server keys create'");
                }
                return new Principal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), "stdio", Set.of("*"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a key td did not generate is listed: {@code sha256:} and the first 8 hex digits of its SHA-256. */
    static String fingerprint(String key) {
        return "sha256:" + HexFormat.of().formatHex(sha256(key)).substring(0, 8);
    }

    /** How a key td generated is listed: {@code td_} and its first 4 random characters. */
    static String generatedDisplay(String key) {
        return key.substring(0, GENERATED_PREFIX.length() + SHOWN_RANDOM_CHARACTERS);
    }

    private static Optional<UUID> firstUser(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT user_id FROM users ORDER BY created_at LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    private static UUID insertUser(Connection c, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (user_id, name) VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.executeUpdate();
        }
        return id;
    }

    private static boolean keyExists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_keys WHERE key_hash = ?")) {
            ps.setBytes(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static UUID insertKey(
            Connection c, UUID userId, String key, String display, String agent, Set<String> scopes)
            throws SQLException {
        UUID keyId = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_keys (user_id, key_id, key_hash, key_prefix, agent, scopes) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, userId);
            ps.setObject(2, keyId);
            ps.setBytes(3, sha256(key));
            ps.setString(4, display);
            ps.setString(5, agent);
            ps.setArray(6, c.createArrayOf("text", scopes.toArray()));
            ps.executeUpdate();
        }
        return keyId;
    }

    /** A new key; drawn again in the (never yet seen) case that it fails the rule every key must meet. */
    private static String newKey() {
        while (true) {
            StringBuilder key = new StringBuilder(GENERATED_PREFIX);
            for (int i = 0; i < GENERATED_RANDOM_CHARACTERS; i++) {
                key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (KeyStrength.isStrong(key.toString())) {
                return key.toString();
            }
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
