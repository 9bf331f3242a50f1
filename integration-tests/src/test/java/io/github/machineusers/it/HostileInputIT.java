package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, hostile input: every admin endpoint of the bundle and the token endpoint get malformed
 * JSON, wrong types, huge and broken Unicode strings, path traversal and injection strings in ids
 * and search terms. No answer may be a 5xx or show a stack trace, and after all of it the realm
 * must hold exactly what it held before. Each test collects every offending request, so one run
 * reports them all.
 */
class HostileInputIT {

    private static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1", "1; DROP TABLE CLIENT; --", "\" OR \"\"=\"", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "%00", "\u0000", "a\u0000b", "\ud800", "\u202e\u2066evil", "\ud83d\ude00\u200d\ud83d\udd25", "\ufeff", "x".repeat(3000),
            "${jndi:ldap://127.0.0.1:1/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "MUAKAAAAAAAAAAAAAAAA",
            "null", "undefined", "*", "%", "_", "-1", "99999999999999999999", "NaN");

    private static RealmFixture fixture;
    private static AdminApi admin;
    private static String realm;
    private static String machineUser;
    private static String key;
    private static String partition;
    private static String group;
    private static String snapshot;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("hostile");
        admin = fixture.admin();
        realm = fixture.realm();
        JsonNode mu = fixture.machineUsers().create(Map.of("name", "Fuzz target", "description", "unchanged")).expectStatus(201).json();
        machineUser = mu.path("id").asText();
        key = mu.path("accessKey").path("id").asText();
        fixture.createRole("fuzz:read", false);
        admin.post(under("/permission-sets"), Map.of("name", "Fuzz set", "roles", List.of("fuzz:read"))).expectStatus(201);
        partition = fixture.createPartition("Fuzz site", null);
        group = admin.post(under("/machine-user-groups"), Map.of("name", "Fuzz group")).expectStatus(201).idFromLocation();
        admin.createUser(realm, "fuzz-admin", "fuzz-admin-password");
        snapshot = state();
    }

    private static String under(String path) {
        return "/" + realm + path;
    }

    /** Everything a refused request could have changed. */
    private static String state() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/machine-users?max=1000", "/machine-users/" + machineUser + "/keys",
                "/machine-users/" + machineUser + "/history?max=1000", "/machine-users/policy", "/permission-sets?max=1000",
                "/partitions?max=1000", "/partitions/" + partition + "/administrators", "/partitions/" + partition + "/viewers",
                "/machine-user-groups?max=1000", "/machine-user-groups/" + group + "/members")) {
            all.append(admin.get(under(path)).expectStatus(200).body()).append('\n');
        }
        return all.toString();
    }

    @AfterEach
    void nothingChangedAndNothingBroke() {
        assertThat(problems).as("requests answered with a server error, a stack trace or a wrong status").isEmpty();
        assertThat(state()).as("the realm after the hostile requests").isEqualTo(snapshot);
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        String flat = text == null ? "" : text.replace("\n", "\\n");
        return flat.length() > 120 ? flat.substring(0, 120) + "...(" + flat.length() + " chars)" : flat;
    }

    /** Records the request if it failed on the server, leaked internals, or was not refused when it had to be. */
    private void check(String what, int status, String body, boolean mustBeRefused) {
        boolean leaks = body != null && (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.")
                || body.contains("at io.") || body.contains("at java."));
        if (status >= 500 || leaks || (mustBeRefused && (status < 400 || status >= 500))) {
            problems.add(abbreviated(what) + " -> " + status + " " + abbreviated(body));
        }
    }

    private void send(String method, String path, String body, boolean mustBeRefused) {
        ApiResponse response = admin.call(method, under(path), body);
        check(method + " " + path + " " + (body == null ? "" : body), response.status(), response.body(), mustBeRefused);
    }

    /** The bundle's endpoints that take a body, with the fields each one reads. */
    private static final Map<String, List<String>> BODY_ENDPOINTS = Map.ofEntries(
            Map.entry("POST /machine-users", List.of("name", "description", "partition", "permissionSets", "groups",
                    "accessTokenLifespan", "notificationEmail", "generateKey", "keyExpiresAt")),
            Map.entry("PUT /machine-users/{mu}", List.of("name", "description", "partition", "accessTokenLifespan", "notificationEmail")),
            Map.entry("POST /machine-users/{mu}/suspend", List.of("reason")),
            Map.entry("POST /machine-users/{mu}/keys", List.of("description", "expiresAt")),
            Map.entry("PUT /machine-users/{mu}/keys/{key}", List.of("status", "description", "expiresAt")),
            Map.entry("POST /machine-users/{mu}/keys/{key}/replace", List.of("description", "expiresAt")),
            Map.entry("PUT /machine-users/policy", List.of("maxKeysPerMachineUser", "maxKeyLifetimeDays", "keyExpiryWarningDays",
                    "defaultAccessTokenLifespan")),
            Map.entry("POST /permission-sets", List.of("name", "description", "roles")),
            Map.entry("PUT /permission-sets/Fuzz%20set", List.of("description", "roles")),
            Map.entry("POST /partitions", List.of("name", "parentId")),
            Map.entry("PUT /partitions/{partition}", List.of("name", "parentId")),
            Map.entry("POST /machine-user-groups", List.of("name", "description", "permissionSets", "partitions")),
            Map.entry("PUT /machine-user-groups/{group}", List.of("name", "description", "permissionSets", "partitions")));

    /** Bodies no endpoint may accept, whatever its fields. */
    private static List<String> brokenBodies() {
        return List.of("{", "}", "[", "not json", "[]", "\"text\"", "42", "true", "{\"name\":", "{\"a\":1,}", "{'name':'x'}",
                "[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "{\"x\":".repeat(3000) + "1" + "}".repeat(3001));
    }

    /** Per field: a value of no type the field has (an object), a huge string, and text that is not text. */
    private static List<String> wrongFieldBodies(String field) {
        return List.of(
                "{\"" + field + "\": {\"$ne\": 1}}",
                "{\"" + field + "\": \"" + "x".repeat(100_000) + "\"}",
                "{\"" + field + "\": \"a\\u0000b\"}",
                "{\"" + field + "\": \"\\ud800\"}",
                "{\"" + field + "\": [\"\\ud800\", {\"$where\": \"1\"}]}");
    }

    @Test
    void malformedAndWrongBodiesAreRefusedEverywhere() {
        BODY_ENDPOINTS.forEach((endpoint, fields) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{mu}", machineUser).replace("{key}", key)
                    .replace("{partition}", partition).replace("{group}", group);
            for (String body : brokenBodies()) {
                send(method, path, body, true);
            }
            for (String field : fields) {
                for (String body : wrongFieldBodies(field)) {
                    send(method, path, body, true);
                }
            }
            for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                ApiResponse response = "POST".equals(method)
                        ? admin.postRaw(under(path), "name=x", contentType) : admin.putRaw(under(path), "name=x", contentType);
                check(endpoint + " as " + contentType, response.status(), response.body(), true);
            }
        });
    }

    @Test
    void hostileIdsFindNothingAndChangeNothing() {
        for (String hostile : HOSTILE_STRINGS) {
            String id = encoded(hostile);
            List<String[]> requests = List.of(
                    new String[]{"GET", "/machine-users/" + id}, new String[]{"DELETE", "/machine-users/" + id},
                    new String[]{"PUT", "/machine-users/" + id, "{\"name\":\"renamed\"}"},
                    new String[]{"GET", "/machine-users/" + id + "/keys"}, new String[]{"POST", "/machine-users/" + id + "/keys", "{}"},
                    new String[]{"GET", "/machine-users/" + id + "/history"}, new String[]{"GET", "/machine-users/" + id + "/usage"},
                    new String[]{"POST", "/machine-users/" + id + "/suspend", "{\"reason\":\"r\"}"},
                    new String[]{"POST", "/machine-users/" + id + "/resume", ""},
                    new String[]{"PUT", "/machine-users/" + machineUser + "/keys/" + id, "{\"status\":\"INACTIVE\"}"},
                    new String[]{"DELETE", "/machine-users/" + machineUser + "/keys/" + id},
                    new String[]{"POST", "/machine-users/" + machineUser + "/keys/" + id + "/replace", "{}"},
                    new String[]{"PUT", "/machine-users/" + machineUser + "/permission-sets/" + id, "{}"},
                    new String[]{"DELETE", "/machine-users/" + machineUser + "/permission-sets/" + id},
                    new String[]{"GET", "/permission-sets/" + id}, new String[]{"DELETE", "/permission-sets/" + id + "?force=true"},
                    new String[]{"PUT", "/permission-sets/" + id, "{\"description\":\"d\"}"},
                    new String[]{"GET", "/partitions/" + id}, new String[]{"DELETE", "/partitions/" + id},
                    new String[]{"PUT", "/partitions/" + id, "{\"name\":\"n\"}"},
                    new String[]{"PUT", "/partitions/" + partition + "/administrators/" + id, "{}"},
                    new String[]{"DELETE", "/partitions/" + partition + "/viewers/" + id},
                    new String[]{"GET", "/machine-user-groups/" + id}, new String[]{"DELETE", "/machine-user-groups/" + id},
                    new String[]{"PUT", "/machine-user-groups/" + id, "{\"name\":\"n\"}"},
                    new String[]{"PUT", "/machine-user-groups/" + group + "/members/" + id, "{}"},
                    new String[]{"DELETE", "/machine-user-groups/" + group + "/members/" + id});
            for (String[] request : requests) {
                send(request[0], request[1], request.length > 2 ? request[2] : null, true);
            }
        }
        // Unencoded traversal: whatever the server makes of it, it must not reach a resource of the realm.
        send("GET", "/machine-users/../../../../../etc/passwd", null, true);
        send("DELETE", "/machine-users/" + machineUser + "/keys/..%2F..%2F" + machineUser, null, true);
    }

    @Test
    void hostileSearchTermsAndQueryValuesAreSafe() {
        for (String hostile : HOSTILE_STRINGS) {
            String value = encoded(hostile);
            for (String path : List.of("/machine-users?search=", "/machine-users/count?search=", "/machine-users?status=",
                    "/machine-users?partition=", "/machine-users?first=", "/machine-users?max=", "/permission-sets?search=",
                    "/partitions?search=", "/machine-user-groups?search=", "/machine-users/" + machineUser + "/history?max=",
                    "/machine-users/" + machineUser + "/usage?days=")) {
                send("GET", path + value, null, false);
            }
        }
        // SQL's wildcards match only themselves (the search's own wildcard is *).
        for (String wildcard : List.of("%", "_", "%25", "\\", "!", "!%")) {
            ApiResponse found = admin.get(under("/machine-users?search=" + encoded(wildcard)));
            if (found.status() != 200 || !found.json().isEmpty()) {
                problems.add("search=" + wildcard + " -> " + found.status() + " " + abbreviated(found.body()));
            }
        }
    }

    @Test
    void hostileTokenRequestsAreRefusedCleanly() throws Exception {
        // HTTP/1.1 as most API clients speak it; with an h2c upgrade some servers answer an oversized header with GOAWAY.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI token = URI.create(KeycloakTestServer.get().baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token");
        List<String> forms = new ArrayList<>();
        for (String hostile : HOSTILE_STRINGS) {
            String value = encoded(hostile);
            forms.add("grant_type=client_credentials&client_id=" + value + "&client_secret=" + value);
            forms.add("grant_type=client_credentials&client_id=" + key + "&client_secret=" + value);
            forms.add("grant_type=" + value + "&client_id=" + key + "&client_secret=kcmu_x");
        }
        forms.add("grant_type=client_credentials&client_id=" + key + "&client_secret=" + "k".repeat(200_000));
        forms.add("grant_type=client_credentials&client_id=" + key + "&client_id=other&client_secret=kcmu_x");
        for (String form : forms) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            check("token " + form, response.statusCode(), response.body(), true);
        }
        List<String> authorizations = new ArrayList<>(List.of("Basic", "Basic !!!", "Basic " + b64("no-colon"), "Basic " + b64(":"),
                "Basic " + b64(key + ":"), "Basic " + "A".repeat(20_000), "Bearer x", "Basic " + b64(key + ":\u0000")));
        for (String hostile : HOSTILE_STRINGS) {
            authorizations.add("Basic " + b64(encoded(hostile) + ":" + encoded(hostile)));
        }
        for (String authorization : authorizations) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            check("token with Authorization: " + authorization, response.statusCode(), response.body(), true);
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
