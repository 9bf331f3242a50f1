package io.github.machineusers.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.ProviderIds;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * What a machine user's Keycloak client is, in one place: a confidential OpenID Connect client whose
 * only grant is the service account's and whose only credential is its access keys. The API makes
 * clients this way, a stock path that brings a marked client is made to fit it, and a stock change
 * that leaves it is refused.
 */
public final class MachineUserClientShape {

    /** Grants a machine user never has, by client attribute. */
    private static final List<String> FORBIDDEN_ATTRIBUTES = List.of(
            "oauth2.device.authorization.grant.enabled",
            "oidc.ciba.grant.enabled",
            "standard.token.exchange.enabled");

    private MachineUserClientShape() {
    }

    /**
     * The representation the API creates a machine user's client from. It already has the shape, not only
     * after {@link #apply}: Keycloak gives a new client its default client scopes by protocol and a generated
     * secret by type while it creates it.
     */
    static ClientRepresentation newClient(String clientId, String name, String description) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription(description);
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setClientAuthenticatorType(ProviderIds.CLIENT_AUTHENTICATOR);
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setEnabled(true);
        client.setConsentRequired(false);
        client.setFrontchannelLogout(false);
        client.setFullScopeAllowed(true);
        client.setAttributes(Map.of(MachineUser.MARKER, "true"));
        return client;
    }

    /** Makes the client fit, whatever the representation that made it asked for. */
    public static void apply(ClientModel client) {
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setClientAuthenticatorType(ProviderIds.CLIENT_AUTHENTICATOR);
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        FORBIDDEN_ATTRIBUTES.forEach(client::removeAttribute);
        clearSecret(client);
    }

    /** A Keycloak client secret would be a second, unmanaged credential. */
    public static void clearSecret(ClientModel client) {
        if (client.getSecret() != null) {
            client.setSecret(null);
        }
    }

    /** How the client has left the shape, each as the rule it breaks; empty when it fits. */
    public static List<String> deviations(ClientModel client) {
        List<String> problems = new ArrayList<>();
        if (!ProviderIds.CLIENT_AUTHENTICATOR.equals(client.getClientAuthenticatorType())) {
            problems.add("its client authenticator stays '" + ProviderIds.CLIENT_AUTHENTICATOR
                    + "'; credentials are managed under .../machine-users/{id}/keys");
        }
        if (!OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
            problems.add("its protocol stays openid-connect");
        }
        if (client.isPublicClient() || client.isBearerOnly()) {
            problems.add("it stays a confidential client");
        }
        if (!client.isServiceAccountsEnabled()) {
            problems.add("its service account stays on");
        }
        if (client.isStandardFlowEnabled() || client.isImplicitFlowEnabled() || client.isDirectAccessGrantsEnabled()) {
            problems.add("it has no browser or password flow");
        }
        for (String attribute : FORBIDDEN_ATTRIBUTES) {
            if ("true".equals(client.getAttribute(attribute))) {
                problems.add("'" + attribute + "' stays off");
            }
        }
        return problems;
    }
}
