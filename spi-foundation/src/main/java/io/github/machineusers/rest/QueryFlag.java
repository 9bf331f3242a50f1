package io.github.machineusers.rest;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponse;

/**
 * A true/false query parameter read strictly. JAX-RS turns anything but "true" into false, so
 * {@code force=notabool} would quietly mean "no"; here it is a 400 that names the parameter.
 */
public final class QueryFlag {

    private QueryFlag() {
    }

    /** Absent or empty is false; otherwise "true" or "false", in any case. */
    public static boolean of(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw ErrorResponse.error("Query parameter '" + name + "' must be true or false", Response.Status.BAD_REQUEST);
    }
}
