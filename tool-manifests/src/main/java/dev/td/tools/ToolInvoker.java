package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the faces call: the manifests to show and one entry point to run a tool. */
public interface ToolInvoker {

    List<ToolManifest> manifests();

    /**
     * Validates the arguments against the tool's schema, checks the principal's scope and runs the tool.
     *
     * @throws ToolException when the tool is unknown, the arguments are invalid, the scope is missing,
     *                       or the tool cannot do what was asked
     */
    Envelope invoke(String tool, Principal principal, JsonNode arguments, ToolCall.Origin origin);
}
