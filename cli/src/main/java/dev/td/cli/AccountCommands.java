package dev.td.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;

/** {@code td login}, {@code td logout} and {@code td config}: where td sends calls and with which key. */
final class AccountCommands {

    private AccountCommands() {}

    /** Checks the server and the key, then stores both in the config file (mode 0600). */
    static int login(Invocation run) {
        Settings settings = run.settings();
        if (run.apiKeyFlag().isEmpty()) {
            throw new UsageException("td login needs --api-key (and --url unless the server is at " + settings.url()
                    + "), e.g. td login --url http://127.0.0.1:7878 --api-key td_…");
        }
        try (TdApi api = run.api()) {
            return login(run, settings, api);
        }
    }

    private static int login(Invocation run, Settings settings, TdApi api) {
        switch (api.health()) {
            case Reply.Unreachable unreachable -> {
                run.tell(run.unreachableMessage(settings, unreachable.reason()));
                return ExitCodes.ERROR;
            }
            case Reply.Failure failure -> {
                run.tell("error: " + settings.url() + "/health answered HTTP "
                        + failure.problem().status() + "; is this the URL of a td server?");
                return ExitCodes.ERROR;
            }
            case Reply.Answer answer
            when !"ok".equals(answer.body().path("status").asText()) -> {
                run.tell("error: " + settings.url() + "/health did not report status ok (" + answer.body()
                        + "); is this the URL of a td server?");
                return ExitCodes.ERROR;
            }
            case Reply.Answer ok -> {
                // healthy: go on and check the key
            }
        }
        switch (api.callTool("get_event_types", Json.mapper().createObjectNode())) {
            case Reply.Unreachable unreachable -> {
                run.tell(run.unreachableMessage(settings, unreachable.reason()));
                return ExitCodes.ERROR;
            }
            case Reply.Failure failure -> {
                run.tell(failure.problem().message() + "\n  nothing was stored");
                return failure.problem().exitCode();
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
            run.tell("no API key is set: give --api-key, set TD_API_KEY, or run `td login --url URL --api-key KEY`");
        }
        return ExitCodes.OK;
    }
}
