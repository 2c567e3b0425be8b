/**
 * How {@code td} prints JSON answers: as JSON (indented or {@code --compact}), as an aligned text
 * table or as CSV ({@code -o json|table|csv}), and which fields ({@code --fields a,b.c}). Knows
 * JSON and the envelope {@code {data, context, meta}}; nothing of the commands or the server.
 */
package dev.td.cli.output;
