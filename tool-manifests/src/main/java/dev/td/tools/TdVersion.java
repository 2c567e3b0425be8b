package dev.td.tools;

/**
 * The one version td reports everywhere: the server ({@code /health}, MCP server info, OpenAPI) and
 * the CLI ({@code td --version}), so that both sides of a call can tell whether they match. The
 * release part of the Maven project version; a CLI test fails when the two drift apart.
 */
public final class TdVersion {

    /** A compile-time constant, so that annotations (picocli's {@code @Command(version = …)}) can use it. */
    public static final String CURRENT = "0.1.0";

    private TdVersion() {}
}
