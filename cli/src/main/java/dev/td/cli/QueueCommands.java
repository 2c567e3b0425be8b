package dev.td.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.td.tools.Json;
import java.util.List;
import java.util.Optional;

/** {@code td queue list} and {@code td queue flush}: the writes made while the server was unreachable. */
final class QueueCommands {

    private QueueCommands() {}

    static int list(Invocation run) {
        ArrayNode calls = Json.mapper().createArrayNode();
        run.queue().list().forEach(call -> calls.add(call.toJson()));
        run.print(calls);
        return ExitCodes.OK;
    }

    /**
     * Sends the queued calls in order. A call that got a definitive answer (success, or a rejection
     * of its arguments) is dropped; the flush stops, keeping the rest, when the server is
     * unreachable (exit 6), rejects the key (exit 4), or fails on its side (exit 1), since
     * those may pass later.
     */
    static int flush(Invocation run) {
        try (TdApi api = run.api()) {
            return flush(run, api);
        }
    }

    private static int flush(Invocation run, TdApi api) {
        Settings settings = run.settings();
        FlushTally tally = new FlushTally();
        List<OfflineQueue.QueuedCall> remaining = run.queue().flush(call -> {
            String label = call.tool() + " queued at " + call.queuedAt();
            return switch (api.callTool(call.tool(), call.arguments())) {
                case Reply.Answer answer -> {
                    tally.sent++;
                    run.tell("sent " + label);
                    yield OfflineQueue.Outcome.DONE;
                }
                case Reply.Failure failure
                when isDefinitive(failure.problem()) -> {
                    tally.rejected++;
                    run.tell("dropped " + label + ", the server rejected it:\n"
                            + failure.problem().message());
                    yield OfflineQueue.Outcome.DONE;
                }
                case Reply.Failure failure ->
                    tally.stop(failure.problem().message(), failure.problem().exitCode());
                case Reply.Unreachable unreachable ->
                    tally.stop(run.unreachableMessage(settings, unreachable.reason()), ExitCodes.OFFLINE);
            };
        });
        run.print(Json.mapper()
                .createObjectNode()
                .put("sent", tally.sent)
                .put("rejected", tally.rejected)
                .put("remaining", remaining.size()));
        if (tally.stopReason.isPresent()) {
            run.tell(tally.stopReason.get() + "\n  " + remaining.size()
                    + " call(s) stay queued; run `td queue flush` again later");
            return tally.stopExit;
        }
        return tally.rejected > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }

    /** What one flush did, counted as it goes. */
    private static final class FlushTally {
        int sent;
        int rejected;
        Optional<String> stopReason = Optional.empty();
        int stopExit;

        OfflineQueue.Outcome stop(String reason, int exitCode) {
            stopReason = Optional.of(reason);
            stopExit = exitCode;
            return OfflineQueue.Outcome.KEEP_AND_STOP;
        }
    }

    /** A rejection that will not change on retry: the arguments or the data are wrong, not the server or the key. */
    private static boolean isDefinitive(Problem problem) {
        int exit = problem.exitCode();
        return exit == ExitCodes.USAGE || exit == ExitCodes.NOT_FOUND || exit == ExitCodes.CONFLICT;
    }
}
