package dev.td.server.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.ChainVerifier;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;

/** The tool over the log's hash chain: verify_chain. */
final class ChainTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ChainVerifier verifier;

    ChainTools(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("verify_chain", this::verifyChain);
    }

    private Envelope verifyChain(ToolCall call) {
        ChainVerifier.Report report = verifier.verify(call.principal().userId());
        ObjectNode data = JSON.objectNode();
        data.put("ok", report.ok());
        data.put("events_checked", report.eventsChecked());
        data.set("head", position(report.verified()));
        data.set("stored_head", position(report.storedHead()));
        data.set("problem", report.problem().<JsonNode>map(ChainTools::problem).orElse(JSON.nullNode()));
        data.put("summary", summary(report));
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }

    private static ObjectNode position(ChainVerifier.Position p) {
        return JSON.objectNode().put("sequence", p.sequence()).put("hash", p.hash());
    }

    private static ObjectNode problem(ChainVerifier.Problem p) {
        ObjectNode node = JSON.objectNode();
        node.put("kind", p.kind().wireName());
        node.put("event_id", p.eventId().map(Object::toString).orElse(null));
        node.put("sequence", p.sequence());
        node.put("expected_hash", p.expectedHash());
        node.put("found_hash", p.foundHash());
        node.put("message", p.explanation());
        return node;
    }

    private static String summary(ChainVerifier.Report r) {
        if (r.problem().isEmpty()) {
            return r.eventsChecked() == 0
                    ? "The log is empty; there is nothing to verify yet."
                    : "All " + r.eventsChecked() + " events verify; the chain ends at sequence "
                            + r.verified().sequence() + " with hash "
                            + r.verified().hash() + ".";
        }
        ChainVerifier.Problem p = r.problem().get();
        return "The log is not what td wrote: " + p.kind().wireName() + " at sequence " + p.sequence()
                + p.eventId().map(id -> " (event " + id + ")").orElse("") + "; the chain verifies up to sequence "
                + r.verified().sequence() + ".";
    }
}
