package io.github.machineusers.manage;

import io.github.machineusers.patch.Change;

/** What a partial update of a machine user sets; its owner partition moves through {@link MachineUserManager#moveTo}. */
public record MachineUserChanges(Change<String> name, Change<String> description, Change<String> notificationEmail,
                                 Change<Integer> accessTokenLifespan) {
}
