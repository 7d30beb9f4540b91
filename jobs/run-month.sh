#!/usr/bin/env bash
# Launcher for schedulers (cron, Control-M, Airflow): runs one month and returns the job's exit code
# (0 completed, 1 failed - run again to resume, 2 bad invocation or input, 3 already running).
#
#   jobs/run-month.sh --month=2026-10 [--input=DIR] [--output=DIR] [--db=PATH] [--rules=DIR] [--force]
#   JAVA_OPTS="-Xmx2g" jobs/run-month.sh --month=2026-10
#
# Relative paths are taken from the CodeCred folder (this script's parent), as in the README.
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${CODECRED_JAR:-target/codecred.jar}
if [ ! -f "$JAR" ]; then
    echo "codecred: $JAR not found; build it with: mvn -q -B package -DskipTests" >&2
    exit 2
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" "$@"
