#!/usr/bin/env bash
# The admin console's first load in Chromium, the stock theme (keycloak.v2) against the bundle's
# theme (machine-users), on the demo server: from the navigation, with an empty browser cache, to
# the side navigation and to the page's first table row (the realm's clients; and the machine users
# in the bundle's theme). Target: the bundle's console within 1.2x of stock. Alternating rounds
# (BENCH_ROUNDS, default 5). Starts the demo if nothing answers on 8080, and stops what it started.
# Needs Node.js and Debian's chromium. Results: bench/results/console-first-load.jsonl.
#
# Usage: bench/console-first-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results/console-first-load.jsonl
ROUNDS=${BENCH_ROUNDS:-5}
BASE=http://localhost:8080
STARTED=

if ! curl -fs -o /dev/null "$BASE/realms/iot-platform"; then
  LOG=$(mktemp)
  bash scripts/start-demo.sh >"$LOG" 2>&1 &
  STARTED=$!
  trap 'kill -TERM $STARTED 2>/dev/null; wait $STARTED 2>/dev/null || true; rm -f "$LOG"' EXIT
  until grep -q "Press Ctrl+C" "$LOG"; do
    kill -0 $STARTED 2>/dev/null || { cat "$LOG"; echo "the demo stopped before it was ready" >&2; exit 1; }
    sleep 0.5
  done
fi

(cd bench/console && npm ci --no-audit --no-fund --silent)
node bench/console/first-load.mjs "$BASE" iot-platform "$(cat .demo/admin-password)" "$ROUNDS" | tee "$OUT"

# Medians per theme and page, and the ratios the target is about.
jq -s -r '
  def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def ratio(a; b): (a / b * 100 | round) / 100;
  (group_by(.theme + " " + .page) | map({key: (.[0].theme + " " + .[0].page), value: {
    ready: (map(.readyMillis) | median), nav: (map(.navMillis) | median),
    script: (map(.bytes.script) | median), total: (map(.bytes.total) | median)}}) | from_entries) as $m
  | "median ms to the first row / to the navigation, and bytes transferred (script / all):",
    ($m | to_entries[] | "  \(.key): \(.value.ready) / \(.value.nav) ms, \(.value.script) / \(.value.total) bytes"),
    "clients page, machine-users theme against stock: time to the first row \(ratio($m["machine-users clients"].ready; $m["keycloak.v2 clients"].ready))x, script bytes \(ratio($m["machine-users clients"].script; $m["keycloak.v2 clients"].script))x, all bytes \(ratio($m["machine-users clients"].total; $m["keycloak.v2 clients"].total))x"
' "$OUT"
