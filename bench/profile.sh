#!/usr/bin/env bash
# Where the server spends a machine-user request that a stock one does not: JFR recordings of one
# point, stock side and machine-user side, on one server (H2), then ProfileSummary's comparison of
# the two. Use it when a ratio of run.sh misses, before changing anything. The recordings stay in
# bench/target/profile/ for JDK Mission Control, the comparison goes to bench/results/profile-<point>.txt;
# the suite never runs this.
#
# Usage: bench/profile.sh basic|post|keyid|introspect
#        BENCH_SECONDS (default 40) per recording, BENCH_CLIENTS (default 4), BENCH_REUSE_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
POINT="${1:-}"
SECONDS_PER_POINT="${BENCH_SECONDS:-40}"
CLIENTS="${BENCH_CLIENTS:-4}"
PROFILE="$PWD/bench/target/profile"

prepare_distribution
build_server with --db=dev-file
rm -rf "$KC_HOME/data" && mkdir -p "$PROFILE"
# JFR keeps 64 frames by default, fewer than a Keycloak request's stack.
JAVA_OPTS_APPEND="-XX:FlightRecorderOptions:stackdepth=512" start_server profile
admin_login
create_bench_realm

# side stock|machine-user: sets URL, FORM and HEADER for the point.
side() {
  URL=$TOKEN_URL HEADER=""
  local id secret
  if [ "$1" = stock ]; then id=stock-client secret=$STOCK_SECRET; else id=$MU_CLIENT secret=$MU_SECRET; fi
  case "$POINT" in
    basic) FORM=grant_type=client_credentials HEADER=$(basic "$id" "$secret") ;;
    post) FORM="grant_type=client_credentials&client_id=$id&client_secret=$secret" ;;
    keyid) [ "$1" = machine-user ] && id=$MU_KEY
      FORM=grant_type=client_credentials HEADER=$(basic "$id" "$secret") ;;
    introspect) URL=$INTROSPECT_URL FORM="token=$(access_token "$id" "$secret")" HEADER=$(basic bench-api "$RS_SECRET") ;;
    *) echo "usage: bench/profile.sh basic|post|keyid|introspect" >&2; exit 2 ;;
  esac
}

# Without a recording through the warm-up, the side recorded first ran at half the speed of the
# other. With one, it still runs at about 0.9 of it, for a reason not found: compare the shares of
# samples, which hold within a recording, and take throughput from run.sh.
echo ">> Warming up both sides, recorded by a recording that is thrown away"
jcmd "$JVM_PID" JFR.start name=whole-run settings=profile >/dev/null
for round in 1 2 3; do
  for s in stock machine-user; do side $s; load "warm-up $s" "$URL" "$CLIENTS" 0 20 "$FORM" ${HEADER:+"$HEADER"} > /dev/null; done
done

for s in stock machine-user; do
  side $s
  jcmd "$JVM_PID" JFR.start name=$s settings=profile filename="$PROFILE/$POINT-$s.jfr" >/dev/null
  load "$POINT $s" "$URL" "$CLIENTS" 0 "$SECONDS_PER_POINT" "$FORM" ${HEADER:+"$HEADER"}
  jcmd "$JVM_PID" JFR.stop name=$s >/dev/null
done
stop_server

echo ">> $PROFILE/$POINT-stock.jfr against $PROFILE/$POINT-machine-user.jfr"
java -cp "$JAR" io.github.machineusers.bench.ProfileSummary "$PROFILE/$POINT-stock.jfr" "$PROFILE/$POINT-machine-user.jfr" \
  | tee "$OUT/profile-$POINT.txt"
