#!/usr/bin/env bash
# Whether the time of a refused token request tells a known id from an unknown one, for a machine
# user's key id and, for comparison, for a stock client's client id. Each point sends one request
# over and over (a wrong secret, one id, from one client) and records the latency of the 401 answers;
# an "unknown" point makes up a new id when it starts, so its first request is the first ever for
# that id. The server and the load generator share the cores, so compare gaps within one run.
# Results go to bench/results/timing.jsonl; the suite never runs this.
#
# Usage: bench/timing.sh    BENCH_SECONDS (15) per point, BENCH_ROUNDS (default 2), BENCH_REUSE_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ROUNDS="${BENCH_ROUNDS:-2}"

prepare_distribution
build_server with --db=dev-file
rm -rf "$KC_HOME/data"
start_server timing
admin_login
create_bench_realm
: > "$OUT/timing.jsonl"
# refused <label> <id>: latency of 401 answers to a Basic token request with a wrong secret.
refused() { java -Xmx512m -Dbench.expectStatus=401 -cp "$JAR" io.github.machineusers.bench.LoadGenerator "$1" "$TOKEN_URL" 1 \
  "$WARMUP" "$SECONDS_PER_POINT" grant_type=client_credentials "$(basic "$2" wrong-secret)"; }
points() {
  refused "stock known client id" stock-client
  refused "stock unknown client id" "no-such-client-$(random_secret x)"
  refused "machine-user known key id" "$MU_KEY"
  refused "machine-user unknown key id" "MUAK$(head -c 10 /dev/urandom | base32 | tr -d = | head -c 16)"
}
echo ">> Warming up, not recorded"
points > /dev/null
for round in $(seq 1 "$ROUNDS"); do
  points | tee -a "$OUT/timing.jsonl"
done
stop_server
jq -s -c 'group_by(.label) | map({label: .[0].label, p50Ms: (map(.p50Ms) | add / length), p95Ms: (map(.p95Ms) | add / length)}) | .[]' \
  "$OUT/timing.jsonl"
