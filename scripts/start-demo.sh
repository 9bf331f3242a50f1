#!/usr/bin/env bash
# Builds the bundle, installs it into a Keycloak distribution from Maven Central, and starts the
# server on its embedded H2 database with the iot-platform realm template imported and a ready
# machine user.
# Usage: scripts/start-demo.sh [http-port]      (default 8080; management port is 9000)
set -euo pipefail

cd "$(dirname "$0")/.."
. scripts/lib/keycloak.sh
PORT="${1:-8080}"
DEMO_DIR="$PWD/.demo"
mkdir -p "$DEMO_DIR"

echo ">> Building the bundle"
mvn -B -q -DskipTests package -pl bundle -am
VERSION=$(mvn -B -q help:evaluate -Dexpression=keycloak.server.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')
KC_HOME="$DEMO_DIR/keycloak-$VERSION"

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo ">> Fetching Keycloak $VERSION from Maven Central"
  unpack_keycloak "$VERSION" "$DEMO_DIR"
fi
cp bundle/target/keycloak-machine-users-bundle-*.jar "$KC_HOME/providers/"
mkdir -p "$KC_HOME/data/import"
cp realm-templates/src/main/resources/realm-templates/iot-platform.json "$KC_HOME/data/import/"

echo ">> kc.sh build"
"$KC_HOME/bin/kc.sh" build --db=dev-file --cache=local --health-enabled=true >"$DEMO_DIR/build.log" 2>&1 \
  || { cat "$DEMO_DIR/build.log"; exit 1; }

# The bootstrap admin exists from the first start on; keep its generated password for later starts.
PASSWORD_FILE="$DEMO_DIR/admin-password"
[ -s "$PASSWORD_FILE" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PASSWORD_FILE"
ADMIN_PASSWORD=$(cat "$PASSWORD_FILE")
BASE="http://localhost:$PORT"

echo ">> Starting Keycloak (log: $DEMO_DIR/server.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false \
  --http-port="$PORT" --import-realm >"$DEMO_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null' INT TERM

await_ready "http://localhost:9000" $SERVER_PID "$DEMO_DIR/server.log"

TOKEN=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin \
  --data-urlencode "password=$ADMIN_PASSWORD" "$BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token)
REALM=iot-platform
# The master realm's console gets the machine-user pages (the admin theme of the bundle).
curl -fs -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"adminTheme":"machine-users"}' "$BASE/admin/realms/master"
# A fresh machine user at every start: its secret exists only in this answer, never on disk.
CREATED=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Demo gateway $(date +%H%M%S)\",\"description\":\"Made by scripts/start-demo.sh\",
       \"partition\":\"/Site North/Building A\",\"permissionSets\":[\"Standard\"],\"groups\":[\"Energy analytics\"]}" \
  "$BASE/admin/realms/$REALM/machine-users")

cat <<TXT

Keycloak with machine users is running.
  Admin console:   $BASE/admin/master/console/#/$REALM/machine-users   (user: admin, password: $ADMIN_PASSWORD)
  Demo realm:      $REALM (from realm-templates/.../iot-platform.json)
  Machine user:    $(echo "$CREATED" | jq -r .clientId)
  Access key id:   $(echo "$CREATED" | jq -r .accessKey.id)
  Secret (shown once): $(echo "$CREATED" | jq -r .accessKey.secret)

Get a token:
  curl -s -u "$(echo "$CREATED" | jq -r .clientId):$(echo "$CREATED" | jq -r .accessKey.secret)" \\
       -d grant_type=client_credentials $BASE/realms/$REALM/protocol/openid-connect/token

Press Ctrl+C to stop.
TXT
wait $SERVER_PID
