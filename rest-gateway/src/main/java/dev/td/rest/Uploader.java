package dev.td.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Principal;
import java.io.InputStream;

/**
 * Takes files too big for a tool call's arguments ({@code PUT /v1/uploads?name=FILE}, the raw bytes as the body) and
 * keeps them for a tool that reads them by id (import_file's {@code upload_id}).
 */
public interface Uploader {

    /** The largest upload taken. */
    long maxBytes();

    /** The scope a key needs to upload. */
    String scope();

    /**
     * Stores the body for the principal's person.
     *
     * @return the answer's data: at least {@code upload_id}, {@code bytes} and {@code name}
     * @throws dev.td.tools.ToolException when the body is refused (too large)
     */
    ObjectNode upload(Principal principal, String name, InputStream body);
}
