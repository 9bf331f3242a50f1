package io.github.machineusers.model;

/** Stored status of a credential of any kind. EXPIRED is derived from the expiry time, never stored. */
public enum CredentialStatus {
    ACTIVE,
    INACTIVE
}
