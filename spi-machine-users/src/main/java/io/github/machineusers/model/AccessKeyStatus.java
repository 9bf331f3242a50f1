package io.github.machineusers.model;

/** Stored status of an access key. EXPIRED is derived from the expiry time, never stored. */
public enum AccessKeyStatus {
    ACTIVE,
    INACTIVE
}
