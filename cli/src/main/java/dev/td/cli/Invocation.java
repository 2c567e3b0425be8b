package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.cli.output.OutputOptions;
import dev.td.cli.output.Renderer;
import dev.td.tools.Json;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One run of {@code td}: its streams and environment, the global options, and where settings
 * and the offline queue live. Commands print data to {@code out} and messages to {@code err}.
 *
 * @param output     how data is printed ({@code -o}, {@code --fields}, {@code --compact})
 * @param jsonErrors whether JSON output was asked for explicitly ({@code -o json}, {@code --json}):
 *                   then a failure is also printed on stdout, as a JSON problem object
 * @param terminal   whether {@code err} is a terminal, where progress can be redrawn in place; asked
 *                   only by the commands that show progress
 */
public record Invocation(
        InputStream stdin,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        ConfigFile config,
        OfflineQueue queue,
        Optional<String> urlFlag,
        Optional<String> apiKeyFlag,
        OutputOptions output,
        boolean jsonErrors,
        BooleanSupplier terminal) {

    public Settings settings() {
        return Settings.resolve(urlFlag, apiKeyFlag, env, config);
    }

    /** This run with the API key given another way than {@code --api-key} (stdin of {@code td login --with-token}). */
    Invocation withApiKey(String apiKey) {
        return new Invocation(
                stdin, out, err, env, config, queue, urlFlag, Optional.of(apiKey), output, jsonErrors, terminal);
    }

    /** A client for the resolved settings; a malformed URL is a usage error. */
    TdApi api() {
        return api(TdApi.REQUEST_TIMEOUT);
    }

    /** {@link #api()} waiting up to {@code requestTimeout} for each answer (an upload, an import). */
    public TdApi api(Duration requestTimeout) {
        Settings settings = settings();
        TdApi.requireValidUrl(settings.url(), settings.urlSource());
        return new TdApi(settings.url(), settings.apiKey(), TdApi.CONNECT_TIMEOUT, requestTimeout);
    }

    /** Writes data to stdout in the output format; a field of {@code --fields} no row has is noted on stderr. */
    public void print(JsonNode json) {
        out.print(Renderer.render(json, output));
        out.flush();
        List<String> unknown = Renderer.unknownFields(json, output);
        if (!unknown.isEmpty()) {
            tell("note: no row has the field(s) " + String.join(", ", unknown) + "; the rows have "
                    + String.join(", ", Renderer.availableFields(json)) + " (nested fields as a.b)");
        }
    }

    /** Reports a failure: the message on stderr, and with JSON output the problem object on stdout. */
    public int fail(ErrorReport report) {
        return report(report, jsonErrors, output.compact(), out, err);
    }

    /** {@link #fail} for failures found before there is an invocation (the command line itself is wrong). */
    static int report(ErrorReport report, boolean jsonErrors, boolean compact, PrintStream out, PrintStream err) {
        err.println(report.message());
        err.flush();
        if (jsonErrors) {
            try {
                out.println(
                        compact
                                ? Json.mapper().writeValueAsString(report.toJson())
                                : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
            out.flush();
        }
        return report.exitCode();
    }

    /** Writes a message to stderr. */
    public void tell(String message) {
        err.println(message);
        err.flush();
    }

    String unreachableMessage(Settings settings, String reason) {
        return "error: the server at " + settings.url() + " is unreachable (" + reason + ").\n"
                + "  the URL comes from " + settings.urlSource() + "; `td config` shows the settings in use.\n"
                + "  check that the server runs (" + settings.url().replaceAll("/+$", "") + "/health), or give another "
                + "URL with --url, TD_URL or `td login --url URL --with-token < key-file`";
    }

    /** The unreachable server as a failure. */
    public ErrorReport unreachable(Settings settings, String reason) {
        return ErrorReport.unreachable(
                "the server at " + settings.url() + " is unreachable (" + reason + ")",
                unreachableMessage(settings, reason));
    }
}
