package dev.td.server.wiring;

import dev.td.rest.Downloads;
import dev.td.server.exports.Exports;
import dev.td.tools.Principal;
import java.util.Optional;

/** {@code GET /v1/exports/{export_id}}: export_data's zips, each only for the person it was made for. */
final class ExportRoute implements Downloads {

    private final Exports exports;

    ExportRoute(Exports exports) {
        this.exports = exports;
    }

    @Override
    public String scope() {
        return "events:read";
    }

    @Override
    public Optional<Download> find(Principal principal, String id) {
        return exports.find(principal.userId(), id)
                .map(e -> new Download(e.fileName(), "application/zip", e.bytes(), e.file()));
    }
}
