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
# Java runs with the options CodeCred is measured with (below), then JAVA_OPTS.
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
# The JVM options CodeCred is measured with (docs/performance.md, "JVM options"); JAVA_OPTS comes after
# them, so its -Xmx wins. On two cores both kinds below took a tenth off the 5,000,000-line month
# (2:59 -> 2:44) and 230 MB off its peak memory.
jvm=(-Xmx1g)
# The parallel collector: G1, the JVM's own choice on two cores and 2 GB or more, spends CPU and memory
# on concurrent work that a batch job does not need. A collector named in JAVA_OPTS replaces it (the
# JVM refuses two).
collector=(-XX:+UseParallelGC)
names_collector=' -XX:\+Use[A-Za-z0-9]*GC '
if [[ " ${JAVA_OPTS:-} " =~ $names_collector ]]; then
    collector=()
fi
# Fewer methods for the optimizing compiler: its one thread (on two cores) was busy compiling for most
# of a month's run, beside the job's own two; only methods several times hotter than by default now wait
# for it. Product options of Java 17 and later (LauncherScriptTest starts a JVM with them).
compiler=(-XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2000 -XX:Tier4CompileThreshold=30000
    -XX:Tier4BackEdgeThreshold=200000)
# shellcheck disable=SC2086
exec "$JAVA" "${jvm[@]}" ${collector[@]+"${collector[@]}"} "${compiler[@]}" ${JAVA_OPTS:-} -jar "$JAR" "${args[@]}"
