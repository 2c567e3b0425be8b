package dev.td.tools;

import java.util.function.Supplier;

/**
 * Runs a call's handler, and the answer hooks after it, inside a frame the call's arguments set up: td's reads
 * {@code as_of} a past moment answer for that moment, the context hooks add too. A frame that has nothing to do runs
 * {@code answer} as it is.
 */
@FunctionalInterface
public interface CallFrame {

    /** The answer of {@code answer}, run inside the frame {@code call} asks for. */
    Envelope run(ToolCall call, Supplier<Envelope> answer);

    /** No frame. */
    CallFrame NONE = (call, answer) -> answer.get();
}
