package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** What came back from one REST call: an answer, a problem, or nothing because the server was unreachable. */
public sealed interface Reply {

    /** HTTP 2xx with a JSON body (for tools: the envelope {@code {data, context, meta}}). */
    record Answer(JsonNode body) implements Reply {}

    /** HTTP 4xx/5xx, read as a problem document. */
    record Failure(Problem problem) implements Reply {}

    /** No HTTP answer at all: connection refused, timed out, or reset. */
    record Unreachable(String reason) implements Reply {}
}
