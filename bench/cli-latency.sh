#!/usr/bin/env bash
# cli-latency: how long one `td get-personal-records` takes, next to the same request with curl.
#   bench/cli-latency.sh [runs=30]        (also: bin/bench cli [runs])
# Starts a real td server (embedded PostgreSQL in a temporary directory, a generated owner key),
# logs one workout so the answer is not empty, then times RUNS calls of each, one after the other:
#   curl                      POST /v1/tools/get_personal_records, the floor
#   td                        bin/td get-personal-records, with its start-up cache
#   td, no start-up cache     the same with TD_STARTUP_CACHE=off (what td costs without the cache)
# and prints p50 and p90 of each, wall-clock and CPU (user+sys of the process and its children, which
# a busy machine inflates less than wall-clock), with the machine's load: the goal (td p50 <= 400 ms)
# is for an idle machine. TD_BENCH_COMPARE=/path/to/other/bin/td adds a row for another td (e.g. a
# checkout of an older commit) against the same server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-30}"
case "$RUNS" in ''|*[!0-9]*|0) echo "usage: bench/cli-latency.sh [runs>0]" >&2; exit 2 ;; esac
command -v curl >/dev/null || { echo "cli-latency: needs curl" >&2; exit 2; }
. "$ROOT/bin/jdk.sh"
cd "$ROOT"

SERVER_JAR="$ROOT/mcp-server/target/td-mcp-server-0.1.0-SNAPSHOT.jar"
if [ ! -f "$SERVER_JAR" ] || [ -n "$(find "$ROOT"/*/src/main "$ROOT"/pom.xml "$ROOT"/*/pom.xml -newer "$SERVER_JAR" -print -quit)" ]; then
  echo "cli-latency: building the server…" >&2
  ./mvnw -q -pl mcp-server -am package -Dmaven.test.skip=true -Dspotless.check.skip=true -Djacoco.skip=true >&2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/td-cli-latency.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

KEY="td_$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48)"
TD_BOOTSTRAP_API_KEY="$KEY" "$JAVA_HOME/bin/java" -jar "$SERVER_JAR" serve --port 0 --data-dir "$WORK/data" \
  >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 240); do
  URL="$(sed -n 's/^td .* listening on \(http[^ ]*\)$/\1/p' "$WORK/server.out" | head -n 1)"
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; echo "cli-latency: the server did not start" >&2; exit 1; }
  sleep 0.5
done
[ -n "$URL" ] || { echo "cli-latency: the server did not start within 2 minutes" >&2; exit 1; }

export TD_URL="$URL" TD_API_KEY="$KEY"
# td's own config and queue stay in the work directory
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share"

td_call() { "$ROOT/bin/td" get-personal-records >/dev/null; }
td_call_uncached() { TD_STARTUP_CACHE=off "$ROOT/bin/td" get-personal-records >/dev/null; }
curl_call() {
  curl -sS -f -o /dev/null -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{}' "$URL/v1/tools/get_personal_records"
}

# one workout, so that there are records to read (and the first calls warm the server)
curl -sS -f -o /dev/null -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"idempotency_key":"bench-cli-1","started_at":"2026-11-24T18:00:00+01:00","exercises":[
       {"exercise":"bench","unit":"kg","sets":[{"weight":100,"reps":5,"count":2}]},
       {"exercise":"back squat","unit":"kg","sets":[{"weight":140,"reps":5,"count":3}]}]}' \
  "$URL/v1/tools/log_workout"
td_call   # builds the cli and records its start-up cache when needed; not timed
for _ in 1 2 3; do curl_call; td_call_uncached; done

# appends "wall-ms cpu-ms" of one run of "$@" to the file $1
time_ms() {
  local file="$1" TIMEFORMAT='%R %U %S'
  shift
  { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%d %d\n", $1 * 1000 + 0.5, ($2 + $3) * 1000 + 0.5 }' >>"$file"
}

# nearest-rank percentile of column $2 of the file $3
percentile() { cut -d' ' -f"$2" "$3" | sort -n | awk -v p="$1" '{ v[NR] = $1 } END { r = int((p * NR + 99) / 100); if (r < 1) r = 1; print v[r] }'; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //')"
: >"$WORK/curl.ms"; : >"$WORK/td.ms"; : >"$WORK/td-nocache.ms"; : >"$WORK/compare.ms"
compare_call() { "$TD_BENCH_COMPARE" get-personal-records >/dev/null; }
if [ -n "${TD_BENCH_COMPARE:-}" ]; then compare_call; fi
for _ in $(seq "$RUNS"); do
  time_ms "$WORK/curl.ms" curl_call
  time_ms "$WORK/td.ms" td_call
  time_ms "$WORK/td-nocache.ms" td_call_uncached
  if [ -n "${TD_BENCH_COMPARE:-}" ]; then time_ms "$WORK/compare.ms" compare_call; fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //')"

row() {
  printf '  %-28s %7s ms %7s ms %9s ms %7s ms\n' "$1" "$(percentile 50 1 "$2")" "$(percentile 90 1 "$2")" \
    "$(percentile 50 2 "$2")" "$(percentile 90 2 "$2")"
}
echo "td get-personal-records against a real td server ($URL), $RUNS runs each, interleaved"
echo "  $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
echo "  JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
printf '  %-28s %10s %10s %12s %10s\n' "" "wall p50" "wall p90" "cpu p50" "cpu p90"
row "curl" "$WORK/curl.ms"
row "td" "$WORK/td.ms"
row "td, no start-up cache" "$WORK/td-nocache.ms"
if [ -n "${TD_BENCH_COMPARE:-}" ]; then row "$TD_BENCH_COMPARE" "$WORK/compare.ms"; fi
P50="$(percentile 50 1 "$WORK/td.ms")"
if [ "$P50" -le 400 ]; then
  echo "goal td p50 <= 400 ms: met ($P50 ms)"
else
  echo "goal td p50 <= 400 ms: missed ($P50 ms; the goal is for an idle machine, see the load above)"
fi
