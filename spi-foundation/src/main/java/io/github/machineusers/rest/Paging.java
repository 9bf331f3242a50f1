package io.github.machineusers.rest;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.ErrorResponseException;

/** Query parameters parsed by hand so that "max=abc" is a clear 400 rather than JAX-RS's 404. */
public record Paging(int first, int max) {

    static final int DEFAULT_MAX = 100;
    public static final int LIMIT = 1000;

    public static Paging of(String first, String max) {
        int f = integer("first", first, 0);
        int m = integer("max", max, DEFAULT_MAX);
        if (f < 0) {
            throw badRequest("Query parameter 'first' must not be negative");
        }
        if (m < 0) {
            throw badRequest("Query parameter 'max' must not be negative");
        }
        return new Paging(f, Math.min(m, LIMIT));
    }

    public static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw badRequest("Query parameter '" + name + "' must be a whole number");
        }
    }

    private static ErrorResponseException badRequest(String message) {
        return ErrorResponse.error(message, Response.Status.BAD_REQUEST);
    }
}
