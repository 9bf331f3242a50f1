package io.github.machineusers.permissionsets.admin;

import io.github.machineusers.permissionsets.PermissionSetException;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.ErrorResponseException;

/** Maps rule violations of permission sets to Keycloak's error answers. */
public final class PermissionSetErrors {

    private PermissionSetErrors() {
    }

    public static ErrorResponseException toResponse(PermissionSetException e) {
        return ErrorResponse.error(e.getMessage(), switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        });
    }
}
