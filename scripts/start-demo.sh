#!/usr/bin/env bash
# Starts Keycloak with the bundle on its embedded H2 database, with the iot-platform realm template
# imported and a demo machine user that has a fresh key. Builds only what changed since the last
# start, so a second start is quick.
# Usage: scripts/start-demo.sh [--reset] [http-port]
#   --reset    start from an empty database (the realm is imported again; the admin password stays)
#   http-port  default 8080; the management port is 9000
set -euo pipefail

cd "$(dirname "$0")/.."
. scripts/lib/keycloak.sh
RESET=false
if [ "${1:-}" = --reset ]; then RESET=true; shift; fi
PORT="${1:-8080}"
DEMO_DIR="$PWD/.demo"
mkdir -p "$DEMO_DIR"
VERSION=$(sed -n 's:.*<keycloak.server.version>\(.*\)</keycloak.server.version>.*:\1:p' pom.xml | head -1)  # the first is the default; profiles follow
KC_HOME="$DEMO_DIR/keycloak-$VERSION"

# The bundle is rebuilt only when a source, a POM or the console's code is newer than it.
BUNDLE=$(ls bundle/target/keycloak-machine-users-bundle-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$BUNDLE" ] || [ -n "$(find pom.xml representations spi-* admin-ui-theme realm-templates bundle \
      -path '*/target' -prune -o -path '*/node_modules' -prune -o -type f -newer "$BUNDLE" -print -quit)" ]; then
  echo ">> Building the bundle (log: .demo/build.log)"
  mvn -B -q -DskipTests package -pl bundle -am >"$DEMO_DIR/build.log" 2>&1 || { tail -50 "$DEMO_DIR/build.log"; exit 1; }
  BUNDLE=$(ls bundle/target/keycloak-machine-users-bundle-*.jar | grep -v original | head -1)
fi

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo ">> Fetching Keycloak $VERSION from Maven Central (log: .demo/fetch.log)"
  unpack_keycloak "$VERSION" "$DEMO_DIR" >"$DEMO_DIR/fetch.log" 2>&1 || { tail -50 "$DEMO_DIR/fetch.log"; exit 1; }
fi
if $RESET; then
  echo ">> Starting from an empty database"
  rm -rf "$KC_HOME/data/h2"
fi
mkdir -p "$KC_HOME/data/import"
cp realm-templates/src/main/resources/realm-templates/iot-platform.json "$KC_HOME/data/import/"

# kc.sh build only when the bundle in providers/ changed.
if ! cmp -s "$BUNDLE" "$KC_HOME/providers/keycloak-machine-users-bundle.jar" || [ ! -f "$DEMO_DIR/built" ]; then
  echo ">> kc.sh build (log: .demo/kc-build.log)"
  rm -f "$KC_HOME"/providers/keycloak-machine-users-bundle*.jar "$DEMO_DIR/built"
  cp "$BUNDLE" "$KC_HOME/providers/keycloak-machine-users-bundle.jar"
  "$KC_HOME/bin/kc.sh" build --db=dev-file --cache=local --health-enabled=true >"$DEMO_DIR/kc-build.log" 2>&1 \
    || { tail -50 "$DEMO_DIR/kc-build.log"; exit 1; }
  touch "$DEMO_DIR/built"
fi

# The bootstrap admin exists from the first start on; keep its generated password for later starts.
PASSWORD_FILE="$DEMO_DIR/admin-password"
[ -s "$PASSWORD_FILE" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PASSWORD_FILE"
ADMIN_PASSWORD=$(cat "$PASSWORD_FILE")
BASE="http://localhost:$PORT"
REALM=iot-platform

echo ">> Starting Keycloak (log: .demo/server.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false \
  --http-port="$PORT" --import-realm >"$DEMO_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null' INT TERM
await_ready "http://localhost:9000" $SERVER_PID "$DEMO_DIR/server.log"

admin() {
  curl -fs -H "Authorization: Bearer $(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin \
      --data-urlencode "password=$ADMIN_PASSWORD" "$BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token)" \
    -H 'Content-Type: application/json' "$@"
}
# The master realm's console gets the machine-user pages (the admin theme of the bundle).
admin -X PUT -d '{"adminTheme":"machine-users"}' "$BASE/admin/realms/master"

# The resource server's secret, for the README's introspection; made once, kept in .demo/.
IOT_API=$(admin "$BASE/admin/realms/$REALM/clients?clientId=iot-api" | jq -r '.[0].id')
IOT_API_SECRET=$(admin "$BASE/admin/realms/$REALM/clients/$IOT_API/client-secret" | jq -r '.value // empty')
[ -n "$IOT_API_SECRET" ] || IOT_API_SECRET=$(admin -X POST "$BASE/admin/realms/$REALM/clients/$IOT_API/client-secret" | jq -r .value)
printf '%s' "$IOT_API_SECRET" > "$DEMO_DIR/iot-api-secret"

# One demo machine user across starts: made on the first, given a fresh key on every later one.
# Its secret exists only in this output, never on disk.
DEMO_NAME="Demo gateway"
DEMO_ID=$(admin "$BASE/admin/realms/$REALM/machine-users?search=%22demo%20gateway%22" | jq -r '.[0].id // empty')
if [ -z "$DEMO_ID" ]; then
  CREATED=$(admin -d "{\"name\":\"$DEMO_NAME\",\"description\":\"Made by scripts/start-demo.sh\",
       \"partition\":\"/Site North/Building A\",\"permissionSets\":[\"Standard\"],\"groups\":[\"Energy analytics\"]}" \
    "$BASE/admin/realms/$REALM/machine-users")
  DEMO_ID=$(echo "$CREATED" | jq -r .id)
  KEY=$(echo "$CREATED" | jq -c .accessKey)
else
  OLD_KEY=$(admin "$BASE/admin/realms/$REALM/machine-users/$DEMO_ID/keys" | jq -r '.[0].id // empty')
  if [ -n "$OLD_KEY" ]; then
    KEY=$(admin -X POST "$BASE/admin/realms/$REALM/machine-users/$DEMO_ID/keys/$OLD_KEY/replace")
  else
    KEY=$(admin -d '{}' "$BASE/admin/realms/$REALM/machine-users/$DEMO_ID/keys")
  fi
fi
DEMO=$(admin "$BASE/admin/realms/$REALM/machine-users/$DEMO_ID")
CLIENT_ID=$(echo "$DEMO" | jq -r .clientId)
SECRET=$(echo "$KEY" | jq -r .secret)

cat <<TXT

Keycloak with machine users is running.
  Admin console:  $BASE/admin/master/console/#/$REALM/machine-users
                  user admin, password $ADMIN_PASSWORD (kept in .demo/admin-password)
  Demo realm:     $REALM (the iot-platform realm template)
  Machine user:   $CLIENT_ID
                  partition $(echo "$DEMO" | jq -r .partition), permission sets $(echo "$DEMO" | jq -r '.permissionSets | join(", ")'), group $(echo "$DEMO" | jq -r '.groups | join(", ")')
  Access key:     $(echo "$KEY" | jq -r .id)
  Secret:         $SECRET   (shown once; the next start replaces the key)
  Resource server iot-api, secret in .demo/iot-api-secret

Get a token:
  curl -s -u "$CLIENT_ID:$SECRET" -d grant_type=client_credentials \\
       $BASE/realms/$REALM/protocol/openid-connect/token

The README's blocks run as pasted from here. Press Ctrl+C to stop.
TXT
wait $SERVER_PID
