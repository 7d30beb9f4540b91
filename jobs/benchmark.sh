#!/usr/bin/env bash
# Benchmark: generates a month of LINES claim lines for PROVIDERS providers, puts the lines of each
# claim file in arrival order (shuffled across providers, members and dates with a fixed seed, as
# real files come), runs the job on it with a capped heap, and prints per-step wall time, lines/s,
# dossiers/s and peak memory, then every target of the performance issue beside its measured value
# and the floor measured in the same run (bare OpenCSV parse of the same files, bare POI writes of
# as many minimal workbooks as there are dossiers, POI writing a dossier's bare structure, and for
# 837 months StAEDI's tokenizing alone).
#
#   jobs/benchmark.sh [LINES] [PROVIDERS] [HEAP] [FORMAT]   defaults: 1000000 10000 1g csv
#   FORMAT=837         the month's claims as 837P files instead of CSV (loadX12Claims reads them); also
#                      times the reading alone of both forms of the same month ("parse csv" / "parse 837")
#   BENCH_DIR=/path    where the data goes (default /tmp/codecred-bench)
#   BENCH_SEED=N       generator and shuffle seed (default 1)
#   BENCH_ORDER=grouped  keep the generator's order (grouped by provider) instead of arrival order
#   BENCH_STAGING=database  keep the claim lines in HSQLDB instead of the DuckDB staging engine beside it
#   BENCH_JAVA=plain   run the job as `java -Xmx$HEAP -jar` instead of through jobs/run-month.sh, the
#                      launcher schedulers use (which adds the JVM options CodeCred is measured with)
#   BENCH_DB=postgres  stage in PostgreSQL instead of the embedded HSQLDB: starts the local server with
#                      .ci/postgres-setup.sh and (re)creates a database of its own, codecred_bench
#                      (BENCH_PG_DATABASE, BENCH_PG_USER, BENCH_PG_PASSWORD to change them)
set -euo pipefail
LINES=${1:-1000000}
PROVIDERS=${2:-10000}
HEAP=${3:-1g}
FORMAT=${4:-csv}
SEED=${BENCH_SEED:-1}
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-/tmp/codecred-bench}
JAR=target/codecred.jar
[ -f "$JAR" ] || mvn -q -B package -DskipTests
# the floor is benchmark-only code in the test tree, run with the jar's libraries
[ -f target/test-classes/org/codecred/bench/Floor.class ] || mvn -q -B test-compile
floor() {
    java -Xmx"$HEAP" -cp "$JAR" -Dloader.path=target/test-classes -Dloader.main=org.codecred.bench.Floor \
        org.springframework.boot.loader.launch.PropertiesLauncher floor "$@"
}

DB_ARGS=(--db="$WORK/db/codecred")
# BENCH_STAGING=database keeps the claim lines in HSQLDB, as before issue 27 (for before/after figures)
if [ "${BENCH_STAGING:-engine}" = database ]; then
    DB_ARGS+=(--codecred.staging-engine=database)
    DB_NAME="HSQLDB (embedded file database), claim lines in HSQLDB too"
else
    DB_NAME="HSQLDB (embedded file database), claim lines in the DuckDB staging engine"
fi
if [ "${BENCH_DB:-hsqldb}" = postgres ]; then
    PG_DB=${BENCH_PG_DATABASE:-codecred_bench}
    PG_USER=${BENCH_PG_USER:-codecred_bench}
    PG_PASSWORD=${BENCH_PG_PASSWORD:-codecred_bench}
    bash .ci/postgres-setup.sh >/dev/null
    as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else sudo su postgres -c "$*"; fi; }
    # a database of the benchmark's own, new for every run (never the tests' codecred database)
    as_postgres "psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \"DROP DATABASE IF EXISTS ${PG_DB}\""
    as_postgres "psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}') THEN CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'; END IF; END \\\$\\\$\""
    as_postgres "psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \"CREATE DATABASE ${PG_DB} OWNER ${PG_USER} ENCODING 'UTF8' TEMPLATE template0\""
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/${PG_DB}"
    export SPRING_DATASOURCE_USERNAME="$PG_USER" SPRING_DATASOURCE_PASSWORD="$PG_PASSWORD"
    DB_ARGS=()
    DB_NAME="PostgreSQL $(as_postgres "psql -X -tAc 'SHOW server_version'" | awk '{print $1}') on 127.0.0.1, database $PG_DB"
