#!/usr/bin/env bash
# Whether going secretless costs a machine user more than it costs a stock Keycloak client, on one server in
# one run so the figures are ratios. client_credentials at 1, 4 and 16 concurrent clients:
#   - publickey: private_key_jwt with ES256, a fresh assertion per request (Keycloak takes each jti once), by a
#     machine user's public key, against a stock confidential client with client-jwt holding the same key in
#     jwks.string, so both sides sign and verify the same curve;
#   - federated: a Kubernetes service-account token (RS256) from a Kubernetes-shaped issuer this script starts on
#     loopback, behind one kubernetes identity provider, by a machine user's federated credential, against a stock
#     client with federated-jwt. Keycloak's Kubernetes provider allows reuse, so each point sends one fresh token.
# A warm-up of every side first, then BENCH_ROUNDS rounds in which the side that goes first alternates. Target:
# the machine user at 0.95 of stock or more at every point. Results go to bench/results/secretless.jsonl; the
# suite never runs this.
#
# Usage: bench/secretless.sh    BENCH_SECONDS (15) and BENCH_WARMUP (3) per point, BENCH_ROUNDS (4), BENCH_REUSE_BUILD=1
#        BENCH_PROFILE=publickey|federated bench/secretless.sh   JFR of that point instead (BENCH_CLIENTS, 16; BENCH_SECONDS, 40)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
# recheck.sh showed two rounds are not enough here to tell a few per cent from the machine's drift.
ROUNDS="${BENCH_ROUNDS:-4}"
ISSUER_PORT=18190
ASSERTION_TYPE=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer
STOCK_SUBJECT=system:serviceaccount:bench:stock
MU_SUBJECT=system:serviceaccount:bench:machine-user

prepare_distribution
build_server with --db=dev-file
rm -rf "$KC_HOME/data"
# JFR keeps 64 frames by default, fewer than a Keycloak request's stack.
[ -n "${BENCH_PROFILE:-}" ] && export JAVA_OPTS_APPEND="-XX:FlightRecorderOptions:stackdepth=512"
start_server secretless
admin_login
create_bench_realm
# Keycloak's Kubernetes provider takes a token whose only audience is the realm's issuer URL.
start_kubernetes_issuer $ISSUER_PORT "$BASE/realms/bench"
admin_login

echo ">> Public key: a machine user's ES256 key, and a stock client-jwt client with the same key"
pk_mu=$(api POST /bench/machine-users '{"name":"Bench signer","generateKey":false}')
PK_MU_CLIENT=$(jq -r .clientId <<<"$pk_mu")
key=$(api POST "/bench/machine-users/$(jq -r .id <<<"$pk_mu")/public-keys" '{"generate":true,"algorithm":"ES256"}')
PK_MU_KID=$(jq -r .id <<<"$key")
KEY_PEM="$WORK/bench-es256.pem"
(umask 077; jq -r .privateKey <<<"$key" > "$KEY_PEM")
STOCK_KID=stock-es256
# The machine user's public JWK under another kid; use sig, since Keycloak reads only signing keys from a JWKS.
stock_jwks=$(jq -c --arg kid "$STOCK_KID" '{keys: [.jwk + {kid: $kid, use: "sig"}]}' <<<"$key")
api POST /bench/clients "$(jq -n -c --arg jwks "$stock_jwks" '{clientId: "stock-jwt", publicClient: false,
  clientAuthenticatorType: "client-jwt", standardFlowEnabled: false, serviceAccountsEnabled: true,
  attributes: {"use.jwks.string": "true", "jwks.string": $jwks, "token.endpoint.auth.signing.alg": "ES256"}}')"

echo ">> Federated: identity provider cluster ($ISSUER_URL), a machine user's credential, a stock federated-jwt client"
api POST /bench/identity-provider/instances "$(jq -n -c --arg issuer "$ISSUER_URL" \
  '{alias: "cluster", providerId: "kubernetes", enabled: true, config: {issuer: $issuer}}')"
