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
public final class Accounts implements dev.td.tools.Authenticator {

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
            String person, // the person's handle
            String agent,
            String display,
            Set<String> scopes,
            Instant created,
            Optional<Instant> revoked,
            Optional<Instant> expires) {

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
    @Override
    public Optional<Principal> authenticate(String key) {
        if (!KeyStrength.isStrong(key)) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id, key_id, agent, scopes FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL"
                                + " AND (expires_at IS NULL OR expires_at > now())")) {
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
                        "SELECT k.key_id, k.user_id, u.handle, k.agent, k.key_prefix, k.scopes, k.created_at, k.revoked_at,"
                                + " k.expires_at"
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
                        Optional.ofNullable(revoked).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant)));
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

    /** A person as listed: never their keys. */
    public record Person(UUID userId, String handle, String name, Instant created) {}

    /**
     * Creates a person with the handle asked for (the operator's {@code td-server people create}).
     *
     * @throws IllegalArgumentException if the handle is malformed or another person has it
     */
    public Person createPerson(String handle, String name) {
        Handles.problem(handle).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (name.isBlank()) {
            throw new IllegalArgumentException("the name must not be blank");
        }
        try (Connection c = db.getConnection()) {
            if (person(c, handle).isPresent()) {
                throw new IllegalArgumentException("the handle '" + handle + "' is taken; choose another");
            }
            UUID id = insertUser(c, handle, name.strip());
            return person(c, handle).orElseThrow(() -> new IllegalStateException("person " + id + " not stored"));
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalArgumentException("the handle '" + handle + "' is taken; choose another", e);
            }
            throw new IllegalStateException(e);
        }
    }

    /** Every person, oldest first. */
    public List<Person> people() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id, handle, name, created_at FROM users ORDER BY created_at, user_id");
                ResultSet rs = ps.executeQuery()) {
            List<Person> people = new ArrayList<>();
            while (rs.next()) {
                people.add(personOf(rs));
            }
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person with this handle or id. */
    public Optional<Person> person(String handleOrId) {
        try (Connection c = db.getConnection()) {
            return person(c, handleOrId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The person with exactly this handle, found also where no grant joins them to the caller yet (row-level
     * security hides other people otherwise): for naming the grantee of a new grant.
     */
    public Optional<Person> personNamed(String handle) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT user_id, handle, name, created_at FROM td_person_named(?)")) {
            ps.setString(1, handle.strip().toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(personOf(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person with this id. */
    public Person person(UUID userId) {
        return person(userId.toString()).orElseThrow(() -> new IllegalStateException("no person " + userId));
    }

    static Optional<Person> person(Connection c, String handleOrId) throws SQLException {
        Optional<UUID> id = Handles.asId(handleOrId);
        try (PreparedStatement ps = c.prepareStatement(
                id.isPresent()
                        ? "SELECT user_id, handle, name, created_at FROM users WHERE user_id = ?"
                        : "SELECT user_id, handle, name, created_at FROM users WHERE handle = ?")) {
            if (id.isPresent()) {
                ps.setObject(1, id.get());
            } else {
                ps.setString(1, handleOrId.strip().toLowerCase(java.util.Locale.ROOT));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(personOf(rs)) : Optional.empty();
            }
        }
    }

    private static Person personOf(ResultSet rs) throws SQLException {
        return new Person(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    /**
     * Why a key {@link #authenticate} refused was refused, in words for the holder of that key: not a td key,
     * unknown here, revoked (when) or expired (when).
     */
    @Override
    public String whyRefused(String key) {
        if (!KeyStrength.isStrong(key)) {
            return "this is not a td API key (td keys are td_ and 40 letters and digits); check TD_API_KEY or td config";
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT revoked_at, expires_at FROM api_keys WHERE key_hash = ?")) {
            ps.setBytes(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "this API key is unknown to this server; check TD_API_KEY or td config";
                }
                Timestamp revoked = rs.getTimestamp(1);
                if (revoked != null) {
                    return "this API key was revoked at "
                            + revoked.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + "; ask its person for a new one (create_key)";
                }
                Timestamp expires = rs.getTimestamp(2);
                if (expires != null) {
                    return "this API key expired at "
                            + expires.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + "; ask its person for a new one (create_key)";
                }
                return "this API key is not valid; check TD_API_KEY or td config";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates a key for a person, with scopes and an optional expiry; the key in the answer is not stored and
     * cannot be shown again.
     */
    public NewKey newKeyFor(UUID userId, String agent, Set<String> scopes, Optional<Instant> expires) {
        return newKeyFor(userId, agent, scopes, expires, Optional.empty()).orElseThrow();
    }

    /**
     * As {@link #newKeyFor(UUID, String, Set, Optional)}, idempotent by {@code idempotencyKey}: empty when the
     * person created a key with it before ({@link #keyByIdempotencyKey} finds it; it cannot be shown again).
     */
    public Optional<NewKey> newKeyFor(
            UUID userId, String agent, Set<String> scopes, Optional<Instant> expires, Optional<String> idempotencyKey) {
        String key = newKey();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            if (idempotencyKey.isPresent()
                    && keyByIdempotencyKey(c, userId, idempotencyKey.get()).isPresent()) {
                c.rollback();
                return Optional.empty();
            }
            UUID keyId = insertKey(c, userId, key, generatedDisplay(key), agent, scopes);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_keys SET expires_at = ?, idempotency_key = ? WHERE user_id = ? AND key_id = ?")) {
                ps.setTimestamp(1, expires.map(Timestamp::from).orElse(null));
                ps.setString(2, idempotencyKey.orElse(null));
                ps.setObject(3, userId);
                ps.setObject(4, keyId);
                ps.executeUpdate();
            }
            c.commit();
            return Optional.of(new NewKey(key, keyId, generatedDisplay(key)));
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && idempotencyKey.isPresent()) {
                return Optional.empty(); // a concurrent call with the same idempotency key won
            }
            throw new IllegalStateException(e);
        }
    }

    /** The key a person created with this idempotency key. */
    public Optional<KeyInfo> keyByIdempotencyKey(UUID userId, String idempotencyKey) {
        try (Connection c = db.getConnection()) {
            return keyByIdempotencyKey(c, userId, idempotencyKey).flatMap(id -> keyOf(userId, id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<UUID> keyByIdempotencyKey(Connection c, UUID userId, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT key_id FROM api_keys WHERE user_id = ? AND idempotency_key = ?")) {
            ps.setObject(1, userId);
            ps.setString(2, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** The keys of one person, oldest first. */
    public List<KeyInfo> keysOf(UUID userId) {
        return keys().stream().filter(k -> k.userId().equals(userId)).toList();
    }

    /** One key of one person; empty when that person has no such key (another person's key included). */
    public Optional<KeyInfo> keyOf(UUID userId, UUID keyId) {
        return keysOf(userId).stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** Renames the agent a key is for (its label); false when the person has no such key. */
    public boolean relabel(UUID userId, UUID keyId, String agent) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE api_keys SET agent = ? WHERE user_id = ? AND key_id = ?")) {
            ps.setString(1, agent);
            ps.setObject(2, userId);
            ps.setObject(3, keyId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes one of a person's keys from now on; false when it was revoked already or is not theirs. */
    public boolean revoke(UUID userId, UUID keyId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE api_keys SET revoked_at = now() WHERE user_id = ? AND key_id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, userId);
            ps.setObject(2, keyId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces an unrevoked key of a person by a new one with the same agent, scopes and expiry, revoking the old
     * one in the same transaction; empty when the person has no such unrevoked key.
     */
    public Optional<NewKey> rotate(UUID userId, UUID keyId) {
        String key = newKey();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT agent, scopes, expires_at FROM api_keys"
                    + " WHERE user_id = ? AND key_id = ? AND revoked_at IS NULL FOR UPDATE")) {
                ps.setObject(1, userId);
                ps.setObject(2, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return Optional.empty();
                    }
                    String agent = rs.getString(1);
                    Set<String> scopes = Set.of((String[]) rs.getArray(2).getArray());
                    Timestamp expires = rs.getTimestamp(3);
                    UUID newId = insertKey(c, userId, key, generatedDisplay(key), agent, scopes);
                    if (expires != null) {
                        setExpiry(c, userId, newId, expires.toInstant());
                    }
                    try (PreparedStatement revoke = c.prepareStatement(
                            "UPDATE api_keys SET revoked_at = now(), replaced_by = ? WHERE user_id = ? AND key_id = ?")) {
                        revoke.setObject(1, newId);
                        revoke.setObject(2, userId);
                        revoke.setObject(3, keyId);
                        revoke.executeUpdate();
                    }
                    c.commit();
                    return Optional.of(new NewKey(key, newId, generatedDisplay(key)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setExpiry(Connection c, UUID userId, UUID keyId, Instant expires) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE api_keys SET expires_at = ? WHERE user_id = ? AND key_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(expires));
            ps.setObject(2, userId);
            ps.setObject(3, keyId);
            ps.executeUpdate();
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

    /** {@code *} and every scope a tool requires, with the read scope each write scope implies. */
    public static Set<String> knownScopes(java.util.Collection<dev.td.tools.ToolManifest> tools) {
        Set<String> known = new java.util.TreeSet<>();
        for (dev.td.tools.ToolManifest tool : tools) {
            for (String scope : tool.scopes()) {
                known.add(scope);
                if (scope.endsWith(":write")) {
                    known.add(scope.replace(":write", ":read"));
                }
            }
        }
        Set<String> all = new java.util.LinkedHashSet<>(List.of("*"));
        all.addAll(known);
        return all;
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
        return insertUser(c, freeHandle(c, Handles.from(name)), name);
    }

    private static UUID insertUser(Connection c, String handle, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (user_id, name, handle) VALUES (?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setString(3, handle);
            ps.executeUpdate();
        }
        return id;
    }

    /** {@code wanted}, or with -2, -3, … appended where another person has it. */
    private static String freeHandle(Connection c, String wanted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE handle = ?")) {
            for (int n = 1; ; n++) {
                String suffix = n == 1 ? "" : "-" + n;
                String handle = wanted.substring(0, Math.min(wanted.length(), Handles.MAX - suffix.length())) + suffix;
                ps.setString(1, handle);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return handle;
                    }
                }
            }
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
