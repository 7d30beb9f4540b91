#!/usr/bin/env bash
# Launcher for schedulers (cron, systemd, Control-M, Airflow): runs one month and returns the job's
# exit code unchanged (0 completed, 1 failed - run again to resume, 2 bad invocation, input or
# configuration, 3 already running, 4 stopped on request - run again to resume). SIGTERM reaches
# Java (exec; forwarded on a jar's first month, below), which stops at the next chunk boundary.
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
# At most two malloc arenas (unless MALLOC_ARENA_MAX is set): glibc gives each thread that allocates
# natively an arena of its own and keeps what it freed there. The staging engine's threads left the
# 5,000,000-line month's peak memory 130 MB higher (1,459 MB against 1,333 with two arenas, at the
# same speed; docs/performance.md).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# Class data sharing: the jar unpacked once into a cache folder (data/jvm, or CODECRED_JVM_CACHE), and
# the classes a month loads kept there in an archive that later runs map instead of reading and
# verifying each class again: a month starts 2 to 3 s sooner. The first month run of a jar (or of
# another Java) writes the archive as it exits; it is kept only when that month completed, so that it
# holds every step's classes. Java checks an archive against its own build and the jar before it maps
# it, and runs without it otherwise. CODECRED_CDS=off, or a cache folder that cannot be written, runs
# the jar as it is; so do --help, --version and the other commands that run no month.
cds=()
archive=
month_run=
for arg in "${args[@]}"; do
    case "$arg" in --month=*|--months=*) month_run=yes ;; esac
done
if [ "${CODECRED_CDS:-on}" != off ] && [ -n "$month_run" ]; then
    cache=${CODECRED_JVM_CACHE:-data/jvm}
    name=$(basename "$JAR")
    # a folder per jar and Java: a rebuilt jar or an updated Java gets its own
    java_file=$(readlink -f "$(command -v "$JAVA")" 2>/dev/null || echo "$JAVA")
    jar_key=$(stat -c '%s-%Y' "$JAR" 2>/dev/null) && java_key=$(stat -c '%Y' "$java_file" 2>/dev/null) || jar_key=
    dir=$cache/$jar_key-${java_key:-}
    if [ -n "$jar_key" ] && [ ! -f "$dir/$name" ] && mkdir -p "$cache" 2>/dev/null; then
        # the folders of other jars and Javas unused for a day (each is the jar's size again, and its archive)
        find "$cache" -mindepth 1 -maxdepth 1 -type d -mmin +1440 -exec rm -rf {} + 2>/dev/null
        rm -rf "$dir.$$"
        # moved into place whole; a run beside this one that got there first keeps its copy
        if "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$dir.$$" >/dev/null 2>&1 && [ -f "$dir.$$/$name" ]; then
            mv -T "$dir.$$" "$dir" 2>/dev/null
        fi
        rm -rf "$dir.$$"
    fi
    if [ -n "$jar_key" ] && [ -f "$dir/$name" ] && [ -w "$dir" ]; then
        JAR=$dir/$name
        touch "$dir" # in use: kept by the pruning above
        for left in "$dir"/codecred.jsa.*; do # written by a Java whose launcher was killed outright
            if [ -e "$left" ] && ! kill -0 "${left##*.}" 2>/dev/null; then
                rm -f "$left"
            fi
        done
        if [ -s "$dir/codecred.jsa" ]; then
            cds=(-XX:SharedArchiveFile="$dir/codecred.jsa")
        else
            archive=$dir/codecred.jsa.$$
            cds=(-XX:ArchiveClassesAtExit="$archive")
        fi
        cds+=("-Xlog:cds*=off")  # the archive's own notes (classes it cannot hold) are not the job's output
    fi
fi
java_command=("$JAVA" "${jvm[@]}" ${collector[@]+"${collector[@]}"} "${compiler[@]}" ${cds[@]+"${cds[@]}"})
# shellcheck disable=SC2206
java_command+=(${JAVA_OPTS:-} -jar "$JAR" "${args[@]}")
if [ -z "$archive" ]; then
    exec "${java_command[@]}"
fi
# The run that writes the archive waits for Java instead of becoming it, to keep the archive only if
# the month completed; a stop request reaches Java all the same, and so does the launcher's end if it
# is killed outright (setpriv's parent-death signal: Java then stops as on a stop request).
if command -v setpriv >/dev/null 2>&1; then
    java_command=(setpriv --pdeathsig TERM -- "${java_command[@]}")
fi
"${java_command[@]}" &
java_pid=$!
trap 'kill -TERM "$java_pid" 2>/dev/null' TERM INT HUP
wait "$java_pid"
code=$?
while kill -0 "$java_pid" 2>/dev/null; do # woken by a signal: Java is still stopping
    wait "$java_pid"
    code=$?
done
if [ "$code" -eq 0 ] && [ -s "$archive" ]; then
    mv -f "$archive" "${archive%.*}"
fi
rm -f "$archive"
exit "$code"
