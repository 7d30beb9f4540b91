#!/usr/bin/env bash
# Benchmark: generates a month of LINES claim lines for PROVIDERS providers, runs the job on it with
# a capped heap, and prints per-step wall time, lines/s, dossiers/s and peak memory, beside the floor
# measured in the same run (bare OpenCSV parse of the same files, bare POI writes of as many
# minimal workbooks as there are dossiers).
#
#   jobs/benchmark.sh [LINES] [PROVIDERS] [HEAP]        defaults: 1000000 10000 1g
#   BENCH_DIR=/path jobs/benchmark.sh ...                where the data goes (default /tmp/codecred-bench)
set -euo pipefail
LINES=${1:-1000000}
PROVIDERS=${2:-10000}
HEAP=${3:-1g}
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

rm -rf "$WORK" && mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "month: $LINES lines, $PROVIDERS providers, heap -Xmx$HEAP"
java -jar "$JAR" generate --month=2026-10 --providers="$PROVIDERS" --lines="$LINES" --seed=1 --input="$WORK/input" >/dev/null
du -sh "$WORK/input/2026-10" | awk '{print "input size: " $1}'

/usr/bin/time -v -o "$WORK/time.txt" java -Xmx"$HEAP" -jar "$JAR" --month=2026-10 --input="$WORK/input" \
    --output="$WORK/output" --db="$WORK/db/codecred" > "$WORK/job.log" 2>&1 || { echo "job failed:"; tail -20 "$WORK/job.log"; exit 1; }

echo
echo "step                  seconds"
grep -E "step [a-zA-Z]+: COMPLETED in" "$WORK/job.log" | sed -E 's/.*step ([a-zA-Z]+): COMPLETED in ([0-9.]+) s.*/\1 \2/' \
    | awk '{printf "%-20s %8s\n", $1, $2}' | tee "$WORK/steps.txt"
total=$(grep -E "Elapsed \(wall clock\)" "$WORK/time.txt" | awk '{print $NF}')
seconds_of() { awk -v s="$1" '$1 == s {print $2}' "$WORK/steps.txt"; }
load=$(seconds_of loadClaims); validate=$(seconds_of validateCoding); dossiers=$(seconds_of writeDossiers)
accepted=$(grep -o '"lines_read": [0-9]*' "$WORK/output/2026-10/run-summary.json" | awk '{print $2}')
written=$(find "$WORK/output/2026-10/dossiers" -name "*.xlsx" 2>/dev/null | wc -l || true)
echo
echo "end to end (wall):     $total"
awk -v n="$accepted" -v s="$load" 'BEGIN {printf "loadClaims:            %\047.0f lines/s\n", n / s}'
awk -v n="$accepted" -v s="$validate" 'BEGIN {if (s > 0) printf "validateCoding:        %\047.0f lines/s\n", n / s}'
awk -v n="$accepted" -v a="$load" -v b="$validate" 'BEGIN {printf "load + validate:       %\047.0f lines/s\n", n / (a + b)}'
awk -v n="$written" -v s="$dossiers" 'BEGIN {if (s > 0) printf "writeDossiers:         %\047.1f dossiers/s (%d dossiers)\n", n / s, n}'
grep -E "Maximum resident set size" "$WORK/time.txt" | awk '{printf "peak memory (RSS):     %d MB (heap capped at '"$HEAP"')\n", $NF / 1024}'
echo
floor csv "$WORK"/input/2026-10/claims*.csv
floor poi "$written" "$WORK/floor-poi"
