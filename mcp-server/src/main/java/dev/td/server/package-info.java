/**
 * The {@code td-server} command ({@link dev.td.server.Main}): serve over HTTP, speak MCP on stdio,
 * migrate, rebuild projections. Only parses the command line and starts a face on the wiring.
 *
 * <p>Packages, from the top: {@code faces} (HTTP, REST, MCP, stdio) → {@code wiring} (the database
 * and the capabilities, put together) → the capabilities ({@code journal}, {@code profile},
 * {@code exercises}, {@code strength}, {@code analysis}) → {@code capability} (the seam they plug
 * into) → {@code access} and {@code projections} → {@code events} (the log). The architecture tests
 * in {@code dev.td.server.ArchitectureTest} hold these rules.
 */
package dev.td.server;