api POST /bench/clients "$(jq -n -c --arg sub "$STOCK_SUBJECT" '{clientId: "stock-federated", publicClient: false,
  clientAuthenticatorType: "federated-jwt", standardFlowEnabled: false, serviceAccountsEnabled: true,
  attributes: {"jwt.credential.issuer": "cluster", "jwt.credential.sub": $sub}}')"
fed_mu=$(api POST /bench/machine-users '{"name":"Bench workload","generateKey":false}')
FED_MU_CLIENT=$(jq -r .clientId <<<"$fed_mu")
api POST "/bench/machine-users/$(jq -r .id <<<"$fed_mu")/federated-credentials" \
  "$(jq -n -c --arg sub "$MU_SUBJECT" '{identityProvider: "cluster", subject: $sub}')" > /dev/null

# All four get bench-api's role, as the clients of create_bench_realm: tokens of the same content on both sides.
for client in stock-jwt stock-federated; do
  grant_bench_api "$(api GET "/bench/clients?clientId=$client" | jq -r '.[0].id')"
done
grant_bench_api "$(jq -r .id <<<"$pk_mu")"
grant_bench_api "$(jq -r .id <<<"$fed_mu")"

# jwt_claims <jwt>: the payload as JSON (base64url without padding, which base64 -d does not take as is).
jwt_claims() {
  local payload; payload=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while [ $(( ${#payload} % 4 )) != 0 ]; do payload="$payload="; done
  base64 -d <<<"$payload"
}
# assertion_form <kid> <client id>: a token request with one fresh client assertion, as LoadGenerator sends them.
assertion_form() {
  local assertion
  assertion=$(java -cp "$JAR" io.github.machineusers.bench.ClientAssertions "$KEY_PEM" "$1" "$2" "$TOKEN_URL")
  echo "grant_type=client_credentials&client_assertion_type=$ASSERTION_TYPE&client_assertion=$assertion"
}
federated_form() {
  local token; token=$(kubernetes_token "$1")
  echo "grant_type=client_credentials&client_assertion_type=$ASSERTION_TYPE&client_assertion=$token"
}
# check <label> <azp> <credential_type, empty for stock> <form>: one token, or the run stops here; a refused
# assertion would otherwise only show up as errors after the whole run.
check() {
  local answer token claims
  answer=$(curl -s -d "$4" "$TOKEN_URL")
  token=$(jq -r '.access_token // empty' <<<"$answer")
  [ -n "$token" ] || { echo "$1: no token: $answer" >&2; exit 1; }
  claims=$(jwt_claims "$token")
  jq -e --arg azp "$2" --arg type "$3" '.azp == $azp and (.credential_type // "") == $type' <<<"$claims" >/dev/null \
    || { echo "$1: not the token expected: $claims" >&2; exit 1; }
  echo "   $1: azp $2, credential_type $(jq -r '.credential_type // "none"' <<<"$claims"), credential_id $(jq -r '.credential_id // "none"' <<<"$claims")"
}
echo ">> One token per side"
check "publickey stock" stock-jwt "" "$(assertion_form "$STOCK_KID" stock-jwt)"
check "publickey machine-user" "$PK_MU_CLIENT" public-key "$(assertion_form "$PK_MU_KID" "$PK_MU_CLIENT")"
check "federated stock" stock-federated "" "$(federated_form "$STOCK_SUBJECT")"
check "federated machine-user" "$FED_MU_CLIENT" federated "$(federated_form "$MU_SUBJECT")"

# side <publickey|federated> <stock|machine-user> <clients> [warm-up seconds] [seconds]: one JSON line.
side() {
  local warmup=${4:-$WARMUP} seconds=${5:-$SECONDS_PER_POINT}
  if [ "$1" = publickey ]; then
    local kid=$STOCK_KID client=stock-jwt
    [ "$2" = machine-user ] && { kid=$PK_MU_KID; client=$PK_MU_CLIENT; }
    java -Xmx512m -Dbench.serverPid="$JVM_PID" -Dbench.assertion.key="$KEY_PEM" -Dbench.assertion.kid="$kid" \
      -Dbench.assertion.clientId="$client" -cp "$JAR" io.github.machineusers.bench.LoadGenerator \
      "$1 $2" "$TOKEN_URL" "$3" "$warmup" "$seconds" grant_type=client_credentials
  else
    local subject=$STOCK_SUBJECT form
    [ "$2" = machine-user ] && subject=$MU_SUBJECT
    # A fresh token per point: Keycloak takes a Kubernetes token only within an hour of its iat.
    form=$(federated_form "$subject")
    load "$1 $2" "$TOKEN_URL" "$3" "$warmup" "$seconds" "$form"
  fi
}

# BENCH_PROFILE=publickey|federated: instead of the rounds, JFR recordings of that point's two sides at
# BENCH_CLIENTS (16) clients, and ProfileSummary's comparison, as profile.sh makes them for access keys.
if [ -n "${BENCH_PROFILE:-}" ]; then
  PROFILE_DIR="$PWD/bench/target/profile" && mkdir -p "$PROFILE_DIR"
  clients="${BENCH_CLIENTS:-16}"
  # The warm-up is recorded too and thrown away: without it the first side ran slower (see profile.sh).
  jcmd "$JVM_PID" JFR.start name=whole-run settings=profile >/dev/null
  for round in 1 2 3; do side "$BENCH_PROFILE" stock "$clients" 0 20 > /dev/null; side "$BENCH_PROFILE" machine-user "$clients" 0 20 > /dev/null; done
  for s in stock machine-user; do
    jcmd "$JVM_PID" JFR.start name=$s settings=profile filename="$PROFILE_DIR/$BENCH_PROFILE-$s.jfr" >/dev/null
    side "$BENCH_PROFILE" $s "$clients" 0 "${BENCH_SECONDS:-40}"
    jcmd "$JVM_PID" JFR.stop name=$s >/dev/null
  done
  stop_server
  java -cp "$JAR" io.github.machineusers.bench.ProfileSummary "$PROFILE_DIR/$BENCH_PROFILE-stock.jfr" \
    "$PROFILE_DIR/$BENCH_PROFILE-machine-user.jfr" | tee "$OUT/profile-$BENCH_PROFILE.txt"
  exit 0
fi

# The JIT is still compiling the token path for minutes after a start (see run.sh).
echo ">> Warming up every side, not recorded"
for c in 1 4 16; do
  for point in publickey federated; do
    side $point stock $c 0 10 > /dev/null
    side $point machine-user $c 0 10 > /dev/null
  done
done
: > "$OUT/secretless.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  for c in 1 4 16; do
    for point in publickey federated; do
      if [ $((round % 2)) = 0 ]; then side $point machine-user $c; side $point stock $c
      else side $point stock $c; side $point machine-user $c; fi | tee -a "$OUT/secretless.jsonl"
    done
  done
done
stop_server

echo ">> Machine user over stock, mean of $ROUNDS rounds (target 0.95)"
jq -s -r 'def mean(f): map(f) | add / length;
  group_by([(.label | split(" ")[0]), .concurrency]) | .[]
  | (map(select(.label | endswith(" stock")))) as $s | (map(select(.label | endswith(" machine-user")))) as $m
  | (($m | mean(.throughput)) / ($s | mean(.throughput))) as $ratio
  | "\(.[0].label | split(" ")[0]) \(.[0].concurrency) clients: stock \($s | mean(.throughput) | floor)/s, machine user \($m | mean(.throughput) | floor)/s, ratio \($ratio * 1000 | round / 1000) (server CPU per request \(($m | mean(.serverCpuMsPerRequest)) / ($s | mean(.serverCpuMsPerRequest)) * 1000 | round / 1000)), p99 \($s | mean(.p99Ms) * 10 | round / 10) against \($m | mean(.p99Ms) * 10 | round / 10) ms, errors \(map(.errors) | add) \(if $ratio >= 0.95 then "met" else "MISSED" end)"' \
  "$OUT/secretless.jsonl" || echo "(no ratios: a point had no answer to take a mean of)"
# A point with refusals measured something else than token issuance: say so, and fail.
bad=$(jq -s '[.[] | select(.errors > 0 or .requests == 0)] | length' "$OUT/secretless.jsonl")
[ "$bad" = 0 ] || { echo "$bad points had errors or no answers: their figures do not count" >&2; exit 1; }
