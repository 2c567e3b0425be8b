package dev.td.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code td login}, {@code td logout} and {@code td config}: where td sends calls and with which key. */
final class AccountCommands {

    private AccountCommands() {}

    /**
     * Checks the server and the key, then stores both in the config file (mode 0600). With
     * {@code --with-token} the key is read from stdin, so that it never shows in the process list.
     */
    static int login(Invocation run, boolean withToken) {
        Invocation login = run;
        if (withToken) {
            if (run.apiKeyFlag().isPresent()) {
                throw new UsageException("give the key with --api-key or on stdin with --with-token, not both; "
                        + "--with-token keeps it out of the process list");
            }
            login = run.withApiKey(readToken(run.stdin()));
        }
        Settings settings = login.settings();
        if (login.apiKeyFlag().isEmpty()) {
            throw new UsageException("td login needs --with-token (the key on stdin) or --api-key, and --url unless"
                    + " the server is at " + settings.url() + ", e.g. td login --url http://127.0.0.1:7878 "
                    + "--with-token < key-file");
        }
        try (TdApi api = login.api()) {
            return login(login, settings, api);
        }
    }

    /** The key piped to {@code td login --with-token}: one word, surrounding whitespace and line breaks dropped. */
    private static String readToken(InputStream stdin) {
        String text;
        try {
            text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("--with-token cannot read stdin (" + e.getMessage() + ")");
        }
        if (text.isEmpty()) {
            throw new UsageException("--with-token read no key from stdin; pipe it in, e.g. "
                    + "td login --url URL --with-token < key-file");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--with-token expects only the key on stdin, got " + text.split("\\s+").length
                    + " words; put the key alone in the file or pipe");
        }
        return text;
    }

    private static int login(Invocation run, Settings settings, TdApi api) {
        switch (api.health()) {
            case Reply.Unreachable unreachable -> {
                return run.fail(run.unreachable(settings, unreachable.reason()));
            }
            case Reply.Failure failure -> {
                return run.fail(ErrorReport.error(settings.url() + "/health answered HTTP "
                        + failure.problem().status() + "; is this the URL of a td server?"));
            }
            case Reply.Answer answer
            when !"ok".equals(answer.body().path("status").asText()) -> {
                return run.fail(ErrorReport.error(settings.url() + "/health did not report status ok (" + answer.body()
                        + "); is this the URL of a td server?"));
            }
            case Reply.Answer ok -> {
                // healthy: go on and check the key
            }
        }
        switch (api.callTool("get_event_types", Json.mapper().createObjectNode())) {
            case Reply.Unreachable unreachable -> {
                return run.fail(run.unreachable(settings, unreachable.reason()));
            }
            case Reply.Failure failure -> {
                ErrorReport report = ErrorReport.of(failure.problem());
                return run.fail(new ErrorReport(
                        report.code(),
                        report.status(),
                        report.path(),
                        report.detail() + "; nothing was stored",
                        report.exitCode(),
                        report.requestId(),
                        report.message() + "\n  nothing was stored"));
            }
            case Reply.Answer ok -> {
                // the key works
            }
        }
        run.config().write(settings.url(), settings.apiKey().orElseThrow());
        run.tell("logged in to " + settings.url() + " with key "
                + settings.maskedApiKey().orElseThrow() + "; saved to "
                + run.config().path());
        return ExitCodes.OK;
    }

    static int logout(Invocation run) {
        if (run.config().delete()) {
            run.tell("removed the stored login " + run.config().path());
        } else {
            run.tell("no stored login at " + run.config().path() + "; nothing to remove");
        }
        if (run.env().containsKey("TD_API_KEY")) {
            run.tell("note: TD_API_KEY is still set in the environment and is used until you unset it");
        }
        return ExitCodes.OK;
    }

    /** Prints the settings in use and where each comes from; the key is masked. */
    static int config(Invocation run) {
        Settings settings = run.settings();
        ObjectNode json = Json.mapper().createObjectNode();
        json.putObject("url").put("value", settings.url()).put("source", settings.urlSource());
        ObjectNode key = json.putObject("api_key");
        settings.maskedApiKey().ifPresentOrElse(masked -> key.put("value", masked), () -> key.putNull("value"));
        key.put("source", settings.apiKeySource());
        json.put("config_file", run.config().path().toString());
        json.put("queue_file", run.queue().path().toString());
        json.put("queued_calls", run.queue().list().size());
        run.print(json);
        if (settings.apiKey().isEmpty()) {
            run.tell(
                    "no API key is set: give --api-key, set TD_API_KEY, or run `td login --url URL --with-token < key-file`");
        }
        return ExitCodes.OK;
    }
}