fi

rm -rf "$WORK" && mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "month: $LINES lines, $PROVIDERS providers, heap -Xmx$HEAP, claims as $FORMAT, staging: $DB_NAME"
java -jar "$JAR" generate --month=2026-10 --providers="$PROVIDERS" --lines="$LINES" --seed="$SEED" --input="$WORK/input" \
    --format="$FORMAT" >/dev/null
if [ "$FORMAT" = 837 ]; then
    echo "line order: as generated (837P files keep their claims' order)"
elif [ "${BENCH_ORDER:-arrival}" = grouped ]; then
    echo "line order: as generated (grouped by provider)"
else
    python3 jobs/arrival-order.py "$SEED" "$WORK"/input/2026-10/claims*.csv
    echo "line order: arrival (each claim file shuffled, seed $SEED)"
fi
du -sh "$WORK/input/2026-10" | awk '{print "input size: " $1}'

if [ "${BENCH_JAVA:-launcher}" = plain ]; then
    JOB=(java -Xmx"$HEAP" -jar "$JAR")
    echo "jvm: java -Xmx$HEAP -jar (no launcher)"
else
    # the launcher execs java, so time measures the job's JVM itself
    export JAVA_OPTS="-Xmx$HEAP" CODECRED_JAR="$JAR"
    JOB=(bash jobs/run-month.sh)
    echo "jvm: through jobs/run-month.sh, its options $(sed -n '/^jvm=(/,/^# Class data sharing/p' jobs/run-month.sh | grep -v -e '^ *#' -e '=~' -e 'names_collector=' \
        | grep -oE -- '-X[^ )"]+' | tr '\n' ' ')then JAVA_OPTS=$JAVA_OPTS"
fi
if [ "${BENCH_JAVA:-launcher}" != plain ] && [ "${CODECRED_CDS:-on}" != off ]; then
    # as a site runs once a jar has run its first month: the launcher's class archive made beforehand,
    # by a small month of the same format in a database of its own
    java -jar "$JAR" generate --month=2026-09 --providers=50 --lines=5000 --seed=2 --input="$WORK/warm-input" \
        --format="$FORMAT" >/dev/null
    env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD "${JOB[@]}" --month=2026-09 \
        --input="$WORK/warm-input" --output="$WORK/warm-output" --db="$WORK/warm-db/codecred" >/dev/null 2>&1 \
        || echo "warning: the small month that makes the class archive did not complete"
    echo "class data: shared by the launcher (its archive made by a small month first; CODECRED_CDS=off to measure without)"
fi
/usr/bin/time -v -o "$WORK/time.txt" "${JOB[@]}" --month=2026-10 --input="$WORK/input" \
    --output="$WORK/output" "${DB_ARGS[@]}" > "$WORK/job.log" 2>&1 || { echo "job failed:"; tail -20 "$WORK/job.log"; exit 1; }

echo
echo "step                  seconds"
grep -E "step [a-zA-Z]+: COMPLETED in" "$WORK/job.log" | grep -v Worker \
    | sed -E 's/.*step ([a-zA-Z]+): COMPLETED in ([0-9.]+) s.*/\1 \2/' \
    | awk '{printf "%-20s %8s\n", $1, $2}' | tee "$WORK/steps.txt"
