# Shell functions the project's scripts share for running a Keycloak distribution; source it.

# unpack_keycloak <version> <directory>: org.keycloak:keycloak-quarkus-dist:<version>:zip from
# Maven Central, unpacked to <directory>/keycloak-<version>. overWriteReleases, because the plugin
# would otherwise skip the unpack when a marker says another directory got the same zip earlier.
unpack_keycloak() {
  mvn -B -q -N dependency:unpack -Dmdep.overWriteReleases=true \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$1:zip" -DoutputDirectory="$2"
}

# await_ready <management url> <server pid> <log file>: returns once /health/ready answers 200;
# exits with the log's end if the server dies first or is not ready within 180 s.
await_ready() {
  for _ in $(seq 1 1800); do
    curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { tail -50 "$3"; echo "Keycloak exited before it was ready" >&2; exit 1; }
    sleep 0.1
  done
  tail -50 "$3"; echo "Keycloak was not ready within 180 s" >&2; exit 1
}
