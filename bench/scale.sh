#!/usr/bin/env bash
# Benchmark of issue 8, item 3: 100,000 machine users in one realm on PostgreSQL.
#   - creates them through the admin API (POST /machine-users, each with its first key, spread over
#     ten partitions), as an administrator's script would, and reports the time;
#   - at 100,000: p95 of the first page of GET /machine-users, a search by name prefix, a partition
#     filter, the count, and a token request for the machine user in the middle;
#   - token throughput of a machine user in a realm of 10 against the middle one of the 100,000,
#     on the same server, alternating.
# The load generator is a JVM of its own, bounded in time, aimed at loopback only. Results go to
# bench/results/scale.jsonl and RESULTS.md; the suite never runs this.
#
# Usage: bench/scale.sh    BENCH_MACHINE_USERS (default 100000), BENCH_SECONDS (default 15) and
#                          BENCH_WARMUP (default 3) per point, BENCH_ROUNDS (default 2) of the throughput
#                          comparison, BENCH_CREATORS (default 4) parallel creates,
#                          BENCH_REUSE_BUILD=1 to use the JARs of an earlier build,
#                          BENCH_REUSE_DATABASE=1 to measure the database an earlier run filled again.
# Needs PostgreSQL on 127.0.0.1:5432 with user postgres (trust); drops and creates machine_users_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

TOTAL="${BENCH_MACHINE_USERS:-100000}"
CREATORS="${BENCH_CREATORS:-4}"
DB=machine_users_bench
DB_USER=keycloak_bench
PARTITIONS=10
CHUNK=10000
MIDDLE=$((TOTAL / 2))

STATE="$PWD/bench/target/scale-state.env" # the database's and clients' secrets, for BENCH_REUSE_DATABASE=1

prepare_distribution
if [ "${BENCH_REUSE_DATABASE:-0}" = 1 ]; then
  . "$STATE"
else
  echo ">> PostgreSQL database $DB"
  DB_PASSWORD=$(random_secret db)
  psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
DROP DATABASE IF EXISTS $DB WITH (FORCE);
DROP ROLE IF EXISTS $DB_USER;
CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
CREATE DATABASE $DB OWNER $DB_USER;
SQL
fi
# The project's PostgreSQL runs with autovacuum off. Without it, the planner keeps the plans it made
# on the statistics of an empty table (creates fell from 42 to 24 per second by 15,000 machine
# users), and a bulk update (a new bundle's Liquibase change on a filled database) leaves dead rows
# that every count and search then reads. So the script runs VACUUM ANALYZE where autovacuum would.
vacuum_analyze() { psql -q -h 127.0.0.1 -U postgres -d $DB -c 'VACUUM ANALYZE'; }
build_server with --db=postgres
start_server scale --db-url="jdbc:postgresql://127.0.0.1:5432/$DB" --db-username=$DB_USER --db-password="$DB_PASSWORD"
vacuum_analyze

# realm_with_creator <realm>: a realm with a 1 h token lifespan and a client with manage-machine-users.
realm_with_creator() {
  api POST "" "{\"realm\":\"$1\",\"enabled\":true,\"accessTokenLifespan\":3600}"
  api POST "/$1/clients" "{\"clientId\":\"bench-creator\",\"publicClient\":false,\"secret\":\"$CREATOR_SECRET\",\"standardFlowEnabled\":false,\"serviceAccountsEnabled\":true}"
  local creator rm user
  creator=$(api GET "/$1/clients?clientId=bench-creator" | jq -r '.[0].id')
  rm=$(api GET "/$1/clients?clientId=realm-management" | jq -r '.[0].id')
  user=$(api GET "/$1/clients/$creator/service-account-user" | jq -r .id)
  api POST "/$1/users/$user/role-mappings/clients/$rm" "[$(api GET "/$1/clients/$rm/roles/manage-machine-users")]"
}
# partitions <realm>: $PARTITIONS partitions "Site 00".., their paths comma-separated.
partitions() {
  local paths=() name
  for p in $(seq 0 $((PARTITIONS - 1))); do
    name=$(printf 'Site %02d' "$p")
    api POST "/$1/partitions" "{\"name\":\"$name\"}" >/dev/null
    paths+=("/$name")
  done
  (IFS=,; echo "${paths[*]}")
}
bulk() { java -Xmx512m -cp "$JAR" io.github.machineusers.bench.BulkCreate "$BASE" "$1" bench-creator "$CREATOR_SECRET" "${@:2}"; }
# A rerun on the same database keeps the figures of the creation that filled it.
if [ "${BENCH_REUSE_DATABASE:-0}" = 1 ]; then
  grep '"phase":"create"' "$OUT/scale.jsonl" > "$WORK/create.jsonl" || true
  mv "$WORK/create.jsonl" "$OUT/scale.jsonl"
else
  : > "$OUT/scale.jsonl"
fi
record() { jq -c --arg phase "$1" --argjson size "$2" '. + {phase: $phase, machineUsers: $size}' | tee -a "$OUT/scale.jsonl"; }
# On a filled database, the start includes the Liquibase changes a new bundle brings to its rows.
echo "{\"readySeconds\":$READY_SECONDS,\"onFilledDatabase\":$([ "${BENCH_REUSE_DATABASE:-0}" = 1 ] && echo true || echo false)}" | record start "$TOTAL"

# creator_login <realm>: the creating client's token in TOKEN for api, which then reaches that realm.
creator_login() {
  TOKEN=$(curl -fs -u "bench-creator:$CREATOR_SECRET" -d grant_type=client_credentials \
    "$BASE/realms/$1/protocol/openid-connect/token" | jq -r .access_token)
}

