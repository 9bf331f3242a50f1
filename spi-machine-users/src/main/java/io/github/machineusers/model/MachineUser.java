package io.github.machineusers.model;

import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;

/**
 * A machine user seen through its Keycloak client. Everything Keycloak can hold lives on the
 * client (name, description, enabled flag, token lifespan, attributes), so realm export, the stock
 * console and kcadm.sh see it too. Suspension is the client's enabled flag.
 */
public final class MachineUser {

    /** Client attribute that marks a client as a machine user. */
    public static final String MARKER = "machine-user";
    public static final String NOTIFICATION_EMAIL = "machine-user.notification-email";
    public static final String SUSPENDED_REASON = "machine-user.suspended-reason";
    public static final String SUSPENDED_AT = "machine-user.suspended-at";
    public static final String PARTITION = "machine-user.partition";

    private final ClientModel client;

    private MachineUser(ClientModel client) {
        this.client = client;
    }

    public static boolean isMachineUser(ClientModel client) {
        return client != null && "true".equals(client.getAttribute(MARKER));
    }

    /** The machine user behind a client, or null for any other client. */
    public static MachineUser of(ClientModel client) {
        return isMachineUser(client) ? new MachineUser(client) : null;
    }

    public ClientModel client() {
        return client;
    }

    public String id() {
        return client.getId();
    }

    public String clientId() {
        return client.getClientId();
    }

    public String name() {
        return client.getName();
    }

    public String description() {
        return client.getDescription();
    }

    public boolean isSuspended() {
        return !client.isEnabled();
    }

    public String suspendedReason() {
        return client.getAttribute(SUSPENDED_REASON);
    }

    public String notificationEmail() {
        return client.getAttribute(NOTIFICATION_EMAIL);
    }

    public String partition() {
        return client.getAttribute(PARTITION);
    }

    /** Seconds, or null when the realm's access token lifespan applies. */
    public Integer accessTokenLifespan() {
        String value = client.getAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            return seconds > 0 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void setAccessTokenLifespan(Integer seconds) {
        if (seconds == null) {
            client.removeAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN);
        } else {
            client.setAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN, Integer.toString(seconds));
        }
    }

    public void setNotificationEmail(String email) {
        setOrRemove(NOTIFICATION_EMAIL, email);
    }

    void setOrRemove(String attribute, String value) {
        if (value == null || value.isEmpty()) {
            client.removeAttribute(attribute);
        } else {
            client.setAttribute(attribute, value);
        }
    }
}
