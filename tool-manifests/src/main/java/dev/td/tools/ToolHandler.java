package dev.td.tools;

/** The code behind one tool: takes a validated call, returns an envelope or throws a {@link ToolException}. */
@FunctionalInterface
public interface ToolHandler {
    Envelope handle(ToolCall call);
}
