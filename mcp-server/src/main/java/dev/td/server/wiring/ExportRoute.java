package dev.td.server.wiring;

import dev.td.rest.Downloads;
import dev.td.server.access.AccessLogStore;
import dev.td.server.exports.Exports;
import dev.td.tools.ErrorCode;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.util.Optional;

/**
 * {@code GET /v1/exports/{export_id}}: export_data's zips, each only for the person it was made for; each download (or
 * refusal) goes to the person's access log as {@value #DOWNLOAD}, a read.
 */
final class ExportRoute implements Downloads {

    private static final System.Logger LOG = System.getLogger(ExportRoute.class.getName());

    /** What the access log calls a download, in its tool column. */
    static final String DOWNLOAD = "export_download";

    private final Exports exports;
    private final AccessLogStore accessLog;

    ExportRoute(Exports exports, AccessLogStore accessLog) {
        this.exports = exports;
        this.accessLog = accessLog;
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

    @Override
    public void downloaded(Principal principal, ToolCall.Origin origin, Optional<ErrorCode> refused) {
        try {
            accessLog.record(principal, DOWNLOAD, "read", origin, refused);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "access log of download " + origin.requestId() + ": " + e.getMessage());
        }
    }
}
