#!/usr/bin/env bash
# A focused re-check of token points that a short run.sh left below target: basic at 4 and 16 clients,
# post at 4, the key id at 16, each for 4 rounds with the side that goes first alternating by round.
# Results go to bench/results/recheck.jsonl; the suite never runs this.
#
# Usage: bench/recheck.sh    BENCH_SECONDS (15) per point, BENCH_REUSE_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
prepare_distribution
build_server with --db=dev-file
rm -rf "$KC_HOME/data"
start_server recheck
admin_login
create_bench_realm
: > "$OUT/recheck.jsonl"
side() { # side <point> <stock|machine-user> <clients>
  local login=stock-client secret=$STOCK_SECRET
  if [ "$2" = machine-user ]; then login=$MU_CLIENT; secret=$MU_SECRET; [ "$1" = keyid ] && login=$MU_KEY; fi
  if [ "$1" = post ]; then load "$1 $2" "$TOKEN_URL" "$3" "$WARMUP" "$SECONDS_PER_POINT" "grant_type=client_credentials&client_id=$login&client_secret=$secret"
  else load "$1 $2" "$TOKEN_URL" "$3" "$WARMUP" "$SECONDS_PER_POINT" grant_type=client_credentials "$(basic "$login" "$secret")"; fi
}
for point in "basic 4" "basic 16" "post 4" "keyid 16"; do
  set -- $point; side "$1" stock "$2" > /dev/null; side "$1" machine-user "$2" > /dev/null
done
for round in 1 2 3 4; do
  for point in "basic 4" "basic 16" "post 4" "keyid 16"; do
    set -- $point
    if [ $((round % 2)) = 0 ]; then side "$1" machine-user "$2"; side "$1" stock "$2"
    else side "$1" stock "$2"; side "$1" machine-user "$2"; fi | tee -a "$OUT/recheck.jsonl"
  done
done
stop_server
