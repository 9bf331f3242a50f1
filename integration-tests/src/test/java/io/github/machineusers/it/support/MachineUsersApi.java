package io.github.machineusers.it.support;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The machine-user admin API of one realm, seen through one administrator's token. */
public final class MachineUsersApi {

    private final AdminApi admin;
    private final String realm;

    public MachineUsersApi(AdminApi admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    public AdminApi admin() {
        return admin;
    }

    public String realm() {
        return realm;
    }

    public String path(String relative) {
        return "/" + realm + "/machine-users" + relative;
    }

    public ApiResponse create(Map<String, Object> body) {
        return admin.post(path(""), body);
    }

    /** Creates a machine user with a first key and returns the create answer (which holds the secret). */
    public JsonNode createWithKey(String name) {
        return create(Map.of("name", name)).expectStatus(201).json();
    }

    public ApiResponse get(String id) {
        return admin.get(path("/" + id));
    }

    public ApiResponse list(String query) {
        return admin.get(path(query == null || query.isEmpty() ? "" : "?" + query));
    }

    public ApiResponse count(String query) {
        return admin.get(path("/count" + (query == null || query.isEmpty() ? "" : "?" + query)));
    }

    public ApiResponse update(String id, Map<String, Object> body) {
        return admin.put(path("/" + id), body);
    }

    public ApiResponse delete(String id) {
        return admin.delete(path("/" + id));
    }

    public ApiResponse suspend(String id, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return admin.post(path("/" + id + "/suspend"), body);
    }

    public ApiResponse resume(String id) {
        return admin.postRaw(path("/" + id + "/resume"), "", "application/json");
    }

    public ApiResponse keys(String id) {
        return admin.get(path("/" + id + "/keys"));
    }

    public ApiResponse createKey(String id, Map<String, Object> body) {
        return admin.post(path("/" + id + "/keys"), body);
    }

    public ApiResponse updateKey(String id, String keyId, Map<String, Object> body) {
        return admin.put(path("/" + id + "/keys/" + keyId), body);
    }

    public ApiResponse deleteKey(String id, String keyId) {
        return admin.delete(path("/" + id + "/keys/" + keyId));
    }

    public ApiResponse replaceKey(String id, String keyId) {
        return admin.postRaw(path("/" + id + "/keys/" + keyId + "/replace"), "", "application/json");
    }

    public ApiResponse history(String id) {
        return admin.get(path("/" + id + "/history"));
    }

    public ApiResponse usage(String id, int days) {
        return admin.get(path("/" + id + "/usage?days=" + days));
    }

    public ApiResponse policy() {
        return admin.get(path("/policy"));
    }

    public ApiResponse updatePolicy(Map<String, Object> body) {
        return admin.put(path("/policy"), body);
    }
}
