package dev.td.server.exports;

import dev.td.server.access.AccessLogStore;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import java.util.Objects;

/** export_data, and the folder its zips wait in for their download (see the package). */
public final class ExportsCapability implements Capability {

    private final Exports exports;
    private final AccessLogStore accessLog;

    public ExportsCapability(Exports exports, AccessLogStore accessLog) {
        this.exports = Objects.requireNonNull(exports, "exports");
        this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
    }

    @Override
    public void install(Platform platform) {
        ExportWriter writer =
                new ExportWriter(platform.database(), platform.queries(), platform.projections(), accessLog);
        new ExportTools(writer, exports).register(platform.tools());
    }
}
