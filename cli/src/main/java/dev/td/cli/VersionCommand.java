package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code td --version}: the CLI's version and, when the configured server answers {@code /health}
 * within a second or two, the server's, with a warning on stderr when they differ. Text, or with
 * {@code -o json} an object {@code {cli_version, server: {url, reachable, version}, same_version}}.
 */
final class VersionCommand {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private VersionCommand() {}

    static int run(Invocation run) {
        String cli = Version.current();
        ObjectNode json = Json.mapper().createObjectNode().put("cli_version", cli);
        Optional<String> serverVersion = Optional.empty();
        Optional<String> note = Optional.empty();
        Optional<Settings> settings = settings(run);
        if (settings.isEmpty()) {
            json.putNull("server");
            note = Optional.of("note: the settings are unusable (see `td config`); only the CLI version is shown");
        } else {
            String url = settings.get().url();
            ObjectNode server = json.putObject("server").put("url", url);
            Reply reply;
            try (TdApi api = new TdApi(url, Optional.empty(), CONNECT_TIMEOUT, REQUEST_TIMEOUT)) {
                reply = api.health();
            }
            switch (reply) {
                case Reply.Answer answer -> {
                    server.put("reachable", true);
                    serverVersion = text(answer.body().path("version"));
                    if (serverVersion.isEmpty()) {
                        note = Optional.of("note: the server at " + url + " does not report its version");
                    }
                }
                case Reply.Failure failure -> {
                    server.put("reachable", true);
                    note = Optional.of("note: the server at " + url + " answered /health with HTTP "
                            + failure.problem().status() + "; its version is unknown");
                }
                case Reply.Unreachable unreachable -> {
                    server.put("reachable", false);
                    note = Optional.of("note: no server answered at " + url + " (" + unreachable.reason()
                            + "); only the CLI version is shown");
                }
            }
            serverVersion.ifPresentOrElse(v -> server.put("version", v), () -> server.putNull("version"));
        }
        serverVersion.ifPresentOrElse(v -> json.put("same_version", v.equals(cli)), () -> json.putNull("same_version"));
        if (run.jsonErrors()) {
            run.print(json);
        } else {
            run.out().println("td " + cli);
            serverVersion.ifPresent(v -> run.out()
                    .println("server " + v + " at " + json.at("/server/url").asText()));
            run.out().flush();
        }
        note.ifPresent(run::tell);
        serverVersion
                .filter(v -> !v.equals(cli))
                .ifPresent(v -> run.tell("warning: td is " + cli + " but the server at "
                        + json.at("/server/url").asText() + " is " + v
                        + "; update the older one so that both have the same version"));
        return ExitCodes.OK;
    }

    private static Optional<Settings> settings(Invocation run) {
        try {
            Settings settings = run.settings();
            TdApi.requireValidUrl(settings.url(), settings.urlSource());
            return Optional.of(settings);
        } catch (UsageException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
