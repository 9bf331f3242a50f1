package io.github.machineusers.rest;

import org.keycloak.models.KeycloakSession;

/**
 * Marks a request as one the machine-users admin API serves. Keycloak publishes the same model events
 * (a client updated, a user joining a group, a role granted) whether this API or a stock one made the
 * change; the mark tells them apart, so that only stock changes are vetted or written into history as such.
 */
public final class MachineUsersApiRequest {

    private static final String ATTRIBUTE = "machine-users.api-request";

    private MachineUsersApiRequest() {
    }

    public static void mark(KeycloakSession session) {
        session.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isMarked(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }
}
