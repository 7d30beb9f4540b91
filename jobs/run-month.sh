#!/usr/bin/env bash
# Launcher for schedulers (cron, systemd, Control-M, Airflow): runs one month and returns the job's
# exit code unchanged (0 completed, 1 failed - run again to resume, 2 bad invocation, input or
# configuration, 3 already running, 4 stopped on request - run again to resume). SIGTERM reaches
# Java (exec), which stops at the next chunk boundary.
#
#   jobs/run-month.sh --month=2026-10 [--input=DIR] [--output=DIR] [--db=PATH] [--rules=DIR] [--force]
#   jobs/run-month.sh --previous-month      # the month before today's, for a monthly timer
#   JAVA_HOME=/usr/lib/jvm/java-17 JAVA_OPTS="-Xmx2g" jobs/run-month.sh --month=2026-10
#
# Relative paths are taken from the CodeCred folder (this script's parent), as in the README. The jar
# is codecred.jar there (release archive) or target/codecred.jar (a build); CODECRED_JAR overrides.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -n "${CODECRED_JAR:-}" ]; then
    JAR=$CODECRED_JAR
elif [ -f codecred.jar ]; then
    JAR=codecred.jar
else
    JAR=target/codecred.jar
fi
if [ ! -f "$JAR" ]; then
    echo "codecred: $JAR not found; build it with: mvn -q -B package -DskipTests" >&2
    exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then
    JAVA=$JAVA_HOME/bin/java
    if [ ! -x "$JAVA" ]; then
        echo "codecred: JAVA_HOME=$JAVA_HOME has no bin/java; point it at a Java 17 or later installation" >&2
        exit 2
    fi
else
    JAVA=java
fi
args=()
for arg in "$@"; do
    if [ "$arg" = "--previous-month" ]; then
        args+=("--month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)")
    else
        args+=("$arg")
    fi
done
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:--Xmx1g} -jar "$JAR" "${args[@]}"
