# Shell functions bench/run.sh and bench/scale.sh share: one distribution with or without the
# bundle, started on loopback, and the admin API. Source it from the repository root.
. scripts/lib/keycloak.sh

SECONDS_PER_POINT="${BENCH_SECONDS:-15}"
WARMUP="${BENCH_WARMUP:-3}"
ROUNDS="${BENCH_ROUNDS:-2}"
PORT=18180
MANAGEMENT_PORT=19100
BASE="http://127.0.0.1:$PORT"
OUT="$PWD/bench/results"
WORK="$PWD/bench/target/run"
JAR="$PWD/bench/target/benchmarks.jar"
ADMIN_PASSWORD="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVER_PID=""
ISSUER_PID=""
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; [ -n "$ISSUER_PID" ] && kill $ISSUER_PID 2>/dev/null; wait 2>/dev/null || true' EXIT

random_secret() { echo "$1-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }

# prepare_distribution: builds the bundle and the benchmark jar (BENCH_REUSE_BUILD=1 keeps those of
# an earlier build), unpacks the build's Keycloak.
prepare_distribution() {
  if [ "${BENCH_REUSE_BUILD:-0}" != 1 ]; then
    echo ">> Building the bundle and the benchmark jar"
    mvn -B -q -DskipTests package -pl bundle,bench -am
  fi
  KC_VERSION=$(mvn -B -q help:evaluate -Dexpression=keycloak.server.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')
  rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
  unpack_keycloak "$KC_VERSION" "$WORK"
  KC_HOME="$WORK/keycloak-$KC_VERSION"
  BUNDLE=$(ls bundle/target/keycloak-machine-users-bundle-*.jar | grep -v original | head -1)
}

# build_server with|without [kc.sh build options]
build_server() {
  local variant=$1; shift
  rm -f "$KC_HOME"/providers/*.jar
  [ "$variant" = with ] && cp "$BUNDLE" "$KC_HOME/providers/"
  "$KC_HOME/bin/kc.sh" build --cache=local --health-enabled=true --metrics-enabled=true "$@" >"$WORK/build-$variant.log" 2>&1
}

# start_server <log name> [kc.sh start options]: sets SERVER_PID (kc.sh, which forwards signals to
# the JVM), JVM_PID (the server JVM, a child of kc.sh) and READY_SECONDS.
start_server() {
  local name=$1; shift
  local started; started=$(date +%s.%N)
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --hostname-strict=false \
    --http-port=$PORT --http-management-port=$MANAGEMENT_PORT "$@" >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID=$!
  await_ready "http://127.0.0.1:$MANAGEMENT_PORT" $SERVER_PID "$WORK/server-$name.log"
  READY_SECONDS=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.2f", now - then }')
  JVM_PID=$(pgrep -P "$SERVER_PID" java)
}

stop_server() {
  kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true; SERVER_PID=""
}

rss_bytes() { awk '/VmRSS/ {print $2 * 1024}' "/proc/$JVM_PID/status"; }

# heap_used_bytes: the JVM's heap in use after a full GC, from the management port's metrics
# (the last field: the labels hold spaces, as in id="G1 Old Gen").
heap_used_bytes() {
  jcmd "$JVM_PID" GC.run >/dev/null
  sleep 2
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s}'
}

# admin_login: a master-realm admin token in TOKEN for api (it lives 60 s: log in again per phase).
admin_login() {
  TOKEN=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin -d "password=$ADMIN_PASSWORD" \
    "$BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token)
}

# api METHOD /path-under-admin-realms [json body]
api() { curl -fs -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$BASE/admin/realms$2" ${3:+--data "$3"}; }

basic() { printf 'Authorization: Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }

# load label url concurrency warmup seconds form-body|GET [Header: value]...: one JSON line, with
# the server JVM's CPU per request once start_server has set JVM_PID.
load() { java -Xmx512m ${JVM_PID:+-Dbench.serverPid=$JVM_PID} -cp "$JAR" io.github.machineusers.bench.LoadGenerator "$@"; }

# create_bench_realm: realm bench with a stock confidential client (stock-client, STOCK_SECRET), a
# machine user (MU_CLIENT, MU_KEY, MU_SECRET) and a resource server (bench-api, RS_SECRET) whose
# role both hold, so both get bench-api in aud and it may introspect their tokens. The token
# lifespan is longer than a run, so introspected tokens stay active; the same for both clients.
create_bench_realm() {
  local R=/bench
  api POST "" '{"realm":"bench","enabled":true,"accessTokenLifespan":3600}'
  STOCK_SECRET=$(random_secret stock)
  api POST "$R/clients" "{\"clientId\":\"stock-client\",\"publicClient\":false,\"secret\":\"$STOCK_SECRET\",\"standardFlowEnabled\":false,\"serviceAccountsEnabled\":true}"
  RS_SECRET=$(random_secret rs)
  api POST "$R/clients" "{\"clientId\":\"bench-api\",\"publicClient\":false,\"secret\":\"$RS_SECRET\",\"standardFlowEnabled\":false,\"serviceAccountsEnabled\":false}"
  local mu stock_id client
  RS_ID=$(api GET "$R/clients?clientId=bench-api" | jq -r '.[0].id')
  api POST "$R/clients/$RS_ID/roles" '{"name":"read"}'
  RS_ROLE=$(api GET "$R/clients/$RS_ID/roles/read")
  mu=$(api POST "$R/machine-users" '{"name":"Bench gateway"}')
  MU_CLIENT=$(echo "$mu" | jq -r .clientId); MU_KEY=$(echo "$mu" | jq -r .accessKey.id); MU_SECRET=$(echo "$mu" | jq -r .accessKey.secret)
  stock_id=$(api GET "$R/clients?clientId=stock-client" | jq -r '.[0].id')
  for client in "$stock_id" "$(echo "$mu" | jq -r .id)"; do
    grant_bench_api "$client"
  done
  TOKEN_URL="$BASE/realms/bench/protocol/openid-connect/token"
  INTROSPECT_URL="$TOKEN_URL/introspect"
}

# grant_bench_api <client uuid>: bench-api's role to the client's service account, as create_bench_realm
# gives it to its two clients, so any further pair of clients compared gets tokens of the same content.
grant_bench_api() {
  local user
  user=$(api GET "/bench/clients/$1/service-account-user" | jq -r .id)
  api POST "/bench/users/$user/role-mappings/clients/$RS_ID" "[$RS_ROLE]"
}

# start_kubernetes_issuer <port> <audience>: the Kubernetes-shaped issuer of KubernetesIssuer on loopback
# (ISSUER_PID, ISSUER_URL), returning once its discovery answers; the EXIT trap stops it.
start_kubernetes_issuer() {
  java -Xmx64m -cp "$JAR" io.github.machineusers.bench.KubernetesIssuer "$1" "$2" >"$WORK/issuer.log" 2>&1 &
  ISSUER_PID=$!
  ISSUER_URL="http://127.0.0.1:$1"
  for _ in $(seq 1 300); do
    curl -fs "$ISSUER_URL/.well-known/openid-configuration" >/dev/null 2>&1 && return 0
    kill -0 "$ISSUER_PID" 2>/dev/null || { cat "$WORK/issuer.log"; echo "The issuer exited before it answered" >&2; exit 1; }
    sleep 0.1
  done
  cat "$WORK/issuer.log"; echo "The issuer did not answer within 30 s" >&2; exit 1
}

# kubernetes_token <subject>: a fresh service-account token of that issuer (iat now, valid for an hour).
kubernetes_token() { curl -fs --get --data-urlencode "subject=$1" "$ISSUER_URL/bench/token"; }

# access_token <client id> <secret>: a client-credentials access token of realm bench.
access_token() { curl -fs -u "$1:$2" -d grant_type=client_credentials "$TOKEN_URL" | jq -r .access_token; }
