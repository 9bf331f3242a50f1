package io.github.machineusers.integrity;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.ErrorResponseException;

/**
 * The answer to a stock change that would weaken a machine user: a 400 in Keycloak's error format
 * whose message names the machine-users API, and a transaction that commits nothing. Thrown from
 * Keycloak's model events, so it reaches whichever stock endpoint made the change.
 */
final class StockChangeRefusal {

    private StockChangeRefusal() {
    }

    static ErrorResponseException refuse(KeycloakSession session, String message) {
        // The stock endpoint may already have written part of the change; none of it may commit.
        session.getTransactionManager().setRollbackOnly();
        return ErrorResponse.error(message, Response.Status.BAD_REQUEST);
    }
}
