package dev.td.server.faces;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Which toolsets an MCP request over HTTP picks, as the GitHub MCP server lets clients pick: in the path ({@code
 * /mcp/x/training,stats}), else in the {@code X-MCP-Toolsets} header (on {@code /mcp}, {@code /sse} and {@code
 * /message}), else all. Routed before the transports, it turns away a choice naming a toolset td does not have:
 * {@code 404} for a path (no such endpoint), {@code 400} for a header, each naming the toolsets there are.
 */
final class ToolsetChoice implements HttpService {

    static final String HEADER = "X-MCP-Toolsets";
    static final String PATH = "/mcp/x/{toolsets}";
    private static final HeaderName TOOLSETS = HeaderNames.create(HEADER);
    private static final String PARAMETER = "toolsets";

    private final Toolsets toolsets;

    ToolsetChoice(Toolsets toolsets) {
        this.toolsets = toolsets;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/mcp", this::check)
                .any(PATH, this::check)
                .any("/sse", this::check)
                .any("/message", this::check);
    }

    /** The choice as written in the request: the path's, else the header's, else empty (all). */
    static String of(ServerRequest request) {
        return inPath(request).orElseGet(() -> request.headers().first(TOOLSETS).orElse(""));
    }

    private static Optional<String> inPath(ServerRequest request) {
        return request.path().pathParameters().first(PARAMETER).asOptional();
    }

    private void check(ServerRequest req, ServerResponse res) {
        try {
            toolsets.parse(of(req));
        } catch (IllegalArgumentException e) {
            boolean path = inPath(req).isPresent();
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
            body.putNull("id");
            body.putObject("error")
                    .put("code", -32000)
                    .put("message", (path ? "/mcp/x/" + inPath(req).orElseThrow() : HEADER) + ": " + e.getMessage());
            res.status(path ? 404 : 400);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(body.toString());
            return;
        }
        res.next();
    }
}