total=$(grep -E "Elapsed \(wall clock\)" "$WORK/time.txt" | awk '{print $NF}')
total_s=$(echo "$total" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}')
seconds_of() { awk -v s="$1" '$1 == s {print $2}' "$WORK/steps.txt"; }
load=$(awk '$1 == "loadClaims" || $1 == "loadX12Claims" {s += $2} END {print s}' "$WORK/steps.txt"); validate=$(seconds_of validateCoding); dossiers=$(seconds_of writeDossiers)
# the staging steps between the load and validateCoding belong to "load + validate" (issue 27)
between=$(awk '$1 == "stageClaimLines" || $1 == "resolveClaims" || $1 == "listRenderingNpis" {s += $2} END {print s + 0}' "$WORK/steps.txt")
accepted=$(grep -o '"lines_read": [0-9]*' "$WORK/output/2026-10/run-summary.json" | awk '{print $2}')
written=$(find "$WORK/output/2026-10/dossiers" -name "*.xlsx" 2>/dev/null | wc -l || true)
rss=$(grep -E "Maximum resident set size" "$WORK/time.txt" | awk '{printf "%d", $NF / 1024}')
echo
echo "end to end (wall):     $total"
awk -v n="$accepted" -v s="$load" 'BEGIN {printf "loadClaims (+X12):     %\047.0f lines/s\n", n / s}'
awk -v n="$accepted" -v s="$validate" 'BEGIN {if (s > 0) printf "validateCoding:        %\047.0f lines/s\n", n / s}'
awk -v n="$accepted" -v a="$load" -v b="$validate" -v c="$between" 'BEGIN {printf "load + validate:       %\047.0f lines/s (load, stageClaimLines, resolveClaims, listRenderingNpis, validateCoding)\n", n / (a + b + c)}'
awk -v n="$written" -v s="$dossiers" 'BEGIN {if (s > 0) printf "writeDossiers:         %\047.1f dossiers/s (%d dossiers)\n", n / s, n}'
echo "peak memory (RSS):     $rss MB (heap capped at $HEAP)"
echo
if [ "$FORMAT" = 837 ]; then
    # the same month as CSV, to compare the reading of the two forms (reader + row checks, no staging)
    java -jar "$JAR" generate --month=2026-10 --providers="$PROVIDERS" --lines="$LINES" --seed="$SEED" \
        --input="$WORK/csv-form" >/dev/null
    floor parse "$WORK"/csv-form/2026-10/claims*.csv 2>/dev/null | grep '^parse' | tee "$WORK/parse.txt"
    floor parse "$WORK"/input/2026-10/claims*.837 2>/dev/null | grep '^parse' | tee -a "$WORK/parse.txt"
    # StAEDI alone (no mapping, files in memory), on one thread and on every core at once: the most
    # any 837 reader built on it can reach on this machine
    floor x12 "$WORK"/input/2026-10/claims*.837 2>/dev/null | grep '^floor x12' | tee -a "$WORK/parse.txt"
    floor csv "$WORK"/csv-form/2026-10/claims*.csv | tee "$WORK/floor.txt"
else
    floor csv "$WORK"/input/2026-10/claims*.csv | tee "$WORK/floor.txt"
fi
floor poi "$written" "$WORK/floor-poi" | tee -a "$WORK/floor.txt"
# POI alone writing a dossier's bare structure (eight sheets, 100 claim lines, three charts)
floor dossier 1000 "$WORK/floor-dossier" 2>/dev/null | grep '^floor dossier' | tee -a "$WORK/floor.txt"
parse_rate=$(awk '/floor csv/ {gsub(",", "", $(NF-1)); print $(NF-1)}' "$WORK/floor.txt")
poi_rate=$(awk '/floor poi/ {gsub(",", "", $(NF-1)); print $(NF-1)}' "$WORK/floor.txt")

# The targets of issue 27 (which tightened issue 17's), each beside the measured value and the floor of
# this run. The end-to-end and memory targets are set for 1,000,000 lines / 10,000 providers and
# 5,000,000 / 20,000; at other sizes the end-to-end target scales with the lines.
echo
printf "%-44s %-16s %-16s %s\n" "target" "measured" "floor (this run)" "met"
target() { printf "%-44s %-16s %-16s %s\n" "$1" "$2" "$3" "$4"; }
# yes_no A OP B: whether the measured A meets the target B (OP is <= or >=)
yes_no() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {ok = op == "<=" ? a + 0 <= b + 0 : a + 0 >= b + 0; print (ok ? "yes" : "NO")}'; }
floor_end=$(awk -v n="$accepted" -v p="$parse_rate" -v d="$written" -v w="$poi_rate" -v c="$(nproc)" \
    'BEGIN {printf "%.0f", n / p + d / w / c}')
