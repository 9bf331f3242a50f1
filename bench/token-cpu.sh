#!/usr/bin/env bash
# What a token costs the server, in its own CPU time, for a stock client and for a machine user,
# with the per-node key cache and without it (cache-size 0, the database read on every request).
# Server CPU per request does not move with the share of the cores the load generator takes, so
# it tells apart costs of a few per cent that throughput, on two shared cores, cannot. One client,
# one server per variant on H2, a warm-up, then BENCH_ROUNDS rounds of each point.
# Results go to bench/results/token-cpu.jsonl and RESULTS.md; the suite never runs this.
#
# Usage: bench/token-cpu.sh    BENCH_SECONDS (15) per point, BENCH_ROUNDS (default 3), BENCH_REUSE_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ROUNDS="${BENCH_ROUNDS:-3}"

prepare_distribution
build_server with --db=dev-file
: > "$OUT/token-cpu.jsonl"
for cache in on off; do
  rm -rf "$KC_HOME/data"
  if [ $cache = on ]; then start_server "cpu-cache-on"
  else start_server "cpu-cache-off" --spi-client-authenticator--machine-user-access-key--cache-size=0; fi
  admin_login
  create_bench_realm
  # point <label> <form> [header]: one JSON line, tagged with the cache variant.
  point() { load "$1" "$TOKEN_URL" 1 "$WARMUP" "$SECONDS_PER_POINT" "$2" ${3:+"$3"} | jq -c --arg cache $cache '. + {keyCache: $cache}'; }
  points() {
    point "basic stock" grant_type=client_credentials "$(basic stock-client "$STOCK_SECRET")"
    point "basic machine-user" grant_type=client_credentials "$(basic "$MU_CLIENT" "$MU_SECRET")"
    point "post stock" "grant_type=client_credentials&client_id=stock-client&client_secret=$STOCK_SECRET"
    point "post machine-user" "grant_type=client_credentials&client_id=$MU_CLIENT&client_secret=$MU_SECRET"
    point "keyid machine-user" grant_type=client_credentials "$(basic "$MU_KEY" "$MU_SECRET")"
  }
  echo ">> Key cache $cache: warming up, not recorded"
  points > /dev/null; points > /dev/null
  for round in $(seq 1 "$ROUNDS"); do
    points | tee -a "$OUT/token-cpu.jsonl"
  done
  stop_server
done

echo ">> Report"
java -cp "$JAR" io.github.machineusers.bench.Report "$OUT"
