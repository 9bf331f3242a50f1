#!/usr/bin/env bash
# Benchmarks of issue 8, items 1, 2, 4 and 5, on one server in one run so the figures are ratios:
#   - token issuance (client_credentials) of a machine-user key against a stock confidential client
#     with a client secret, same realm and token lifespan, at 1, 4 and 16 concurrent clients, for
#     client_secret_basic, client_secret_post and the key id used as client id;
#   - introspection of a machine-user token (with the suspension check) against a stock token;
#   - JMH: the key check of the token path next to one RS256 signature;
#   - server start time and memory with the bundle installed and without it.
# The load generator is a JVM of its own, bounded in time, aimed at loopback only. Results go to
# bench/results/ (JSON lines, jmh.json, RESULTS.md with tables, chart.svg); the suite never runs this.
#
# Usage: bench/run.sh            BENCH_SECONDS (default 15) and BENCH_WARMUP (default 3) per point, BENCH_ROUNDS (default 2);
#                                BENCH_REUSE_BUILD=1 skips the Maven build and uses the JARs of an earlier one
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

prepare_distribution

echo ">> Start time and memory, without and with the bundle (3 starts each)"
: > "$OUT/startup.jsonl"
for variant in without with; do
  build_server $variant --db=dev-file
  for run in 1 2 3; do
    rm -rf "$KC_HOME/data"
    start_server "$variant-$run"
    sleep 10
    heap=$(heap_used_bytes)
    rss=$(rss_bytes)
    echo "{\"variant\":\"$variant\",\"run\":$run,\"readySeconds\":$READY_SECONDS,\"heapUsedBytes\":$heap,\"rssBytes\":$rss}" | tee -a "$OUT/startup.jsonl"
    stop_server
  done
done

echo ">> Token issuance and introspection, stock client against machine user, one server"
build_server with --db=dev-file
rm -rf "$KC_HOME/data"
start_server token
admin_login
create_bench_realm

: > "$OUT/token.jsonl"
# pair <label> <url> <clients> <stock form> <stock header> <machine-user form> <machine-user header>: one round of
# each side, the first side alternating by round, so that drift of the machine favours neither.
pair() {
  local first=stock second=machine-user
  [ $((round % 2)) = 0 ] && { first=machine-user; second=stock; }
  for side in $first $second; do
    if [ $side = stock ]; then load "$1 stock" "$2" "$3" "$WARMUP" "$SECONDS_PER_POINT" "$4" ${5:+"$5"}
    else load "$1 machine-user" "$2" "$3" "$WARMUP" "$SECONDS_PER_POINT" "$6" ${7:+"$7"}; fi
  done
}
# The JIT is still compiling the token path for minutes after a start: without this, the first
# points of round 1 ran at half the speed of the same points a minute later.
echo ">> Warming up both clients, not recorded"
for c in 1 4 16; do
  load "warm-up stock" "$TOKEN_URL" $c 0 10 grant_type=client_credentials "$(basic stock-client "$STOCK_SECRET")" > /dev/null
  load "warm-up stock" "$TOKEN_URL" $c 0 10 "grant_type=client_credentials&client_id=stock-client&client_secret=$STOCK_SECRET" > /dev/null
  for login in "$MU_CLIENT" "$MU_KEY"; do
    load "warm-up machine-user" "$TOKEN_URL" $c 0 10 grant_type=client_credentials "$(basic "$login" "$MU_SECRET")" > /dev/null
  done
  load "warm-up machine-user" "$TOKEN_URL" $c 0 10 "grant_type=client_credentials&client_id=$MU_CLIENT&client_secret=$MU_SECRET" > /dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for c in 1 4 16; do
    pair basic "$TOKEN_URL" $c grant_type=client_credentials "$(basic stock-client "$STOCK_SECRET")" \
      grant_type=client_credentials "$(basic "$MU_CLIENT" "$MU_SECRET")" | tee -a "$OUT/token.jsonl"
    pair post "$TOKEN_URL" $c "grant_type=client_credentials&client_id=stock-client&client_secret=$STOCK_SECRET" "" \
      "grant_type=client_credentials&client_id=$MU_CLIENT&client_secret=$MU_SECRET" "" | tee -a "$OUT/token.jsonl"
    pair keyid "$TOKEN_URL" $c grant_type=client_credentials "$(basic stock-client "$STOCK_SECRET")" \
      grant_type=client_credentials "$(basic "$MU_KEY" "$MU_SECRET")" | tee -a "$OUT/token.jsonl"
  done
done

: > "$OUT/introspection.jsonl"
STOCK_TOKEN=$(access_token stock-client "$STOCK_SECRET")
MU_TOKEN=$(access_token "$MU_CLIENT" "$MU_SECRET")
for token in "$STOCK_TOKEN" "$MU_TOKEN"; do
  load "warm-up introspect" "$INTROSPECT_URL" 4 0 15 "token=$token" "$(basic bench-api "$RS_SECRET")" > /dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for c in 1 4 16; do
    pair introspect "$INTROSPECT_URL" $c "token=$STOCK_TOKEN" "$(basic bench-api "$RS_SECRET")" \
      "token=$MU_TOKEN" "$(basic bench-api "$RS_SECRET")" | tee -a "$OUT/introspection.jsonl"
  done
done
echo "{\"serverRssBytesAfterLoad\":$(rss_bytes)}" > "$OUT/server-after-load.json"
stop_server

echo ">> JMH: key check against one RS256 signature"
java -jar "$JAR" KeyVerificationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$OUT/jmh.json" | tail -8

echo ">> Report"
java -cp "$JAR" io.github.machineusers.bench.Report "$OUT"
echo ">> Wrote $OUT/RESULTS.md and $OUT/chart.svg"
