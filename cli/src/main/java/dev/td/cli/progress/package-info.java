/**
 * What {@code td} shows on stderr while a long command works: the one-line progress of a transfer
 * ({@code run.fit  [#####.....] 52% 2.1/4.0 MB}), redrawn in place when stderr is a terminal, and
 * whether it is one. Knows nothing of the commands or the server.
 */
package dev.td.cli.progress;
