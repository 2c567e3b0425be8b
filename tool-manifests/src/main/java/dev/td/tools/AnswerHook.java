package dev.td.tools;

/**
 * Adds to a tool's answer after its handler succeeded: context every answer of a kind should carry (an active
 * injury touching the exercise asked about, the program phase), without each handler knowing about it. Hooks run
 * in the order they were added, on every tool; a hook decides from the call which answers it touches.
 */
@FunctionalInterface
public interface AnswerHook {

    /** The answer to return instead of {@code answer}; usually the same envelope with more context. */
    Envelope after(ToolCall call, Envelope answer);
}
