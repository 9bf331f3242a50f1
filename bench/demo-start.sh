#!/usr/bin/env bash
# How long scripts/start-demo.sh takes from launch to its "running" message when nothing changed
# since the last start (the newcomer's second start; target: under 25 s on the project's machine).
# Makes one start first if the demo was never started, then measures BENCH_ROUNDS (3) more.
# Results go to bench/results/demo-start.jsonl; the suite never runs this.
#
# Usage: bench/demo-start.sh        (the demo's ports, 8080 and 9000, must be free)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results/demo-start.jsonl
ROUNDS=${BENCH_ROUNDS:-3}
LOG=$(mktemp)

start_once() { # prints seconds to the ready message, then stops the demo
  local begin end pid
  begin=$(date +%s.%N)
  bash scripts/start-demo.sh >"$LOG" 2>&1 &
  pid=$!
  until grep -q "Press Ctrl+C" "$LOG"; do
    kill -0 $pid 2>/dev/null || { cat "$LOG"; echo "the demo stopped before it was ready" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo "$end - $begin" | bc
}

[ -f .demo/built ] || { echo ">> First start (not measured)"; start_once >/dev/null; }
: > "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  seconds=$(start_once)
  echo "{\"start\":\"second\",\"round\":$round,\"readySeconds\":$seconds}" | tee -a "$OUT"
done
rm -f "$LOG"
