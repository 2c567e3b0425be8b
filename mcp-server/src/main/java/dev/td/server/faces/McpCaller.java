package dev.td.server.faces;

import dev.td.tools.Principal;
import java.util.Objects;

/**
 * Who is on the other end of an MCP connection and which toolsets it picked. Over HTTP it is what the
 * transport keeps as the request's principal, so a session belongs to one key and one selection; on stdio it is
 * the local owner with the toolsets given on the command line.
 */
record McpCaller(Principal principal, Toolsets.Selection toolsets) {

    McpCaller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(toolsets, "toolsets");
    }
}
