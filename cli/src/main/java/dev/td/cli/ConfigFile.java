package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The stored login, {@code <configDir>/config.json}: {@code {"url": …, "api_key": …}}. The file
 * holds a secret, so it is created with mode 0600 (its directory 0700) and replaced atomically.
 */
final class ConfigFile {

    /** What {@code td login} stored. */
    record StoredLogin(Optional<String> url, Optional<String> apiKey) {}

    private final Path file;

    ConfigFile(Path configDir) {
        this.file = configDir.resolve("config.json");
    }

    Path path() {
        return file;
    }

    Optional<StoredLogin> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UsageException("the config file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix it or remove it with `td logout`, then `td login --url URL --with-token < key-file`");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new StoredLogin(text(json, "url"), text(json, "api_key")));
    }

    void write(String url, String apiKey) {
        ObjectNode json = Json.mapper().createObjectNode().put("url", url).put("api_key", apiKey);
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir, ownerOnly("rwx------"));
            Path temp = Files.createTempFile(dir, "config", ".tmp", ownerOnly("rw-------"));
            Files.writeString(
                    temp,
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the stored login; false when there was none. */
    boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    /** File attributes for a file only its owner may read, e.g. {@code rw-------}; none where POSIX modes do not exist. */
    static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
