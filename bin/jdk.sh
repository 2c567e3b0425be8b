# Sourced by mvnw and the bin/ launchers: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME when it already is one; otherwise takes the java on PATH if new enough,
# else the newest JDK under /usr/lib/jvm, /usr/java or /opt/java.
# Sets the variable named $3 to the field $2 of the release file of the JDK in $1, e.g.
# td_read_release "$JAVA_HOME" JAVA_VERSION version. No process is started: bin/td runs this on
# every call, where `java -XshowSettings` would cost ~100 ms. POSIX sh (mvnw sources this file).
td_read_release() {
  [ -r "$1/release" ] || return 1
  while IFS= read -r td_line || [ -n "$td_line" ]; do
    case "$td_line" in
      "$2="*)
        td_line="${td_line#*=}"
        td_line="${td_line#\"}"
        eval "$3=\${td_line%\\\"}"
        return 0 ;;
    esac
  done <"$1/release"
  return 1
}
# Sets the variable named $2 to the major version of the JDK in $1 (8, 17, 25), from its release file.
td_jdk_major() {
  td_read_release "$1" JAVA_VERSION td_version || return 1
  td_version="${td_version#1.}"
  td_version="${td_version%%[-.+_]*}"
  case "$td_version" in ''|*[!0-9]*) return 1 ;; esac
  eval "$2=\$td_version"
}
td_java_major() {
  td_java="$(command -v "$1" 2>/dev/null || true)"
  if [ -L "$td_java" ]; then td_java="$(readlink -f "$td_java" 2>/dev/null || true)"; fi
  if [ -n "$td_java" ] && td_jdk_major "${td_java%/bin/java}" td_major; then
    echo "$td_major"
    return 0
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}
td_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    td_major=""
    td_jdk_major "$JAVA_HOME" td_major || td_major="$(td_java_major "$JAVA_HOME/bin/java")"
    [ "$td_major" -ge 21 ] 2>/dev/null && return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(td_java_major java)" -ge 21 ] 2>/dev/null; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
    return 0
  fi
  for candidate in $(find /usr/lib/jvm /usr/java /opt/java -mindepth 1 -maxdepth 1 2>/dev/null | sort -Vr); do
    if [ -x "$candidate/bin/javac" ] && [ "$(td_java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "td needs a JDK 21 or newer; none found. Install one (e.g. Temurin 21/25) and set JAVA_HOME to it." >&2
  return 1
}
td_pick_jdk || exit 1
