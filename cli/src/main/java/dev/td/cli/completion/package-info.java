/**
 * Shell completion scripts for {@code td} ({@code td completion bash|zsh|fish}), written from the
 * picocli command model, so they offer exactly the commands, flags and enum values {@code td} has.
 */
package dev.td.cli.completion;
