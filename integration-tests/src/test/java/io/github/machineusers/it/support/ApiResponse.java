package io.github.machineusers.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.http.HttpHeaders;

/** A response from the admin REST API, kept as plain data so assertions can look at anything. */
public record ApiResponse(int status, String body, HttpHeaders headers) {

    /** The body as a tree; {@link MissingNode} for an empty body (e.g. 201 and 204 responses). */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return AdminApi.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Body is not JSON: " + this, e);
        }
    }

    public <T> T as(Class<T> type) {
        try {
            return AdminApi.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Body is not a " + type.getSimpleName() + ": " + this, e);
        }
    }

    /** The Location header, which Keycloak sets on 201 Created. */
    public String location() {
        return headers.firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location header: " + this));
    }

    /** The id of the created resource: the last path segment of {@link #location()}. */
    public String idFromLocation() {
        String location = location();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Fails with the status and body in the message, which is what one needs to see when a setup call fails. */
    public ApiResponse expectStatus(int expected) {
        if (status != expected) {
            throw new IllegalStateException("Expected HTTP " + expected + " but got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "HTTP " + status + (body == null || body.isEmpty() ? "" : " " + body);
    }
}
