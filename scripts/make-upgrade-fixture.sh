#!/usr/bin/env bash
# Makes the upgrade fixture: a PostgreSQL database written by the first release of the bundle
# (only the 0.1.0 changelog), as integration-tests/src/test/resources/upgrade/. UpgradeIT loads it
# and starts the current bundle on it. Rerun only to remake the fixture; the result is committed.
#
# Needs git, Maven, Java 17, curl, jq, and PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
# Usage: scripts/make-upgrade-fixture.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/keycloak.sh

RELEASE_COMMIT=125b893          # "Permission sets": the last commit whose master changelog has only 0.1.0
RELEASE=0.1.0
KC_VERSION=$(mvn -B -q help:evaluate -Dexpression=keycloak.server.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')
DB=machine_users_fixture
DB_USER=machine_users_it        # the integration tests' database user; the dump carries no owner
DB_PASSWORD=machine-users-it
ADMIN=fixture-admin
ADMIN_PASSWORD=fixture-admin-password
PORT=18080
MANAGEMENT_PORT=19000
WORK=$(mktemp -d /tmp/upgrade-fixture.XXXXXX)
OUT=integration-tests/src/test/resources/upgrade
BASE="http://127.0.0.1:$PORT"

echo ">> Building release $RELEASE ($RELEASE_COMMIT)"
git worktree add --detach "$WORK/release" "$RELEASE_COMMIT" >/dev/null
trap 'git worktree remove --force "$WORK/release" >/dev/null 2>&1 || true' EXIT
(cd "$WORK/release" && mvn -B -q -DskipTests -Dskip.npm package -pl bundle -am)

echo ">> Keycloak $KC_VERSION with release $RELEASE on PostgreSQL database $DB"
unpack_keycloak "$KC_VERSION" "$WORK"
KC_HOME="$WORK/keycloak-$KC_VERSION"
cp "$WORK"/release/bundle/target/keycloak-machine-users-bundle-*.jar "$KC_HOME/providers/"
psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
DROP DATABASE IF EXISTS $DB WITH (FORCE);
DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
  CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'; END IF; END \$\$;
CREATE DATABASE $DB OWNER $DB_USER;
SQL
DB_OPTIONS=(--db-url="jdbc:postgresql://127.0.0.1:5432/$DB" --db-username=$DB_USER --db-password=$DB_PASSWORD)
"$KC_HOME/bin/kc.sh" build --db=postgres --cache=local --health-enabled=true >"$WORK/build.log" 2>&1
KC_BOOTSTRAP_ADMIN_USERNAME=$ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --hostname-strict=false \
  --http-port=$PORT --http-management-port=$MANAGEMENT_PORT "${DB_OPTIONS[@]}" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
await_ready "http://127.0.0.1:$MANAGEMENT_PORT" $SERVER_PID "$WORK/server.log"

TOKEN=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=$ADMIN -d password=$ADMIN_PASSWORD \
  "$BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token)
api() { # method path [json body]
  curl -fs -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "$BASE/admin/realms$2" ${3:+--data "$3"}
}
token() { # client id, secret: prints the HTTP status of a client credentials request
  curl -s -o /dev/null -w '%{http_code}' -u "$1:$2" -d grant_type=client_credentials \
    "$BASE/realms/upgrade-fixture/protocol/openid-connect/token"
}
R=/upgrade-fixture

echo ">> Writing the data a 0.1.0 installation holds"
api POST "" '{"realm":"upgrade-fixture","enabled":true}'
api POST "$R/roles" '{"name":"telemetry-read","attributes":{"read-only":["true"]}}'
api POST "$R/roles" '{"name":"telemetry-write"}'
api POST "$R/permission-sets" '{"name":"Telemetry reader","description":"Reads meter data","roles":["telemetry-read"],"readOnly":true}'
api PUT "$R/machine-users/policy" '{"maxKeysPerMachineUser":2,"keyExpiryWarningDays":[30,7,1],"defaultAccessTokenLifespan":600}'
FAR=$(( ($(date +%s) + 3 * 365 * 86400) * 1000 ))

GATEWAY=$(api POST "$R/machine-users" "{\"name\":\"Meter gateway\",\"description\":\"Reads meters at site north\",\"notificationEmail\":\"ops@fixture.test\",\"accessTokenLifespan\":300,\"permissionSets\":[\"Telemetry reader\"],\"keyExpiresAt\":$FAR}")
GATEWAY_ID=$(echo "$GATEWAY" | jq -r .id)
SECOND=$(api POST "$R/machine-users/$GATEWAY_ID/keys" '{"description":"rotation spare"}')
api PUT "$R/machine-users/$GATEWAY_ID/keys/$(echo "$SECOND" | jq -r .id)" '{"status":"INACTIVE"}' >/dev/null

BILLING=$(api POST "$R/machine-users" '{"name":"Billing export","clientId":"billing-export"}')
BILLING_ID=$(echo "$BILLING" | jq -r .id)
REPLACED=$(api POST "$R/machine-users/$BILLING_ID/keys/$(echo "$BILLING" | jq -r .accessKey.id)/replace")

LEGACY=$(api POST "$R/machine-users" '{"name":"Legacy partner"}')
LEGACY_ID=$(echo "$LEGACY" | jq -r .id)
api POST "$R/machine-users/$LEGACY_ID/suspend" '{"reason":"contract ended"}' >/dev/null

# Usage and last-used times: tokens, and refused attempts.
for _ in 1 2 3; do [ "$(token "$(echo "$GATEWAY" | jq -r .clientId)" "$(echo "$GATEWAY" | jq -r .accessKey.secret)")" = 200 ]; done
[ "$(token billing-export "$(echo "$REPLACED" | jq -r .secret)")" = 200 ]
[ "$(token billing-export "$(echo "$BILLING" | jq -r .accessKey.secret)")" = 401 ]

echo ">> Stopping cleanly, so buffered usage is written"
kill -TERM $SERVER_PID; wait $SERVER_PID || true

mkdir -p "$OUT"
pg_dump -h 127.0.0.1 -U postgres --inserts --no-owner --no-privileges "$DB" | gzip -9 -n > "$OUT/release-$RELEASE.postgres.sql.gz"
# Test data only: these secrets exist nowhere but in this fixture database on loopback.
jq -n --arg release "$RELEASE" --arg commit "$RELEASE_COMMIT" --arg keycloak "$KC_VERSION" \
  --arg admin "$ADMIN" --arg adminPassword "$ADMIN_PASSWORD" \
  --argjson gateway "$GATEWAY" --argjson second "$SECOND" --argjson billing "$BILLING" \
  --argjson replaced "$REPLACED" --argjson legacy "$LEGACY" \
  '{release: $release, commit: $commit, keycloak: $keycloak, realm: "upgrade-fixture",
    admin: {username: $admin, password: $adminPassword},
    gateway: $gateway, gatewaySecondKey: $second, billing: $billing, billingReplacement: $replaced,
    legacy: $legacy}' > "$OUT/release-$RELEASE.json"
echo ">> Wrote $OUT/release-$RELEASE.postgres.sql.gz and $OUT/release-$RELEASE.json"
