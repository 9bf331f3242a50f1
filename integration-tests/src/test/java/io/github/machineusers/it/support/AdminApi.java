package io.github.machineusers.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A minimal client for Keycloak's admin REST API, authenticated as one user through the
 * {@code admin-cli} client of that user's realm. Paths are relative to {@code /admin/realms}.
 */
public final class AdminApi {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String JSON = "application/json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // Renew a little early so a token cannot expire between the check and the server reading it.
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;
    private final String realm;
    private final String username;
    private final String password;
    private String accessToken;
    private volatile Consumer<Exchange> observer = exchange -> { };
    private Instant renewAt = Instant.MIN;

    private AdminApi(String baseUrl, String realm, String username, String password) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    /** As the bootstrap admin of the shared test server. */
    public static AdminApi forMaster() {
        KeycloakTestServer server = KeycloakTestServer.get();
        return as("master", server.adminUsername(), server.adminPassword());
    }

    /** As any user of {@code realm} on the shared test server. */
    public static AdminApi as(String realm, String username, String password) {
        return at(KeycloakTestServer.get().baseUrl(), realm, username, password);
    }

    /** As any user of {@code realm} on the server at {@code baseUrl} (a node of its own). */
    public static AdminApi at(String baseUrl, String realm, String username, String password) {
        return new AdminApi(baseUrl, realm, username, password);
    }

    /** With a bearer token obtained elsewhere, such as a machine user's own token; it is never renewed. */
    public static AdminApi withToken(String bearerToken) {
        AdminApi api = new AdminApi(KeycloakTestServer.get().baseUrl(), null, null, null);
        api.accessToken = bearerToken;
        api.renewAt = Instant.MAX;
        return api;
    }

    /** The current access token, fetched or renewed as needed; also useful for calling other endpoints. */
    public synchronized String accessToken() {
        if (accessToken == null || !Instant.now().isBefore(renewAt)) {
            // A fresh password grant instead of a refresh_token grant: it works the same whether the
            // refresh token outlived the access token or not, and costs one request per few minutes.
            String form = formEncode(Map.of(
                    "grant_type", "password",
                    "client_id", "admin-cli",
                    "username", username,
                    "password", password));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            JsonNode token = send(request).expectStatus(200).json();
            accessToken = token.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(token.path("expires_in").asLong()).minus(EXPIRY_MARGIN);
        }
        return accessToken;
    }

    /** One admin API call as sent and answered, for tests that check every exchange (the OpenAPI document). */
    public record Exchange(String method, URI uri, String contentType, String requestBody, ApiResponse response) {
    }

    /** Shows every later admin API call of this client to {@code observer}. */
    public AdminApi observedBy(Consumer<Exchange> observer) {
        this.observer = observer;
        return this;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET(), null, null);
    }

    public ApiResponse post(String path, Object body) {
        return postRaw(path, toJson(body), JSON);
    }

    public ApiResponse postRaw(String path, String rawBody, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)), rawBody, contentType);
    }

    public ApiResponse put(String path, Object body) {
        return putRaw(path, toJson(body), JSON);
    }

    public ApiResponse putRaw(String path, String rawBody, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(rawBody)), rawBody, contentType);
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE(), null, null);
    }

    /**
     * Any method with a raw JSON body ({@code null} for none), for table-driven tests that name the
     * method as data.
     */
    public ApiResponse call(String method, String path, String rawBody) {
        return switch (method) {
            case "GET" -> get(path);
            case "DELETE" -> delete(path);
            case "POST" -> postRaw(path, rawBody == null ? "" : rawBody, JSON);
            case "PUT" -> putRaw(path, rawBody == null ? "" : rawBody, JSON);
            default -> throw new IllegalArgumentException("Unsupported method " + method);
        };
    }

    /** Creates an enabled realm and returns its name. */
    public String createRealm(String name) {
        post("", Map.of("realm", name, "enabled", true)).expectStatus(201);
        return name;
    }

    /**
     * Creates a user who can log in straight away (no required actions, complete profile) and
     * gives them the named client roles of {@code realm-management}, e.g. {@code "manage-users"}.
     * Returns the user id.
     */
    public String createUser(String realmName, String username, String password, String... realmManagementRoles) {
        Map<String, Object> user = Map.of(
                "username", username,
                "enabled", true,
                "email", username + "@example.com",
                "emailVerified", true,
                "firstName", "Test",
                "lastName", username,
                "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String userId = post("/" + realmName + "/users", user).expectStatus(201).idFromLocation();

        if (realmManagementRoles.length > 0) {
            String clientId = get("/" + realmName + "/clients?clientId=realm-management")
                    .expectStatus(200).json().path(0).path("id").asText();
            List<JsonNode> roles = new ArrayList<>();
            for (String role : realmManagementRoles) {
                roles.add(get("/" + realmName + "/clients/" + clientId + "/roles/" + role).expectStatus(200).json());
            }
            post("/" + realmName + "/users/" + userId + "/role-mappings/clients/" + clientId, roles).expectStatus(204);
        }
        return userId;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms" + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", JSON);
    }

    private ApiResponse send(HttpRequest.Builder builder, String body, String contentType) {
        HttpRequest request = builder.build();
        ApiResponse response = send(request);
        Exchange exchange = new Exchange(request.method(), request.uri(), contentType, body, response);
        OpenApiContract.check(exchange);
        observer.accept(exchange);
        return response;
    }

    private ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static String toJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + body, e);
        }
    }

    private static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
