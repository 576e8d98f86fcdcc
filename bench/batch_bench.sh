#!/usr/bin/env bash
# End-to-end batch benchmark: a marginalia-server with its default durable
# storage (SQLite, synchronous=FULL) on a fresh database, 2,000 distinct
# essays (variants of the sample and of the corpus history essays) sent by
# 'marginalia batch', and a check that the database holds every one.
# Builds nothing: run scripts/build first.
#   bench/batch_bench.sh [BUILD_DIR] [COUNT] [extra batch flags...]
# Prints essays per second for the stream (stored and acknowledged) and for
# the whole 'marginalia batch' command (reading files, scoring, storing,
# the reports answered on the stream, summary), and the CPU time per essay, which
# does not depend on what else the machine is running.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$root/build"}
count=${2:-2000}
shift $(( $# > 2 ? 2 : $# )) || true
bin="$build_dir/bin"
shared="$root/../shared"

# On the build's disk, not a RAM disk, so that fsync costs what it costs.
work=$(mktemp -d -p "$build_dir" batch-bench.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mapfile -t sources < <(ls "$shared/samples/"*.txt; \
  find "$shared/corpora/metahistory_essays/essays" -name '*.md' | sort)
/usr/bin/env python3 "$root/bench/make_essay_variants.py" "$work/essays" "$count" \
  "${sources[@]}"

"$bin/marginalia-server" --listen 127.0.0.1:0 --db "$work/bench.db" ${SERVER_FLAGS:-} \
  > "$work/server.out" 2> "$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  grep -q "^listening on " "$work/server.out" && break
  sleep 0.1
done
address=$(sed -n 's/^listening on //p' "$work/server.out")
[[ -n "$address" ]] || { echo "server did not start"; cat "$work/server.log"; exit 1; }

# Untimed set-up, as course staff would have it before the deadline: a
# course, an assignment on the history-essay rubric, the cohort enrolled.
MARGINALIA_TOKEN=$(head -n 1 "$work/admin-token")
export MARGINALIA_TOKEN MARGINALIA_SERVER="$address"
"$bin/marginalia" course create bench > /dev/null
"$bin/marginalia" assignment create bench --course bench \
  --rubric history-essay > /dev/null
mapfile -t students < <(ls "$work/essays" | sed 's/\.txt$//')
"$bin/marginalia" enrol "${students[@]}" --course bench --create-users > /dev/null

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"
}
server_cpu_before=$(cpu_seconds "$server_pid")
start=$(date +%s.%N)
"$bin/marginalia" batch "$work/essays" --assignment bench \
  "$@" > "$work/batch.out" 2> "$work/batch.err" &
client_pid=$!
client_cpu=0
while kill -0 "$client_pid" 2>/dev/null; do
  client_cpu=$(cpu_seconds "$client_pid" 2>/dev/null || echo "$client_cpu")
  sleep 0.05
done
wait "$client_pid" || {
  echo "batch failed:"; cat "$work/batch.out" "$work/batch.err"; exit 1; }
end=$(date +%s.%N)
server_cpu=$(awk -v a="$server_cpu_before" -v b="$(cpu_seconds "$server_pid")" \
  'BEGIN { printf "%.3f", b - a }')

stored=$("$bin/marginalia" list --assignment bench | grep -c '^sub_')
head -1 "$work/batch.out"
# The progress line's rate covers the stream: every essay sent, stored in a
# committed transaction and acknowledged.
tail -1 "$work/batch.err" | sed 's/^batch: /stream (stored and acknowledged): /'
if [[ "$stored" -ne "$count" ]]; then
  echo "FAIL: the database holds $stored submissions, expected $count"
  exit 1
fi
awk -v n="$count" -v s="$start" -v e="$end" -v sc="$server_cpu" \
    -v cc="$client_cpu" -v cores="$(nproc)" 'BEGIN {
  printf "whole command (reports and summary included): %d essays in %.2f s: %.0f essays/s end to end\n",
         n, e - s, n / (e - s)
  printf "CPU: %.2f ms per essay (server %.2f s, client %.2f s in all): %d idle cores would allow about %.0f essays/s\n",
         1000 * (sc + cc) / n, sc, cc, cores, cores * n / (sc + cc) }'
