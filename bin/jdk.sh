# Sourced by mvnw and the bin/ launchers: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME when it already is one; otherwise takes the java on PATH if new enough,
# else the newest JDK under /usr/lib/jvm, /usr/java or /opt/java.
td_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}
td_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    [ "$(td_java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null && return 0
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
