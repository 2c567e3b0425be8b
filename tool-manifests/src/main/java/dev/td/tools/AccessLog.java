package dev.td.tools;

import java.util.Optional;

/**
 * Where the registry records who called which tool on whose data, and how it ended: every call that acted on a
 * person's data, and every refusal of one. Called once per call, after it ended; a failure to record is the
 * recorder's to report, never the call's.
 */
@FunctionalInterface
public interface AccessLog {

    /**
     * Records one call.
     *
     * @param acting  the principal the call ran as (on a call through a grant: the granting person's data, the
     *                grantee's key)
     * @param tool    the tool
     * @param origin  the face and request
     * @param refused the error code when the call was refused or failed; empty when it succeeded
     */
    void record(Principal acting, ToolManifest tool, ToolCall.Origin origin, Optional<ErrorCode> refused);

    /** Records nothing. */
    AccessLog NONE = (acting, tool, origin, refused) -> {};
}
