package dev.td.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import java.util.List;

/**
 * {@code --dry-run}: the arguments are checked against the tool's input schema, the same check the
 * server makes first, and the request is printed instead of sent. What the server would derive (the
 * events of a workout, a resolved exercise) is not shown; {@code td what-if} asks the server what
 * proposed events would change, storing nothing.
 */
final class DryRun {

    private DryRun() {}

    static int run(ToolCommand command, ObjectNode arguments, Invocation run) {
        ToolManifest manifest = command.manifest();
        List<ArgumentValidator.Violation> violations = ArgumentValidator.of(
                        manifest.inputSchema(), "arguments of " + manifest.name())
                .violations(arguments);
        String cmd = "td " + manifest.cli().command();
        if (!violations.isEmpty()) {
            return run.fail(invalid(cmd, violations));
        }
        Settings settings = run.settings();
        TdApi.requireValidUrl(settings.url(), settings.urlSource());
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.put("dry_run", true);
        plan.put("sent", false);
        plan.put("tool", manifest.name());
        ObjectNode request = plan.putObject("request");
        request.put("method", "POST");
        try (TdApi api = new TdApi(settings.url(), settings.apiKey())) {
            request.put("url", api.toolUrl(manifest.name()));
        }
        request.set("body", arguments);
        run.print(plan);
        run.tell("dry run: nothing was sent. The arguments match the input schema of " + manifest.name()
                + "; the server may still refuse them for rules a schema cannot express"
                + (manifest.annotations().readOnly()
                        ? "."
                        : " (an unknown exercise, a reused idempotency key).\n"
                                + "  what the server would store from them (its events) is not shown; `td what-if` asks "
                                + "the server what proposed events would change, storing nothing."));
        return ExitCodes.OK;
    }

    private static ErrorReport invalid(String cmd, List<ArgumentValidator.Violation> violations) {
        ArgumentValidator.Violation first = violations.getFirst();
        StringBuilder message = new StringBuilder("dry run: the arguments of ")
                .append(cmd)
                .append(" do not match its input schema; nothing was sent:");
        for (ArgumentValidator.Violation violation : violations) {
            message.append("\n  ").append(violation.path()).append(": ").append(violation.message());
        }
        message.append("\n  `").append(cmd).append(" --help` lists every field with its type and allowed values");
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more problem(s))" : "";
        return ErrorReport.invalidArgument(
                first.path(), first.path() + ": " + first.message() + more, message.toString());
    }
}