if [ "${BENCH_REUSE_DATABASE:-0}" != 1 ]; then
  admin_login
  CREATOR_SECRET=$(random_secret creator)
  printf 'DB_PASSWORD=%q\nCREATOR_SECRET=%q\n' "$DB_PASSWORD" "$CREATOR_SECRET" > "$STATE"
  echo ">> Realm small: 10 machine users, the baseline of token throughput"
  realm_with_creator small
  bulk small 0 10 1 sensor- "$(partitions small)" >/dev/null
  echo ">> Realm scale: $TOTAL machine users through the admin API ($CREATORS creates at a time)"
  realm_with_creator scale
  # In chunks with VACUUM ANALYZE between them, as autovacuum would do (see vacuum_analyze).
  PARTITION_LIST=$(partitions scale)
  started=$(date +%s.%N)
  for from in $(seq 0 "$CHUNK" $((TOTAL - 1))); do
    to=$((from + CHUNK < TOTAL ? from + CHUNK : TOTAL))
    bulk scale "$from" "$to" "$CREATORS" sensor- "$PARTITION_LIST" >> "$WORK/create-chunks.jsonl"
    vacuum_analyze
  done
  jq -s --argjson seconds "$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { print now - then }')" \
    '{created: (map(.created) | add), failed: (map(.failed) | add), retries: (map(.retries) | add),
      concurrency: .[0].concurrency, seconds: $seconds, perSecond: ((map(.created) | add) / $seconds)}' \
    "$WORK/create-chunks.jsonl" | record create "$TOTAL"
fi

# key_of <realm> <name>: "clientId secret" of the machine user with that name. Its first key's
# secret was never kept; a replace is the documented way to get a working one.
key_of() {
  local id client key
  id=$(api GET "/$1/machine-users?search=$2" | jq -r '.[0].id')
  client=$(api GET "/$1/machine-users/$id" | jq -r .clientId)
  key=$(api GET "/$1/machine-users/$id/keys" | jq -r '.[0].id')
  echo "$client $(api POST "/$1/machine-users/$id/keys/$key/replace" | jq -r .secret)"
}
creator_login small
read -r SMALL_CLIENT SMALL_SECRET <<<"$(key_of small sensor-000005)"
creator_login scale
[ "$(api GET "/scale/machine-users/count")" = "$TOTAL" ] || { echo "expected $TOTAL machine users in realm scale" >&2; exit 1; }
MIDDLE_NAME=$(printf 'sensor-%06d' "$MIDDLE")
read -r MIDDLE_CLIENT MIDDLE_SECRET <<<"$(key_of scale "$MIDDLE_NAME")"

echo ">> At $TOTAL machine users: the admin API and a token for the one in the middle, one client at a time"
TOKEN_URL="$BASE/realms/scale/protocol/openid-connect/token"
AUTH="Authorization: Bearer $TOKEN"
ADMIN="$BASE/admin/realms/scale/machine-users"
PREFIX=${MIDDLE_NAME:0:12}
# point <phase> <label> <url> <form|GET> [header]: one client, recorded under the phase. A longer
# warm-up than the throughput points: these come first after a (re)start of the server.
point() { load "$2" "$3" 1 "$((WARMUP > 10 ? WARMUP : 10))" "$SECONDS_PER_POINT" "${@:4}" | record "$1" "$TOTAL"; }
latency() { point latency "$@"; }
latency "list first page" "$ADMIN?first=0&max=20" GET "$AUTH"
latency "search name prefix $PREFIX" "$ADMIN?search=$PREFIX&first=0&max=20" GET "$AUTH"
latency "filter partition" "$ADMIN?partition=%2FSite%2005&first=0&max=20" GET "$AUTH"
latency "count" "$ADMIN/count" GET "$AUTH"
# Not a target: what a term that starts with * costs, since it reads every machine user of the realm.
INFIX=${MIDDLE_NAME:1:11}
point reference "search any part *$INFIX" "$ADMIN?search=*$INFIX&first=0&max=20" GET "$AUTH"
latency "token middle" "$TOKEN_URL" grant_type=client_credentials "$(basic "$MIDDLE_CLIENT" "$MIDDLE_SECRET")"

echo ">> Token throughput: a machine user of realm small (10) against the middle one of realm scale ($TOTAL), alternating"
small_token() { load "token" "$BASE/realms/small/protocol/openid-connect/token" "$1" "$WARMUP" "$SECONDS_PER_POINT" grant_type=client_credentials "$(basic "$SMALL_CLIENT" "$SMALL_SECRET")" | record throughput 10; }
large_token() { load "token" "$TOKEN_URL" "$1" "$WARMUP" "$SECONDS_PER_POINT" grant_type=client_credentials "$(basic "$MIDDLE_CLIENT" "$MIDDLE_SECRET")" | record throughput "$TOTAL"; }
for round in $(seq 1 "$ROUNDS"); do
  for c in 1 4 16; do
    if [ $((round % 2)) = 1 ]; then small_token $c; large_token $c; else large_token $c; small_token $c; fi
  done
done
echo "{\"phase\":\"size\",\"machineUsers\":$TOTAL,\"serverRssBytes\":$(rss_bytes),\"databaseBytes\":$(psql -tA -h 127.0.0.1 -U postgres -d postgres -c "select pg_database_size('$DB')")}" | tee -a "$OUT/scale.jsonl"
stop_server

echo ">> Report"
java -cp "$JAR" io.github.machineusers.bench.Report "$OUT"
echo ">> Wrote $OUT/RESULTS.md"
