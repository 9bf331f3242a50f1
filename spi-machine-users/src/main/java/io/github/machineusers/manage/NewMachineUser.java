package io.github.machineusers.manage;

/**
 * What a new machine user is made of, as the admin API received it; the manager validates it.
 *
 * @param clientId            null to derive one from the name
 * @param accessTokenLifespan null for the policy's default
 * @param keyExpiresAt        epoch milliseconds; null for the longest lifetime the policy allows
 */
public record NewMachineUser(String name, String description, String clientId, String notificationEmail,
                             Integer accessTokenLifespan, boolean generateKey, Long keyExpiresAt) {
}
