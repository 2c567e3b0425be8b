# Sourced by the bin/ launchers: td_build LOCK NEEDS_BUILD_FN MAVEN_ARGS…
# Builds through the Maven wrapper, one build at a time per lock file (a second launcher waits, then builds
# only if still needed), and never outlives the launcher: the build runs in its own process group, which is
# stopped when the launcher is interrupted or terminated, or (watchdog) when the launcher is killed.
td_build() {
  local lock="$1" needed="$2"
  shift 2
  mkdir -p "$(dirname "$lock")"
  exec 8>"$lock"
  if command -v flock >/dev/null 2>&1; then
    flock 8
  fi
  if ! "$needed"; then
    exec 8>&-
    return 0
  fi
  local launcher=$$ build_pid watchdog rc=0
  setsid bash -c 'cd "$1" && shift && exec ./mvnw "$@"' td-build "$ROOT" "$@" >&2 8>&- &
  build_pid=$!
  # the build's process group dies with the launcher, even on kill -9 of the launcher
  ( exec 8>&-; while kill -0 "$launcher" 2>/dev/null && kill -0 "$build_pid" 2>/dev/null; do sleep 1; done
    kill -TERM -- "-$build_pid" 2>/dev/null || true ) &
  watchdog=$!
  trap 'kill -TERM -- "-$build_pid" 2>/dev/null; exit 130' INT TERM HUP
  wait "$build_pid" || rc=$?
  trap - INT TERM HUP
  kill "$watchdog" 2>/dev/null || true
  exec 8>&-
  return "$rc"
}
