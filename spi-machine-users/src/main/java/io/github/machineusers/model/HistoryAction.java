package io.github.machineusers.model;

public enum HistoryAction {
    CREATED,
    UPDATED,
    DELETED,
    SUSPENDED,
    RESUMED,
    KEY_CREATED,
    KEY_UPDATED,
    KEY_DELETED,
    KEY_REPLACED,
    KEY_EXPIRY_WARNING,
    PUBLIC_KEY_CREATED,
    PUBLIC_KEY_UPDATED,
    PUBLIC_KEY_DELETED,
    PERMISSION_SET_GRANTED,
    PERMISSION_SET_REVOKED,
    GROUP_JOINED,
    GROUP_LEFT,
    /** A role that is no permission set, granted through Keycloak's stock users API. */
    ROLE_GRANTED,
    ROLE_REVOKED
}
