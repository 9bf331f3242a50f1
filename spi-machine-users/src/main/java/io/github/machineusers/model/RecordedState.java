package io.github.machineusers.model;

/**
 * What the machine-users API decided for a machine user and Keycloak's client also holds: whether it
 * is suspended, the not-before time (epoch seconds) before which its tokens are dead, and its owner
 * partition (a group id, null for the realm root). Kept apart from the client, which the stock clients
 * API can change, so that such a change can be compared with it.
 */
public record RecordedState(boolean suspended, int notBefore, String partitionId) {
}
