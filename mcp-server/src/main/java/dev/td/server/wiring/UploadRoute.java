package dev.td.server.wiring;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.rest.Uploader;
import dev.td.server.imports.Uploads;
import dev.td.tools.Principal;
import java.io.InputStream;

/** {@code PUT /v1/uploads}: files for import_file, kept in the server's uploads folder for the key's person. */
final class UploadRoute implements Uploader {

    private final Uploads uploads;

    UploadRoute(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public long maxBytes() {
        return Uploads.MAX_BYTES;
    }

    @Override
    public String scope() {
        return "events:write";
    }

    @Override
    public ObjectNode upload(Principal principal, String name, InputStream body) {
        Uploads.Upload upload = uploads.store(principal.userId(), name, body);
        return JsonNodeFactory.instance
                .objectNode()
                .put("upload_id", upload.uploadId().toString())
                .put("bytes", upload.bytes())
                .put("name", upload.name())
                .put("next", "import_file {\"upload_id\": \"" + upload.uploadId() + "\"}");
    }
}
