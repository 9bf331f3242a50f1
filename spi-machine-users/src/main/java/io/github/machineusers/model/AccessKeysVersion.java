package io.github.machineusers.model;

import org.keycloak.models.ClientModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A stamp on a machine user's client, renewed by every change that decides whether a secret
 * authenticates: a key added, replaced, removed, activated, deactivated or given a new expiry,
 * and the machine user's registration (which a realm import also goes through). Keycloak caches
 * clients and drops a changed one on every node of the cluster, so what a node remembers of the
 * keys under a stamp is current for as long as the client still carries that stamp.
 */
public final class AccessKeysVersion {

    public static final String ATTRIBUTE = "machine-user.keys-version";

    private AccessKeysVersion() {
    }

    /** Null for a machine user whose keys have not changed since it was made by release 0.5.0 or earlier. */
    public static String of(ClientModel client) {
        return client.getAttribute(ATTRIBUTE);
    }

    public static void renew(ClientModel client) {
        client.setAttribute(ATTRIBUTE, KeycloakModelUtils.generateId());
    }
}
