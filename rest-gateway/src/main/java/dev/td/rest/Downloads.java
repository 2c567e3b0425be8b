package dev.td.rest;

import dev.td.tools.ErrorCode;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Files a tool made for a person to download ({@code GET /v1/exports/{export_id}}: export_data's zip), streamed as they
 * are. A file is only ever found for the person it was made for.
 */
public interface Downloads {

    /** The scope a key needs to download. */
    String scope();

    /**
     * The principal's file with this id; empty for another person's file, an unknown or malformed id, or one that
     * expired.
     */
    Optional<Download> find(Principal principal, String id);

    /**
     * After a download was asked for: sent whole ({@code refused} empty), or refused with this code (not found); for
     * the person's access log. Must not throw.
     */
    default void downloaded(Principal principal, ToolCall.Origin origin, Optional<ErrorCode> refused) {}

    /** A file to send: its name for the download, media type, size and where it is. */
    record Download(String fileName, String contentType, long bytes, Path file) {
        public Download {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(file, "file");
        }
    }
}
