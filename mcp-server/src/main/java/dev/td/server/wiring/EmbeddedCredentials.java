package dev.td.server.wiring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL: its superuser ({@code postgres}, for migrations and
 * administration) and {@code td_app} (the server's own login). Generated on first start and kept in
 * {@code postgres.credentials} in the data directory, readable by its owner only (0600).
 */
record EmbeddedCredentials(String superuserPassword, String appPassword) {

    static final String FILE_NAME = "postgres.credentials";
    private static final String SUPERUSER = "superuser_password";
    private static final String APP = "td_app_password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    EmbeddedCredentials {
        if (superuserPassword.length() < 16 || appPassword.length() < 16) {
            throw new IllegalArgumentException("embedded PostgreSQL passwords must have at least 16 characters");
        }
    }

    /** The stored passwords, if the file exists. */
    static Optional<EmbeddedCredentials> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        String superuser = p.getProperty(SUPERUSER, "");
        String app = p.getProperty(APP, "");
        if (superuser.isEmpty() || app.isEmpty()) {
            throw new DatabaseUnavailableException(
                    file + " lacks " + (superuser.isEmpty() ? SUPERUSER : APP) + "; restore it from a backup");
        }
        return Optional.of(new EmbeddedCredentials(superuser, app));
    }

    /** New random passwords, written to the data directory (owner-only) before anything uses them. */
    static EmbeddedCredentials create(Path dataDir) {
        EmbeddedCredentials created = new EmbeddedCredentials(randomPassword(), randomPassword());
        Path file = dataDir.resolve(FILE_NAME);
        Properties p = new Properties();
        p.setProperty(SUPERUSER, created.superuserPassword());
        p.setProperty(APP, created.appPassword());
        try {
            Files.createDirectories(dataDir);
            Path temp = dataDir.resolve(FILE_NAME + ".new");
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "td: passwords of the embedded PostgreSQL; keep this file with the data directory");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
        return created;
    }

    /** 32 random bytes, base64url: 43 characters that need no quoting anywhere. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: its own access control applies
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[***]";
    }
}