if [ "${BENCH_DB:-hsqldb}" = postgres ]; then
    # PostgreSQL: not slower than before issue 27 (301 s at 1,000,000 lines, docs/performance.md)
    end_target=$(awk -v l="$LINES" 'BEGIN {printf "%.1f", 301 * l / 1000000}')
    end_label="end to end <= ${end_target} s (PostgreSQL: 301 s per 1M)"
elif [ "$LINES" -ge 5000000 ]; then
    end_target=240; end_label="end to end <= 240 s (4 min at 5M)"
else
    end_target=$(awk -v l="$LINES" 'BEGIN {printf "%.1f", 60 * l / 1000000}')
    end_label="end to end <= ${end_target} s (60 s per 1M lines)"
fi
target "$end_label" "${total_s} s" "${floor_end} s" "$(yes_no "$total_s" "<=" "$end_target")"
lv=$(awk -v n="$accepted" -v a="$load" -v b="$validate" -v c="$between" 'BEGIN {printf "%.0f", n / (a + b + c)}')
target "load + validate >= 150,000 lines/s" "$lv lines/s" "$parse_rate lines/s" "$(yes_no "$lv" ">=" 150000)"
lo=$(awk -v n="$accepted" -v s="$load" 'BEGIN {printf "%.0f", n / s}')
target "load alone >= 250,000 lines/s" "$lo lines/s" "$parse_rate lines/s" "$(yes_no "$lo" ">=" 250000)"
# one dossier's cost in thread-seconds (the step runs one writer per core) in minimal workbooks of the floor
cost=$(awk -v s="$dossiers" -v c="$(nproc)" -v n="$written" -v w="$poi_rate" 'BEGIN {if (n > 0) printf "%.1f", s * c / n * w; else print 0}')
bare=$(awk '/floor dossier/ {for (i = 1; i <= NF; i++) if ($i == "minimal" && $(i + 1) == "workbooks" && $(i - 2) == "=" && (v == "" || $(i - 1) + 0 < v + 0)) v = $(i - 1)} END {print v}' "$WORK/floor.txt")
target "a dossier <= 1 minimal workbook" "$cost workbooks" "bare ${bare:-?}" "$(yes_no "$cost" "<=" 1)"
if [ "$FORMAT" = 837 ]; then
    # issue 16: the 837 reading rate against the CSV one, and the same for StAEDI alone
    rate_of() { awk -v k="$1" 'index($0, k) == 1 {gsub(",", "", $(NF-1)); print $(NF-1)}' "$WORK/parse.txt"; }
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
    csv_rate=$(rate_of "parse csv"); x12_rate=$(rate_of "parse 837")
    one=$(rate_of "floor x12 (StAEDI alone, 1 thread)"); all=$(rate_of "floor x12 (StAEDI alone, $(nproc) threads)")
    target "837 reading >= 0.5 x CSV reading" "$(ratio "$x12_rate" "$csv_rate")" \
        "StAEDI alone $(ratio "$one" "$csv_rate") (1 core), $(ratio "$all" "$csv_rate") ($(nproc))" \
        "$(yes_no "$(ratio "$x12_rate" "$csv_rate")" ">=" 0.5)"
fi
heap_limit_mb=$(echo "$HEAP" | awk '/g$/ {print $0 * 1024; next} /m$/ {print $0 + 0; next} {print $0 / 1048576}')
if [ "$LINES" -ge 5000000 ]; then
    target "peak RSS <= 1,536 MB at 5M lines" "$rss MB" "heap $heap_limit_mb MB" "$(yes_no "$rss" "<=" 1536)"
else
    target "memory flat under -Xmx$HEAP (RSS)" "$rss MB" "heap $heap_limit_mb MB" \
        "compare RSS across sizes (run again at 5,000,000 / 20,000)"
fi
