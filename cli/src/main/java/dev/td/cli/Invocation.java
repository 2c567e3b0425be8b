package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * One run of {@code td}: its streams and environment, the global options, and where settings
 * and the offline queue live. Commands print data to {@code out} and messages to {@code err}.
 */
record Invocation(
        InputStream stdin,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        ConfigFile config,
        OfflineQueue queue,
        Optional<String> urlFlag,
        Optional<String> apiKeyFlag,
        boolean compact) {

    Settings settings() {
        return Settings.resolve(urlFlag, apiKeyFlag, env, config);
    }

    /** A client for the resolved settings; a malformed URL is a usage error. */
    TdApi api() {
        Settings settings = settings();
        TdApi.requireValidUrl(settings.url(), settings.urlSource());
        return new TdApi(settings.url(), settings.apiKey());
    }

    /** Writes JSON data to stdout, pretty unless {@code --compact}. */
    void print(JsonNode json) {
        try {
            out.println(
                    compact
                            ? Json.mapper().writeValueAsString(json)
                            : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }

    /** Writes a message to stderr. */
    void tell(String message) {
        err.println(message);
        err.flush();
    }

    String unreachableMessage(Settings settings, String reason) {
        return "error: the server at " + settings.url() + " is unreachable (" + reason + ").\n"
                + "  the URL comes from " + settings.urlSource() + "; `td config` shows the settings in use.\n"
                + "  check that the server runs (" + settings.url().replaceAll("/+$", "") + "/health), or give another "
                + "URL with --url, TD_URL or `td login --url URL --api-key KEY`";
    }
}
